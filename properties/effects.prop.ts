/**
 * Law: the modulated delay is differentiable in its input, centre, depth and
 * gain (reverse mode = float64 central differences; draws whose step moves a
 * read position across a sample, a kink of linear interpolation, are discarded).
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import type { Rate, Signal } from '../src/core/signal.js'
import { modDelay } from '../src/synths/delay.js'
import { lfo } from '../src/synths/lfo.js'
import { gradCheck } from './gradcheck.js'
import { params } from './runs.js'
import { TOL, within } from '../testing/tolerance.js'

describe('modDelay gradients', () => {
  it('∂/∂(x, centre, depth, gain) = central differences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 ** 30 }), (B, seed) => {
        const [sr, n] = [8000, 120]
        const range = (lo: number, hi: number) => ({ shape: [B, 1], rate: 'static' as const, lo, hi })
        const specs = { x: { shape: [B, n], rate: 'audio' as const }, centre: range(2, 6), depth: range(0.2, 1.7), gain: range(0.2, 1) }
        const f = (p: Readonly<Record<string, Signal<Rate>>>) =>
          modDelay(p['x'] as Signal<'audio'>, lfo('sine', 40, n, sr), { centreMs: p['centre']!, depthMs: p['depth']!, gain: p['gain']! }, sr)
        const { fd, ad, smooth, noise } = gradCheck(f, specs, seed, 'modDelay', 1e-6) // a small directional derivative: smaller steps drown in rounding
        fc.pre(smooth)
        return within(TOL.pieceGradient, fd, ad, noise)
      }),
      params(0.5),
    )
  })
})
