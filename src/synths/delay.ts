/**
 * Time-varying fractional delay and the modulated-delay effects built on it
 * (vibrato, chorus, flanger). Linear interpolation between the two nearest
 * samples (`gather` with per-row indices), so the output is differentiable in
 * the input and in the delay time:
 *   p = t − d(t)·sr,  i = ⌊p⌋,  y[t] = (1 − (p − i))·x[i] + (p − i)·x[i + 1]
 * (samples before the start read 0). The modulated delay follows the intent of
 * ddsp's `ModDelay` docstring, d(t) = centre + depth·m(t) with m in [−1, 1]
 * (ddsp's code maps its phase to [15, 25] ms instead), and returns
 * dry + gain·wet. Feedback (a delay longer than one sample inside a recursion)
 * is not expressible as a first-order recurrence and is not offered.
 *
 * @example
 * const y = modDelay(x, lfo('sine', 0.8, n, sr), { centreMs: 20, depthMs: 5, gain: 0.7 }, sr)  // chorus
 */
import { add, floor, mul, sub } from '../core/math.js'
import { withRate, type Operand, type Signal } from '../core/signal.js'
import { broadcastTo, gather } from '../core/tensor.js'
import { sampleCounts } from './time.js'

/**
 * Delays each sample by `delay` seconds (fractional, time-varying).
 * @param x audio `[B, T]`  @param delay seconds ≥ 0, number, static `[B, 1]` or audio `[B, T]`
 * @example variableDelay(x, 0.0123, 48000)
 */
export const variableDelay = (x: Signal<'audio'>, delay: Operand, sampleRate: number): Signal<'audio'> => {
  const [B, T] = x.shape ?? [1, 1]
  // read positions per batch row, [B, T] (gather with batchDims = 1 reads row b of x for row b)
  const p = broadcastTo(withRate(sub(sub(sampleCounts(T!), 1), mul(delay, sampleRate)).node, 'audio'), [B!, T!])
  const i0 = floor(p)
  const frac = sub(p, i0)
  const at = (i: Signal<'audio'>) => withRate(gather(x, i, 1, 1).node, 'audio')
  return add(mul(sub(1, frac), at(i0)), mul(frac, at(add(i0, 1))))
}

/** Parameters of a modulated delay. */
export interface ModDelayParams {
  readonly centreMs: Operand
  readonly depthMs: Operand
  /** Wet gain; the output is dry + gain·wet. */
  readonly gain: Operand
  /** Dry gain (default 1; 0 for vibrato). */
  readonly dry?: Operand
}

/**
 * A delay modulated by `mod` (in [−1, 1], e.g. an LFO) around `centreMs ± depthMs`.
 * @example modDelay(x, lfo('triangle', 0.25, n, sr), flanger, sr)
 */
export const modDelay = (x: Signal<'audio'>, mod: Signal<'audio'>, p: ModDelayParams, sampleRate: number): Signal<'audio'> => {
  const delay = mul(1 / 1000, add(p.centreMs, mul(p.depthMs, mod)))
  const wet = variableDelay(x, withRate(delay.node, 'audio'), sampleRate)
  return withRate(add(mul(p.dry ?? 1, x), mul(p.gain, wet)).node, 'audio')
}

/** Classic settings: use with a sine or triangle LFO of the given rate. */
export const modDelayPresets = {
  /** wet only, 5 ms ± 2 ms at ~5 Hz: pitch vibrato */
  vibrato: { params: { centreMs: 5, depthMs: 2, gain: 1, dry: 0 }, rateHz: 5 },
  /** 20 ms ± 5 ms at ~0.8 Hz, half wet */
  chorus: { params: { centreMs: 20, depthMs: 5, gain: 0.5 }, rateHz: 0.8 },
  /** 3 ms ± 2.5 ms at ~0.25 Hz, full wet: comb sweep */
  flanger: { params: { centreMs: 3, depthMs: 2.5, gain: 1 }, rateHz: 0.25 },
} as const
