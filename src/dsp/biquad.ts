/**
 * A second-order IIR section (biquad) with per-sample coefficients, as a
 * feed-forward part plus a 2-state `recurrence`:
 *   u[n] = b0·x[n] + b1·x[n−1] + b2·x[n−2]
 *   y[n] = u[n] − a1·y[n−1] − a2·y[n−2]
 * State s[n] = (y[n], y[n−1]) evolves as s[n] = [[−a1, −a2], [1, 0]]·s[n−1] + (u[n], 0),
 * zero initial state (torchaudio `lfilter` semantics, a0 = 1, no clamp).
 * A fusible composite `dsp.biquad`: host-memory backends run `backends/host/fused/biquad.ts`
 * (one pass, static coefficients never widened to `[B, T]`).
 * Reference: R. Bristow-Johnson, "Cookbook formulae for audio EQ biquad filter coefficients".
 *
 * @example
 * const y = biquad(x, highpassCoefficients(2500, 2, 44100))
 */
import { add, cos, div, min, mul, sin, sub, neg } from '../core/math.js'
import { fusible } from '../core/fusible.js'
import { constant, withRate, type Operand, type Rate, type Signal } from '../core/signal.js'
import { perSample } from './per-sample.js'
import { concat, pad, recurrence, reshape, slice } from '../core/tensor.js'

/** Normalised biquad coefficients (a0 = 1); numbers, static `[B, 1]`, or per sample `[B, T]`. */
export interface BiquadCoefficients {
  readonly b0: Operand
  readonly b1: Operand
  readonly b2: Operand
  readonly a1: Operand
  readonly a2: Operand
}

/** x delayed by d samples (zeros enter). */
const delay = (x: Signal<'audio'>, d: number, [B, T]: readonly number[]): Signal<'audio'> =>
  slice(pad(x, [0, d], [0, 0]), [0, 0], [B!, T!])

/**
 * Filters audio `[B, T]` through a biquad.
 * @example biquad(x, { b0: 1, b1: 0, b2: 0, a1: -0.9, a2: 0 }) // one-pole resonator
 */
export const biquad = (x: Signal<'audio'>, c: BiquadCoefficients): Signal<'audio'> => {
  const signal = (v: Operand): Signal<Rate> => (typeof v === 'number' ? constant(v, [1, 1]) : v)
  return fusible('dsp.biquad', biquadBody)(x, signal(c.b0), signal(c.b1), signal(c.b2), signal(c.a1), signal(c.a2))
}

/** The biquad's decomposition: the FIR part, then the all-pole part as a 2-state recurrence. */
const biquadBody = (x: Signal<Rate>, ...coefficients: ReadonlyArray<Signal<Rate>>): Signal<'audio'> => {
  const audio = withRate(x.node, 'audio')
  const shape = audio.shape ?? [1, 1]
  const [B, T] = [shape[0]!, shape[1]!]
  const [b0, b1, b2, a1, a2] = coefficients.map((v) => perSample(v, shape)) as [Signal<'audio'>, Signal<'audio'>, Signal<'audio'>, Signal<'audio'>, Signal<'audio'>]
  const u = add(add(mul(b0, audio), mul(b1, delay(audio, 1, shape))), mul(b2, delay(audio, 2, shape)))
  const col = (v: Signal<'audio'>) => reshape(v, [B, T, 1])
  const zero = perSample(0, shape)
  const one = perSample(1, shape)
  const m = reshape(concat([col(neg(a1)), col(neg(a2)), col(one), col(zero)], -1), [B, T, 2, 2])
  const s = recurrence(m, concat([col(u), col(zero)], -1), constant(0, [B, 2]))
  return reshape(slice(s, [0, 0, 0], [B, T, 1]), [B, T])
}

const tanOf = (x: Signal<Rate>) => div(sin(x), cos(x))

/**
 * Butterworth-style high-pass coefficients as in timbreremap's `Biquad`:
 * K = tan(π·fc/sr), norm = 1/(1 + K/Q + K²), b = norm·(1, −2, 1),
 * a1 = 2(K² − 1)·norm, a2 = (1 − K/Q + K²)·norm. The cutoff is clamped to
 * sr/2 − 1000 Hz, as the TorchDrum plugin does, so tan stays finite.
 * @example highpassCoefficients(2500, 2, 44100)
 */
export const highpassCoefficients = (cutoff: Operand, q: Operand, sampleRate: number): BiquadCoefficients => {
  const k = tanOf(mul(Math.PI / sampleRate, min(cutoff, sampleRate / 2 - 1000)))
  const k2 = mul(k, k)
  const norm = div(1, add(add(1, div(k, q)), k2))
  return { b0: norm, b1: mul(-2, norm), b2: norm, a1: mul(mul(2, sub(k2, 1)), norm), a2: mul(add(sub(1, div(k, q)), k2), norm) }
}

/**
 * The matching low-pass: b = K²·norm·(1, 2, 1), same a1, a2.
 * @example lowpassCoefficients(800, 0.707, 44100)
 */
export const lowpassCoefficients = (cutoff: Operand, q: Operand, sampleRate: number): BiquadCoefficients => {
  const hp = highpassCoefficients(cutoff, q, sampleRate)
  const k = tanOf(mul(Math.PI / sampleRate, min(cutoff, sampleRate / 2 - 1000)))
  const b0 = mul(mul(k, k), hp.b0)
  return { ...hp, b0, b1: mul(2, b0), b2: b0 }
}
