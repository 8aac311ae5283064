/**
 * Control-rate → audio-rate upsampling, as DDSP `core.resample` (method
 * 'linear', `add_endpoint=True`) and `core.upsample_with_windows` ('window').
 * Both are two gathers of the frames and a weight table from `host/upsample.ts`:
 * y[n] = (1 − w[n])·x[i₀[n]] + w[n]·x[i₁[n]], linear in x (the gradient is the
 * transposed scatter-add), with the last frame held over the final hop.
 *
 * @example
 * import { upsample } from 'ddsp-ts/dsp'
 * const amps = input('amps', [1, 250, 60], 'control')
 * const env = upsample(amps, 64000, 'window')   // Signal<'audio'> [1, 64000, 60]
 * const f0 = upsample(input('f0', [1, 250, 1], 'control'), 64000, 'linear')
 * // y[k·T/F] = x[k] exactly for both methods
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import { withRate, type Signal } from '../core/signal.js'
import { upsampleTable, type UpsampleMethod } from '../host/upsample.js'
import { dimsOf, invalid, isPosInt } from './guard.js'

const checkArgs = (shape: readonly number[] | undefined, n: number, method: UpsampleMethod): string | undefined => {
  if (shape === undefined) return 'upsample needs a control signal [batch, frames, channels]'
  if (!isPosInt(n)) return `upsample: nSamples must be a positive integer, got ${n}`
  const frames = shape[1]!
  if (method === 'window' && (n % frames !== 0 || n < frames))
    return `upsample 'window': nSamples ${n} must be a multiple of the frame count ${frames} (DDSP upsample_with_windows)`
  return undefined
}

/**
 * Upsamples frames to samples along axis 1, differentiable in `x`.
 * 'linear': DDSP `resample(x, T, 'linear', add_endpoint=True)`, src = n·F/T, last frame held.
 * 'window': DDSP `upsample_with_windows` (50 %-overlapping periodic Hann windows, hop T/F).
 * Ref: magenta/ddsp `ddsp/core.py` `resample`, `upsample_with_windows`.
 * @param x control signal `[B, F, C]`  @param nSamples output length T (for 'window' a multiple of F)
 * @param method interpolation kernel
 * @returns audio-rate signal `[B, T, C]`
 * @example upsample(amps, 64000, 'window')
 */
export const upsample = (x: Signal<'control'>, nSamples: number, method: UpsampleMethod = 'linear'): Signal<'audio'> => {
  const shape = dimsOf(x, 3)
  const bad = checkArgs(shape, nSamples, method)
  if (bad !== undefined || shape === undefined) return invalid(x, bad ?? '', 'audio')
  const t = upsampleTable(method, shape[1]!, nSamples)
  const body = (frames: Signal<'control'>): Signal<'audio'> => {
    const a = B.gather(frames.node, B.constant(t.i0, [nSamples]), 1)
    const b = B.gather(frames.node, B.constant(t.i1, [nSamples]), 1)
    const w = B.constant(t.w1, [nSamples, 1])
    return withRate(B.add(a, B.mul(B.sub(b, a), w)), 'audio')
  }
  return composite(`dsp.upsample.${method}`, body, { attrs: { nSamples, method } })(x)
}
