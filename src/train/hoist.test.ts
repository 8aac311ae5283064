import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { reference } from '../backends/reference/index.js'
import { valueAndGrad } from '../core/autodiff/vjp.js'
import { hoistedFeeds, hoistedName, hoistInvariants } from './hoist.js'
import { evaluateSync } from '../core/interpret.js'
import { add, exp, mul, sin, sub } from '../core/math.js'
import { compile } from '../core/program-api.js'
import { input, noise, param } from '../core/signal.js'
import { sum } from '../core/tensor.js'

const ref = evaluateSync(reference('float64'))
const orThrow = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left))
  return e.right
}

describe('hoistInvariants', () => {
  const target = input('target', [8])
  const x = param('x', [8])
  const feature = exp(sin(target)) // invariant
  const d = sub(mul(x, add(noise(3, [8]), 1)), feature)
  const p = orThrow(E.flatMap(compile({ loss: sum(mul(d, d), [0]) }), (q) => valueAndGrad(q, 'loss')))
  const feeds = { target: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], x: [1, -1, 2, -2, 3, -3, 4, -4] }

  it('main with the pre values computes exactly what the program computes', () => {
    const { pre, main } = hoistInvariants(p, new Set(['target']))
    const fixed = orThrow(ref(pre, { target: feeds.target }))
    const got = orThrow(ref(main, { x: feeds.x, ...hoistedFeeds(fixed) }))
    const want = orThrow(ref(p, feeds))
    for (const k of Object.keys(want)) expect(Array.from(got[k]!.data)).toEqual(Array.from(want[k]!.data))
  })
  it('moves the invariant work out of main: no sin, exp or noise per step, and no target input', () => {
    const { pre, main } = hoistInvariants(p, new Set(['target']))
    const ops = (q: typeof p) => q.eqns.map((e) => e.op)
    expect(ops(main)).not.toContain('sin')
    expect(ops(main)).not.toContain('noise')
    expect(ops(pre)).toContain('sin')
    expect(main.inputs.map((i) => i.name).every((n) => n.startsWith('hoisted:'))).toBe(true)
    expect(pre.outputs.map((o) => o.name)).toEqual(main.inputs.map((i) => i.name))
    expect(hoistedName(4)).toBe('hoisted:4')
  })
  it('hoists nothing but sources when no input is fixed', () => {
    const { main } = hoistInvariants(p, new Set())
    expect(main.eqns.map((e) => e.op)).toContain('sin')
  })
})
