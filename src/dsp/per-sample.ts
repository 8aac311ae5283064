/**
 * Per-sample parameters: a number, a static signal or an audio-rate signal,
 * broadcast to an audio signal's `[B, T]` shape, so filters and envelopes can
 * take constant or modulated parameters alike.
 *
 * @example
 * perSample(1000, [2, 16000])          // a constant cutoff for every sample
 * perSample(cutoffCurve, [2, 16000])   // an audio-rate modulation, unchanged
 */
import { constant, withRate, type Operand, type Signal } from '../core/signal.js'
import { broadcastTo } from '../core/tensor.js'

/** A per-sample parameter (control rate must be upsampled first). */
export type AudioParam = number | Signal<'static'> | Signal<'audio'>

/**
 * `v` broadcast to `shape` as an audio-rate signal. Public APIs take `AudioParam`;
 * internally computed coefficients (any rate that broadcasts) are accepted too.
 * @example perSample(0.5, [1, 64])
 */
export const perSample = (v: Operand, shape: readonly number[]): Signal<'audio'> =>
  withRate(broadcastTo(typeof v === 'number' ? constant(v) : withRate(v.node, 'static'), shape).node, 'audio')
