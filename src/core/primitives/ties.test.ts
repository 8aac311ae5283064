import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../../backends/reference/index.js'
import { valueAndGrad } from '../autodiff/vjp.js'
import { evaluateSync } from '../interpret.js'
import { max, min } from '../math.js'
import { compile } from '../program-api.js'
import { param } from '../signal.js'
import { reduceMax, sum } from '../tensor.js'

// At a tie the derivative does not exist; the convention (as in JAX) splits
// the cotangent evenly, so the gradient of a symmetric expression stays symmetric.
const grads = (loss: ReturnType<typeof sum>, feeds: Record<string, number[]>) =>
  pipe(
    compile({ loss }),
    E.flatMap((p) => valueAndGrad(p, 'loss')),
    E.flatMap((p) => evaluateSync(reference('float64'))(p, feeds)),
    E.map((o) => Object.fromEntries(Object.keys(feeds).map((k) => [k, [...o[`grad:${k}`]!.data]]))),
  )

describe('gradients at ties', () => {
  const a = param('a', [3])
  const b = param('b', [3])
  it('maximum and minimum split the cotangent evenly', () => {
    const feeds = { a: [1, 2, 3], b: [1, 5, 0] }
    expect(grads(sum(max(a, b), [0]), feeds)).toEqual(E.right({ a: [0.5, 0, 1], b: [0.5, 1, 0] }))
    expect(grads(sum(min(a, b), [0]), feeds)).toEqual(E.right({ a: [0.5, 1, 0], b: [0.5, 0, 1] }))
  })
  it('reduceMax splits among tied maxima', () => {
    expect(grads(reduceMax(a, [0]), { a: [2, 7, 7] })).toEqual(E.right({ a: [0, 0.5, 0.5] }))
  })
})
