/**
 * Law: wavetable lookup is differentiable in the table and the phase (reverse
 * mode = float64 central differences; draws whose step crosses a table point,
 * a kink of linear interpolation, are discarded).
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import type { Rate, Signal } from '../src/core/signal.js'
import { wavetableLookup } from '../src/synths/wavetable.js'
import { gradCheck } from './gradcheck.js'
import { params } from './runs.js'
import { TOL, within } from '../testing/tolerance.js'

describe('wavetable gradients', () => {
  it('∂/∂(table, phase) = central differences, static and time-varying tables', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 2, max: 12 }), fc.boolean(), fc.integer({ min: 1, max: 2 ** 30 }), (B, N, varying, seed) => {
        const T = 20
        const specs = {
          table: { shape: varying ? [B, T, N] : [B, N], rate: varying ? ('audio' as const) : ('static' as const) },
          phase: { shape: [B, T], rate: 'audio' as const },
        }
        const f = (p: Readonly<Record<string, Signal<Rate>>>) => wavetableLookup(p['table']!, p['phase'] as Signal<'audio'>)
        const { fd, ad, smooth, noise } = gradCheck(f, specs, seed, 'wavetableLookup', 1e-7)
        fc.pre(smooth)
        return within(TOL.pieceGradient, fd, ad, noise)
      }),
      params(),
    )
  })
})
