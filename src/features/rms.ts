/**
 * Frame-wise root-mean-square level, as a differentiable composite.
 * Ref: librosa `feature.rms` (centred frames, zero padding); DDSP `compute_rms_energy`.
 *
 * @example
 * import { rms } from 'ddsp-ts/features'
 * const r = rms(input('x', [1, 16000], 'audio'), { frameLength: 1024, hop: 160 })  // [1, 101]
 * // a unit sine gives ≈ 1/√2 away from the edges
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import { type Signal, withRate } from '../core/signal.js'
import { frame } from '../dsp/frame.js'
import { dimsOf, invalid, isPosInt } from '../dsp/guard.js'

/** ε under the square root of `rms` (so silence gives 1e-9 and a zero, not NaN, gradient). */
export const RMS_EPS = 1e-18

/** Options of `rms`. */
export interface RmsOptions {
  /** Frame length (samples); default 2048. */
  readonly frameLength?: number
  /** Samples between frames; default frameLength/4. */
  readonly hop?: number
  /** Zero-pad frameLength/2 at both ends so frame f is centred on sample f·hop; default true. */
  readonly center?: boolean
}

/**
 * RMS per frame: r[b, f] = √(1/L·Σ_l x[b, f·hop − c + l]² + ε), c = L/2 when centred else 0.
 * @param x audio `[B, N]`  @param o frameLength L (2048 samples), hop (L/4 samples), center (true)
 * @returns control `[B, frames]`, linear amplitude
 * @example rms(x, { frameLength: 512, hop: 64 })
 */
export const rms = (x: Signal<'audio'>, o: RmsOptions = {}): Signal<'control'> => {
  const { frameLength = 2048, center = true } = o
  const hop = o.hop ?? Math.floor(frameLength / 4)
  if (dimsOf(x, 2) === undefined) return invalid(x, 'rms needs audio [batch, samples]', 'control')
  if (!isPosInt(frameLength) || !isPosInt(hop)) return invalid(x, `rms: bad frameLength ${frameLength} or hop ${hop}`, 'control')
  const half = center ? Math.floor(frameLength / 2) : 0
  const body = (s: Signal<'audio'>): Signal<'control'> => {
    const padded = withRate(B.pad(s.node, [0, half], [0, half]), s.rate)
    const f = frame(padded, frameLength, hop).node
    return withRate(B.sqrt(B.add(B.mul(B.sum(B.mul(f, f), [-1]), B.scalar(1 / frameLength)), B.scalar(RMS_EPS))), 'control')
  }
  return composite('features.rms', body, { attrs: { frameLength, hop, center } })(x)
}
