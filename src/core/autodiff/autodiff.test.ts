import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../../backends/reference/index.js'
import { composite } from '../composite.js'
import { evaluateSync } from '../interpret.js'
import { add, exp, log, mul, sin } from '../math.js'
import { compile } from '../program-api.js'
import { input, param, type Signal } from '../signal.js'
import { sum } from '../tensor.js'
import { valueAndGrad, vjp } from './vjp.js'

const ref = evaluateSync(reference('float64'))
const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left))
  return e.right
}

describe('valueAndGrad', () => {
  it('differentiates a param end to end (d/dg Σ g·sin x = Σ sin x; d/dg of a broadcast param sums)', () => {
    const x = input('x', [3])
    const g = param('g', [])
    const p = right(valueAndGrad(right(compile({ loss: sum(mul(g, sin(x)), [0]) })), 'loss'))
    const out = right(ref(p, { x: [0.1, 0.2, 0.3], g: 2 }))
    const s = Math.sin(0.1) + Math.sin(0.2) + Math.sin(0.3)
    expect(out['loss']!.data[0]).toBeCloseTo(2 * s, 12)
    expect(out['grad:g']!.data[0]).toBeCloseTo(s, 12)
  })

  it('gives zero for a param the output does not read, and errors for unknown names', () => {
    const p = right(compile({ loss: sum(param('a', [2]), [0]), other: param('b', [2]) }))
    const out = right(ref(right(valueAndGrad(p, 'loss')), { a: [1, 2], b: [3, 4] }))
    expect([...out['grad:b']!.data]).toEqual([0, 0])
    expect([...out['grad:a']!.data]).toEqual([1, 1])
    expect(E.isLeft(valueAndGrad(p, 'nope'))).toBe(true)
    expect(E.isLeft(vjp(p, { output: 'loss', wrt: ['zz'] }))).toBe(true)
  })

  it('differentiates a composite through its decomposition, params inside included', () => {
    const softplusScaled = composite('softplusScaled', (x: Signal<'static'>) => mul(param('k', []), log(add(exp(x), 1))))
    const p = right(valueAndGrad(right(compile({ loss: sum(softplusScaled(param('x', [2])), [0]) })), 'loss'))
    const out = right(ref(p, { x: [0.5, -1], k: 3 }))
    const sig = (v: number) => 1 / (1 + Math.exp(-v))
    expect(out['grad:x']!.data[0]).toBeCloseTo(3 * sig(0.5), 12)
    expect(out['grad:x']!.data[1]).toBeCloseTo(3 * sig(-1), 12)
    expect(out['grad:k']!.data[0]).toBeCloseTo(Math.log1p(Math.exp(0.5)) + Math.log1p(Math.exp(-1)), 12)
  })

  it('uses a custom VJP when given, and rejects one that reads params', () => {
    // a deliberately "wrong" VJP shows it is the one used: d/dx = 7
    const seven = composite('seven', (x: Signal<'static'>) => mul(x, 2), { vjp: (_, __, ct) => [mul(ct, 7)] })
    const p = right(valueAndGrad(right(compile({ loss: sum(seven(param('x', [2])), [0]) })), 'loss'))
    expect([...right(ref(p, { x: [1, 2] }))['grad:x']!.data]).toEqual([7, 7])
    const bad = composite('bad', (x: Signal<'static'>) => mul(x, param('k', [])), { vjp: (_, __, ct) => [ct] })
    const r = compile(bad(param('x', [1])))
    expect(E.isLeft(r) && r.left[0]!.message).toMatch(/must take its params as inputs/)
  })
})

describe('evaluation errors', () => {
  const p = right(compile({ y: mul(input('x', [2]), param('g', [])) }))
  const tag = (feeds: Record<string, unknown>) => {
    const r = ref(p, feeds as never)
    return E.isLeft(r) ? r.left._tag : 'Right'
  }
  it('names missing, unknown, misshaped and non-finite feeds', () => {
    expect(tag({ x: [1, 2] })).toBe('MissingFeed')
    expect(tag({ x: [1, 2], g: 1, h: 2 })).toBe('UnknownFeed')
    expect(tag({ x: [1, 2, 3], g: 1 })).toBe('FeedShapeMismatch')
    expect(tag({ x: [1, Number.NaN], g: 1 })).toBe('NonFiniteFeed')
    expect(tag({ x: [1, Infinity], g: 1 })).toBe('NonFiniteFeed')
    expect(tag({ x: [1, 2], g: 1 })).toBe('Right')
  })
})

describe('evaluate (async, any backend)', () => {
  it('gives the same outputs as the synchronous path', async () => {
    const { evaluate } = await import('../interpret.js')
    const p = right(compile({ y: mul(input('x', [2]), 3) }))
    const out = await evaluate(reference('float32'))(p, { x: [1, 2] })
    expect(E.isRight(out) && [...out.right['y']!.data]).toEqual([3, 6])
    expect(E.isRight(out) && out.right['y']!.data).toBeInstanceOf(Float32Array)
  })
})
