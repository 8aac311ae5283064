import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../../backends/reference/index.js'
import { valueAndGrad } from '../autodiff/vjp.js'
import { evaluateSync } from '../interpret.js'
import { add, mul, stopGradient } from '../math.js'
import { compile } from '../program-api.js'
import { param } from '../signal.js'
import { sum } from '../tensor.js'

describe('stopGradient', () => {
  it('is the identity forward and blocks the gradient exactly', () => {
    const x = param('x', [3])
    const out = pipe(
      compile({ loss: sum(add(mul(x, 2), stopGradient(mul(x, x))), [0]) }),
      E.flatMap((p) => valueAndGrad(p, 'loss')),
      E.flatMap((p) => evaluateSync(reference('float64'))(p, { x: [1, 2, 3] })),
    )
    expect(E.isRight(out) && out.right['loss']!.data[0]).toBe(2 * 6 + 14)
    expect(E.isRight(out) && [...out.right['grad:x']!.data]).toEqual([2, 2, 2])
  })
})
