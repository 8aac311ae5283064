/**
 * Law: the ADSR's gradients w.r.t. attack, decay, sustain, release, onset and
 * offset match float64 central differences wherever the envelope is smooth;
 * a draw whose step straddles a segment corner or sample boundary (the
 * one-sided slopes disagree) is discarded, as the derivative does not exist there.
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import type { Rate, Signal } from '../src/core/signal.js'
import { adsr } from '../src/synths/adsr.js'
import { gradCheck } from './gradcheck.js'
import { params } from './runs.js'
import { TOL, within } from '../testing/tolerance.js'

describe('adsr gradients', () => {
  it('∂/∂(a, d, s, r, onset, offset) = central differences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 ** 30 }), (B, seed) => {
        const range = (lo: number, hi: number) => ({ shape: [B, 1], rate: 'static' as const, lo, hi })
        const specs = { attack: range(0.02, 0.22), decay: range(0.02, 0.22), sustain: range(0, 1), release: range(0.02, 0.32), onset: range(0.05, 0.25), offset: range(0.3, 0.7) }
        const f = (p: Readonly<Record<string, Signal<Rate>>>) =>
          adsr({ attack: p['attack']!, decay: p['decay']!, sustain: p['sustain']!, release: p['release']!, onset: p['onset']!, offset: p['offset']! }, 200, 200)
        const { fd, ad, smooth, noise } = gradCheck(f, specs, seed, 'adsr', 1e-7)
        fc.pre(smooth)
        return within(TOL.pieceGradient, fd, ad, noise)
      }),
      params(),
    )
  })
})
