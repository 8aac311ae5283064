/**
 * Temporal centroid: the energy-weighted mean time of a signal, in seconds.
 * Ref: G. Peeters, "A large set of audio features for sound description",
 * IRCAM CUIDADO report, 2004, §5.1.2 (here on the instantaneous energy x²).
 *
 * @example
 * import { temporalCentroid } from 'ddsp-ts/features'
 * const tc = temporalCentroid(input('x', [1, 16000], 'audio'), 16000)  // [1], seconds
 * // a click at sample 8000 gives 0.5 s
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import { type Signal, withRate } from '../core/signal.js'
import { dimsOf, invalid } from '../dsp/guard.js'

/** ε added to the total energy before dividing (silence gives 0 s, finite gradients). */
export const TEMPORAL_EPS = 1e-12

/**
 * t_c[b] = Σ_n (n/sampleRate)·x[b,n]² / (Σ_n x[b,n]² + ε).
 * @param x audio `[B, N]`  @param sampleRate Hz
 * @returns control `[B]` in seconds
 * @example temporalCentroid(x, 44100)
 */
export const temporalCentroid = (x: Signal<'audio'>, sampleRate: number): Signal<'control'> => {
  const shape = dimsOf(x, 2)
  if (shape === undefined) return invalid(x, 'temporalCentroid needs audio [batch, samples]', 'control')
  if (!(sampleRate > 0)) return invalid(x, `temporalCentroid: bad sampleRate ${sampleRate}`, 'control')
  const n = shape[1]!
  const t = B.constant(Array.from({ length: n }, (_, i) => i / sampleRate), [n])
  const body = (s: Signal<'audio'>): Signal<'control'> => {
    const e = B.mul(s.node, s.node)
    return withRate(B.div(B.sum(B.mul(e, t), [-1]), B.add(B.sum(e, [-1]), B.scalar(TEMPORAL_EPS))), 'control')
  }
  return composite('features.temporalCentroid', body, { attrs: { sampleRate } })(x)
}
