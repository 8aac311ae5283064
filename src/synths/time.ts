/**
 * Sample clocks as signals: exact sample counts from a cumulative sum of ones
 * (integers are exact in float32 up to 2²⁴ samples, 5.8 min at 48 kHz), so
 * no large constant table is stored in the graph.
 *
 * @example
 * const t = sampleTimes(16000, 16000) // [1, 16000]: 1/sr, 2/sr, …, 1 s (ends of samples)
 */
import { div } from '../core/math.js'
import { constant, type Signal } from '../core/signal.js'
import { broadcastTo, cumsum } from '../core/tensor.js'
import { withRate } from '../core/signal.js'

/**
 * Sample counts 1…n as an audio signal `[1, n]`.
 * @example sampleCounts(4) // [[1, 2, 3, 4]]
 */
export const sampleCounts = (n: number): Signal<'audio'> =>
  withRate(cumsum(broadcastTo(constant(1), [1, n]), 1).node, 'audio')

/**
 * The end time of each sample, (n + 1)/sr seconds, as `[1, n]`. Envelopes are
 * evaluated at sample ends, so a zero-length attack reaches full level on the
 * onset sample.
 * @example sampleTimes(4, 4) // [[0.25, 0.5, 0.75, 1]]
 */
export const sampleTimes = (n: number, sampleRate: number): Signal<'audio'> => div(sampleCounts(n), sampleRate)
