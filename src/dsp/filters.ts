/**
 * Recursive filters on the `recurrence` primitive, differentiable in their
 * input, cutoff and resonance, with coefficients that may vary per sample.
 *
 * One-pole: y[t] = a[t]·y[t−1] + (1 − a[t])·x[t].
 *
 * State-variable filter, the trapezoidal (TPT / zero-delay-feedback) form of
 * Zavalishin, "The Art of VA Filter Design" §4, in A. Simper's linear-trap
 * formulation: with g = tan(π·fc/sr), k = 1/Q, a1 = 1/(1 + g(g + k)),
 * a2 = g·a1, a3 = g·a2 and state (ic1, ic2):
 *   v1 = a1·ic1 + a2·(x − ic2),  v2 = ic2 + a2·ic1 + a3·(x − ic2)
 *   ic1' = 2v1 − ic1,  ic2' = 2v2 − ic2
 *   low = v2,  band = v1,  high = x − k·v1 − v2.
 * The state update is linear in the state, s[t] = M[t]·s[t−1] + c[t]·x[t] with
 * M = [[2a1 − 1, −2a2], [2a2, 1 − 2a3]] and c = (2a2, 2a3), so the whole filter
 * is one 2-state `recurrence` (parallel on tfjs, closed-form adjoint), and it
 * stays stable under fast cutoff modulation, unlike a direct-form biquad.
 *
 * @example
 * const y = svf(noise(1, [1, 16000]), 1000, 4, 16000, 'low')  // resonant low-pass at 1 kHz
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import { add, cos, div, min, mul, sin, sub } from '../core/math.js'
import { concat, recurrence, reshape, slice } from '../core/tensor.js'
import { constant, Signal, withRate } from '../core/signal.js'
import { perSample, type AudioParam } from './per-sample.js'

export type { AudioParam } from './per-sample.js'

/** Filter responses of the state-variable filter. */
export type SvfMode = 'low' | 'band' | 'high'

const shapeOfSignal = (x: Signal<'audio'>): readonly number[] => x.shape ?? [1, 1]

/** `[B, T]` pieces as one `[B, T, ...cols]` tensor along new trailing axes. */
const stackLast = (xs: ReadonlyArray<Signal<'audio'>>, shape: readonly number[]): Signal<'audio'> =>
  concat(xs.map((x) => reshape(x, [...shape, 1])), -1)

/**
 * One-pole low-pass smoother y[t] = a·y[t−1] + (1 − a)·x[t], y[−1] = 0.
 * @param x audio `[B, T]`  @param a pole in [0, 1), scalar or per sample `[B, T]`
 * @example onePole(x, 0.99)
 */
export const onePole = (x: Signal<'audio'>, a: AudioParam): Signal<'audio'> => {
  const shape = shapeOfSignal(x)
  const pole = perSample(a, shape)
  const y = recurrence(reshape(pole, [...shape, 1, 1]), reshape(mul(sub(1, pole), x), [...shape, 1]), constant(0, [shape[0]!, 1]))
  return reshape(y, shape)
}

/** The SVF's per-sample coefficients from cutoff (Hz) and Q. */
const svfCoefficients = (cutoff: Signal<'audio'>, q: Signal<'audio'>, sampleRate: number) => {
  const w = mul(Math.PI / sampleRate, min(cutoff, 0.49 * sampleRate)) // keep tan finite below Nyquist
  const g = div(sin(w), cos(w))
  const k = div(1, q)
  const a1 = div(1, add(1, mul(g, add(g, k))))
  const a2 = mul(g, a1)
  return { k, a1, a2, a3: mul(g, a2) }
}

const svfBody =
  (sampleRate: number, mode: SvfMode) =>
  (x: Signal<'audio'>, cutoff: Signal<'audio'>, q: Signal<'audio'>): Signal<'audio'> => {
    const shape = shapeOfSignal(x)
    const [batch, T] = [shape[0]!, shape[1]!]
    const { k, a1, a2, a3 } = svfCoefficients(cutoff, q, sampleRate)
    const m = stackLast([sub(mul(2, a1), 1), mul(-2, a2), mul(2, a2), sub(1, mul(2, a3))], shape)
    const y0 = constant(0, [batch, 2])
    const s = recurrence(reshape(m, [...shape, 2, 2]), stackLast([mul(mul(2, a2), x), mul(mul(2, a3), x)], shape), y0)
    // the outputs at t read the state before the update: s[t − 1], with s[−1] = y0
    const prev = concat([withRate(B.reshape(y0.node, [batch, 1, 2]), 'audio'), slice(s, [0, 0, 0], [batch, T - 1, 2])], 1)
    const ic1 = reshape(slice(prev, [0, 0, 0], [batch, T, 1]), shape)
    const ic2 = reshape(slice(prev, [0, 0, 1], [batch, T, 1]), shape)
    const v1 = add(mul(a1, ic1), mul(a2, sub(x, ic2)))
    const v2 = add(add(ic2, mul(a2, ic1)), mul(a3, sub(x, ic2)))
    return mode === 'low' ? v2 : mode === 'band' ? v1 : sub(sub(x, mul(k, v1)), v2)
  }

/**
 * Resonant state-variable filter (TPT), time-varying in cutoff and Q.
 * @param x audio `[B, T]`
 * @param cutoff Hz, scalar, static or per sample (broadcast to `[B, T]`); clamped below 0.49·sr
 * @param q resonance Q (> 0; 1/√2 is Butterworth), scalar or per sample
 * @param sampleRate Hz
 * @param mode `'low'`, `'band'` or `'high'`; at the cutoff all three have gain Q (band: multiply by 1/Q for unit peak)
 * @example svf(x, mul(lfo, 2000), 0.707, 48000, 'low')
 */
export const svf = (x: Signal<'audio'>, cutoff: AudioParam, q: AudioParam, sampleRate: number, mode: SvfMode = 'low'): Signal<'audio'> => {
  const shape = shapeOfSignal(x)
  return composite('dsp.svf', svfBody(sampleRate, mode), { attrs: { sampleRate, mode } })(x, perSample(cutoff, shape), perSample(q, shape))
}
