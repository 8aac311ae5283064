/**
 * Control-rate → audio-rate upsampling, as DDSP `core.resample` (method
 * 'linear', `add_endpoint=True`) and `core.upsample_with_windows` ('window').
 * Both are two gathers of the frames and a host-built weight table:
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
import { dimsOf, invalid, isPosInt } from './guard.js'

/**
 * Interpolation kernels: `linear` (DDSP `resample`), `window` (raised cosine, DDSP
 * `upsample_with_windows`) or `centered` (PyTorch `F.interpolate(mode='linear')`,
 * align_corners=False, as drumblender uses).
 */
export type UpsampleMethod = 'linear' | 'window' | 'centered'

/** Every upsampling method (for validating attributes and options). @example upsampleMethods.includes('window') // true */
export const upsampleMethods: readonly UpsampleMethod[] = ['linear', 'window', 'centered']

/** Per-sample interpolation table: y[n] = (1 − w1[n])·x[i0[n]] + w1[n]·x[i1[n]]. */
export interface UpsampleTable {
  readonly i0: number[]
  readonly i1: number[]
  readonly w1: number[]
}

/**
 * Linear table with tf.compat.v1.image.resize(align_corners=False) coordinates:
 * src = n·F/T, i₀ = ⌊src⌋, i₁ = min(i₀ + 1, F − 1), w = src − i₀.
 */
const linearTable = (frames: number, n: number): UpsampleTable => {
  const i0 = Array.from({ length: n }, (_, t) => Math.floor((t * frames) / n))
  return {
    i0,
    i1: i0.map((i) => Math.min(i + 1, frames - 1)),
    w1: i0.map((i, t) => (t * frames - i * n) / n),
  }
}

/**
 * PyTorch's linear interpolation with align_corners=False: src = (n + ½)·F/T − ½,
 * clamped to [0, F − 1], i₀ = ⌊src⌋, i₁ = min(i₀ + 1, F − 1), w = src − i₀.
 */
const centeredTable = (frames: number, n: number): UpsampleTable => {
  const src = Array.from({ length: n }, (_, t) => Math.min(Math.max(((t + 0.5) * frames) / n - 0.5, 0), frames - 1))
  const i0 = src.map(Math.floor)
  return { i0, i1: i0.map((i) => Math.min(i + 1, frames - 1)), w1: src.map((v, t) => v - i0[t]!) }
}

/**
 * Raised-cosine table (hop H = T/F): y[kH + j] = x_k·(1 + cos(πj/H))/2 + x_{k+1}·(1 − cos(πj/H))/2,
 * which is exactly DDSP's overlap-add of periodic Hann windows of length 2H trimmed by H (ddsp-anchors §2.3).
 */
const windowTable = (frames: number, n: number): UpsampleTable => {
  const hop = n / frames
  const i0 = Array.from({ length: n }, (_, t) => Math.floor(t / hop))
  return {
    i0,
    i1: i0.map((i) => Math.min(i + 1, frames - 1)),
    w1: i0.map((i, t) => (1 - Math.cos((Math.PI * (t - i * hop)) / hop)) / 2),
  }
}

/**
 * The host-side table of an upsampling method (what fused lowerings interpolate with).
 * @param frames F  @param n output samples T
 * @example upsampleTable('linear', 250, 64000).i0[64] // 0
 */
export const upsampleTable = (method: UpsampleMethod, frames: number, n: number): UpsampleTable =>
  ({ linear: linearTable, window: windowTable, centered: centeredTable })[method](frames, n)

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
