/**
 * Law: the modulated delay is differentiable in its input, centre, depth and
 * gain (reverse mode = float64 central differences; draws whose step moves a
 * read position across a sample, a kink of linear interpolation, are discarded).
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { mul } from '../src/core/math.js'
import { compile } from '../src/core/program-api.js'
import { constant, param } from '../src/core/signal.js'
import { sum } from '../src/core/tensor.js'
import { modDelay } from '../src/synths/delay.js'
import { lfo } from '../src/synths/lfo.js'
import { operand, rng } from './cases.js'
import { directional } from './directional.js'
import { ok } from './harness.js'
import { params } from './runs.js'
import { TOL, within } from './tolerance.js'

describe('modDelay gradients', () => {
  it('∂/∂(x, centre, depth, gain) = central differences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 ** 30 }), (B, seed) => {
        const r = rng(seed)
        const [sr, n] = [8000, 120]
        const x = param('x', [B, n], 'audio')
        const y = modDelay(x, lfo('sine', 40, n, sr), { centreMs: param('centre', [B, 1]), depthMs: param('depth', [B, 1]), gain: param('gain', [B, 1]) }, sr)
        const prog = ok(compile({ loss: sum(mul(y, constant([...operand(r, [B, n]).values], [B, n])), [0, 1]) }))
        const d = (lo: number, span: number) => Float64Array.from({ length: B }, () => lo + span * r.next())
        const at = { x: operand(r, [B, n]).values, centre: d(2, 4), depth: d(0.2, 1.5), gain: d(0.2, 0.8) }
        const dir = { x: operand(r, [B, n]).values, centre: d(-0.5, 1), depth: d(-0.5, 1), gain: d(-0.5, 1) }
        const { fd, ad, smooth } = directional(prog, at, dir, 1e-7, 'modDelay')
        fc.pre(smooth)
        return within({ ...TOL.gradient, rtol: 1e-5 }, fd, ad)
      }),
      params(0.5),
    )
  })
})
