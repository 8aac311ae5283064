/**
 * Law: polyphonic rendering is differentiable in every note's pitch, onset,
 * duration and velocity: reverse mode matches float64 central differences
 * (draws whose step straddles a kink are discarded).
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import type { Rate, Signal } from '../src/core/signal.js'
import { renderNotes } from '../src/synths/poly.js'
import { gradCheck } from './gradcheck.js'
import { params } from './runs.js'
import { TOL, within } from '../testing/tolerance.js'

describe('renderNotes gradients', () => {
  it('∂/∂(pitch, onset, duration, velocity) = central differences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 ** 30 }), (N, seed) => {
        const range = (lo: number, hi: number) => ({ shape: [N, 1], rate: 'static' as const, lo, hi })
        const specs = { pitch: range(48, 72), onset: range(0, 0.02), duration: range(0.01, 0.04), velocity: range(0.2, 1) }
        const f = (p: Readonly<Record<string, Signal<Rate>>>) => {
          const note = (k: string) => p[k] as Signal<'static'>
          const ns = { pitch: note('pitch'), onset: note('onset'), duration: note('duration'), velocity: note('velocity'), lowestPitch: 48 }
          return renderNotes(ns, 300, 4000, { waveform: 'saw', filter: { cutoff: 500, envAmount: 800, q: 2 } })
        }
        // h = 1e-7 along unit directions (onsets in seconds): a larger step meets the envelope's curvature
        const { fd, ad, smooth, noise } = gradCheck(f, specs, seed, 'renderNotes', 1e-7)
        fc.pre(smooth)
        return within(TOL.pieceGradient, fd, ad, noise)
      }),
      params(0.5),
    )
  })
})
