/**
 * The host tables of control-rate → audio-rate upsampling: per output sample
 * the two frames it reads and the weight of the second,
 * y[n] = (1 − w1[n])·x[i0[n]] + w1[n]·x[i1[n]], for DDSP `core.resample`
 * ('linear', `add_endpoint=True`), `core.upsample_with_windows` ('window') and
 * PyTorch's `F.interpolate(mode='linear')` ('centered'); the last frame is held
 * over the final hop. `dsp/resample.ts` gathers with them in the graph; the
 * fused harmonic bank and the real-time voices interpolate with them directly.
 *
 * @example
 * import { upsampleTable } from './upsample.js'
 * const t = upsampleTable('window', 250, 64000)
 * t.i0[64] // 0;  t.w1[128] // 0.5
 */

/**
 * Interpolation kernels: `linear` (DDSP `resample`), `window` (raised cosine, DDSP
 * `upsample_with_windows`) or `centered` (PyTorch `F.interpolate(mode='linear')`,
 * align_corners=False, as drumblender uses).
 */
export type UpsampleMethod = 'linear' | 'window' | 'centered'

/** Every upsampling method (for validating attributes and options). @example upsampleMethods.includes('window') // true */
export const upsampleMethods: readonly UpsampleMethod[] = ['linear', 'window', 'centered']

/** Per-sample interpolation table: y[n] = (1 − w1[n])·x[i0[n]] + w1[n]·x[i1[n]]. @example const t: UpsampleTable = upsampleTable('linear', 2, 4) */
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
