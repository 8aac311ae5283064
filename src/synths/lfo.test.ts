import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { valueAndGrad } from '../core/autodiff/vjp.js'
import { evaluateSync } from '../core/interpret.js'
import { compile } from '../core/program-api.js'
import { constant, param } from '../core/signal.js'
import { mul } from '../core/math.js'
import { sum } from '../core/tensor.js'
import { lfo, type LfoShape } from './lfo.js'
import { modMatrix } from './modulation.js'
import { evaluateOrThrow as ev } from '../../testing/run.js'


describe('lfo', () => {
  const sr = 8
  const values = (shape: LfoShape) => [...ev({ y: lfo(shape, 1, 8, sr) })['y']!.data].map((v) => Math.round(v * 1e9) / 1e9 + 0)
  it('draws one cycle of each shape at known points', () => {
    const s = Math.SQRT1_2
    expect(values('sine')).toEqual([0, s, 1, s, 0, -s, -1, -s].map((v) => Math.round(v * 1e9) / 1e9 + 0))
    expect(values('triangle')).toEqual([0, 0.5, 1, 0.5, 0, -0.5, -1, -0.5])
    expect(values('saw')).toEqual([-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75])
    expect(values('square')).toEqual([1, 1, 1, 1, -1, -1, -1, -1])
  })
  it('sample-and-hold holds one value per cycle, in [−1, 1)', () => {
    const y = [...ev({ y: lfo('sampleHold', 2, 16, sr, { seed: 3 }) })['y']!.data]
    expect(new Set(y.slice(0, 4)).size).toBe(1)
    expect(new Set(y.slice(4, 8)).size).toBe(1)
    expect(y[0]).not.toBe(y[4])
    expect(y.every((v) => v >= -1 && v < 1)).toBe(true)
  })
  it('is differentiable in its rate: d/drate Σ sin(2π·rate·t) matches the closed form', () => {
    const rate = param('rate', [1, 1])
    const p = pipe(compile({ loss: sum(lfo('sine', rate, 16, 16), [0, 1]) }), E.flatMap((q) => valueAndGrad(q, 'loss')))
    const out = E.isRight(p) ? evaluateSync(reference('float64'))(p.right, { rate: 0.7 }) : p
    const expected = Array.from({ length: 16 }, (_, n) => 2 * Math.PI * (n / 16) * Math.cos(2 * Math.PI * 0.7 * (n / 16))).reduce((a, b) => a + b)
    expect(E.isRight(out) && out.right['grad:rate']!.data[0]).toBeCloseTo(expected, 10)
  })
})

describe('modMatrix', () => {
  it('routes Σ depth[s, d]·source_s into each destination', () => {
    const a = lfo('saw', 1, 8, 8)
    const b = lfo('square', 1, 8, 8)
    const [d0, d1] = modMatrix([a, b], constant([0.5, 0, 0.25, -1], [2, 2]))
    const out = ev({ d0: d0!, d1: d1!, a, b })
    const [av, bv] = [out['a']!.data, out['b']!.data]
    expect([...out['d0']!.data]).toEqual([...av].map((v, i) => 0.5 * v + 0.25 * bv[i]!))
    expect([...out['d1']!.data]).toEqual([...bv].map((v) => -v + 0))
  })
  it('has gradients w.r.t. the depths', () => {
    const [d0] = modMatrix([lfo('sine', 1, 8, 8)], param('depth', [1, 1]))
    const p = pipe(compile({ loss: sum(mul(d0!, 1), [0, 1]) }), E.flatMap((q) => valueAndGrad(q, 'loss')))
    const out = E.isRight(p) ? evaluateSync(reference('float64'))(p.right, { depth: 2 }) : p
    expect(E.isRight(out) && out.right['grad:depth']!.data[0]).toBeCloseTo(0, 12) // a full sine cycle sums to 0
  })
})
