/**
 * Law: the harmonic synth and its oscillator bank are differentiable in the
 * amplitudes, the harmonic distribution and f0 (reverse mode = float64 central
 * differences along a random direction, with ddsp's exp-sigmoid scaling and
 * Nyquist renormalisation on; draws whose step crosses a Nyquist boundary are
 * discarded).
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { mul } from '../src/core/math.js'
import { compile } from '../src/core/program-api.js'
import { constant, param } from '../src/core/signal.js'
import { sum } from '../src/core/tensor.js'
import { harmonic } from '../src/synths/harmonic.js'
import { operand, rng } from './cases.js'
import { directional } from './directional.js'
import { ok } from './harness.js'
import { params } from './runs.js'
import { TOL, within } from './tolerance.js'

describe('harmonic gradients', () => {
  it('∂/∂(amplitudes, distribution, f0) = central differences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 2 ** 30 }), (B, K, seed) => {
        const r = rng(seed)
        const [sr, F, T] = [8000, 4, 64]
        const y = harmonic(param('amp', [B, F, 1], 'control'), param('dist', [B, F, K], 'control'), param('f0', [B, F, 1], 'control'), { samples: T, sampleRate: sr })
        const prog = ok(compile({ loss: sum(mul(y, constant([...operand(r, [B, T]).values], [B, T])), [0, 1]) }))
        const at = { amp: operand(r, [B, F, 1]).values, dist: operand(r, [B, F, K]).values, f0: Float64Array.from({ length: B * F }, () => 100 + 1500 * r.next()) }
        const dir = { amp: operand(r, [B, F, 1]).values, dist: operand(r, [B, F, K]).values, f0: operand(r, [B, F, 1]).values }
        // h = 1e-5: phases reach ~1e5 Hz·samples, so float64 rounding/h would swamp a smaller step
        const { fd, ad, smooth } = directional(prog, at, dir, 1e-5, 'harmonic')
        fc.pre(smooth)
        return within({ ...TOL.gradient, rtol: 1e-5 }, fd, ad)
      }),
      params(),
    )
  })
})
