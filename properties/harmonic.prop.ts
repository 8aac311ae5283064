/**
 * Law: the harmonic synth and its oscillator bank are differentiable in the
 * amplitudes, the harmonic distribution and f0 (reverse mode = float64 central
 * differences along a random direction, with ddsp's exp-sigmoid scaling and
 * Nyquist renormalisation on; draws whose step crosses a Nyquist boundary are
 * discarded).
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import type { Rate, Signal } from '../src/core/signal.js'
import { harmonic } from '../src/synths/harmonic.js'
import { gradCheck } from './gradcheck.js'
import { params } from './runs.js'
import { TOL, within } from '../testing/tolerance.js'

describe('harmonic gradients', () => {
  it('∂/∂(amplitudes, distribution, f0) = central differences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 2 ** 30 }), (B, K, seed) => {
        const F = 4
        const specs = {
          amp: { shape: [B, F, 1], rate: 'control' as const },
          dist: { shape: [B, F, K], rate: 'control' as const },
          f0: { shape: [B, F, 1], rate: 'control' as const, lo: 100, hi: 1600 },
        }
        const ctl = (p: Readonly<Record<string, Signal<Rate>>>, k: string) => p[k] as Signal<'control'>
        const f = (p: Readonly<Record<string, Signal<Rate>>>) => harmonic(ctl(p, 'amp'), ctl(p, 'dist'), ctl(p, 'f0'), { samples: 64, sampleRate: 8000 })
        // h = 1e-5: phases reach ~1e5 Hz·samples, so float64 rounding/h would swamp a smaller step
        const { fd, ad, smooth, noise } = gradCheck(f, specs, seed, 'harmonic', 1e-5)
        fc.pre(smooth)
        return within(TOL.phaseGradient, fd, ad, noise)
      }),
      params(),
    )
  })
})
