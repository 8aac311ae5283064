/**
 * Short-time Fourier transform: frame · window → rfft, as `tf.signal.stft`
 * with a periodic window (DDSP `core.stft`), its magnitude, and the inverse by
 * irfft · window → overlap-add → division by the overlap-added squared window
 * (least-squares ISTFT, Griffin & Lim 1984). Complex values are a trailing axis
 * of 2 (re, im).
 *
 * @example
 * import { stft, magnitude, istft } from 'ddsp-ts/dsp'
 * const x = input('x', [1, 16000], 'audio')
 * const spec = stft(x, 1024, 256)            // [1, 59, 513, 2]
 * const mag = magnitude(spec)                // [1, 59, 513]
 * const y = istft(spec, 1024, 256)           // [1, 15872] ≈ x where the window sum > 0
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import { fusible } from '../core/fusible.js'
import { type Rate, type Signal, withRate } from '../core/signal.js'
import { frameCount } from '../host/frame.js'
import { windowTable, type WindowName } from '../host/window.js'
import { frame, overlapAdd } from './frame.js'
import { dimsOf, invalid, isPosInt } from './guard.js'

/** Options of `stft` / `istft`. */
export interface StftOptions {
  /** Analysis (and synthesis) window, periodic; default 'hann'. */
  readonly window?: WindowName
  /** Zero-pad nFft/2 samples at both ends so frame f is centred on sample f·hop (librosa center, constant padding); default false. */
  readonly center?: boolean
  /** Zero-pad the end to ⌈N/hop⌉ frames (tf.signal.stft pad_end, DDSP's default for losses); default false. */
  readonly padEnd?: boolean
}

/**
 * STFT: X[b, f, k] = Σₗ w[l]·x[b, f·hop + l]·e^{−2πikl/nFft}, k = 0…nFft/2.
 * Ref: Allen & Rabiner, Proc. IEEE 65(11), 1977; tf.signal.stft.
 * @param x audio `[B, N]`  @param nFft frame and FFT length (samples)  @param hop samples between frames
 * @param options window (periodic Hann), center (false), padEnd (false)
 * @returns complex `[B, F, nFft/2+1, 2]`, rate of x
 * @example stft(x, 2048, 512, { padEnd: true })
 */
export const stft = <R extends Rate>(x: Signal<R>, nFft: number, hop: number, options: StftOptions = {}): Signal<R> => {
  const { window = 'hann', center = false, padEnd = false } = options
  const shape = dimsOf(x, 2)
  if (shape === undefined) return invalid(x, 'stft needs a signal [batch, samples]', x.rate)
  if (!isPosInt(nFft) || !isPosInt(hop)) return invalid(x, `stft: bad nFft ${nFft} or hop ${hop}`, x.rate)
  const half = center ? Math.floor(nFft / 2) : 0
  const w = B.constant(windowTable(window, nFft), [nFft])
  const body = (s: Signal<R>): Signal<R> => {
    const padded = withRate(B.pad(s.node, [0, half], [0, half]), s.rate)
    const frames = frame(padded, nFft, hop, padEnd ? 'end' : 'none')
    return withRate(B.rfft(B.mul(frames.node, w), nFft), s.rate)
  }
  return fusible('dsp.stft', body, { attrs: { nFft, hop, window, center, padEnd } })(x)
}

/** ε inside the square root of `magnitude` (so |X| ≥ 1e-9 and the gradient at X = 0 is 0, not NaN). */
export const MAGNITUDE_EPS = 1e-18

/**
 * Magnitude of a complex spectrum: |X| = √(re² + im² + ε), ε = `MAGNITUDE_EPS` = 1e-18.
 * Its gradient X/|X| is finite (0) at X = 0.
 * @param spec complex `[..., 2]`  @param eps ε added under the root
 * @returns `[...]` (last axis removed)
 * @example magnitude(stft(x, 1024, 256))
 */
export const magnitude = <R extends Rate>(spec: Signal<R>, eps = MAGNITUDE_EPS): Signal<R> => {
  const body = (s: Signal<R>) => withRate(B.sqrt(B.add(B.sum(B.mul(s.node, s.node), [-1]), B.scalar(eps))), s.rate)
  return fusible('dsp.magnitude', body, { attrs: { eps } })(spec)
}

/** Σ_f w²[n − f·hop] over F frames, with 1 where it is < 1e-10 (so division leaves those samples at 0). */
const windowSum = (w: readonly number[], frames: number, hop: number): number[] => {
  const out = new Array<number>((frames - 1) * hop + w.length).fill(0)
  for (let f = 0; f < frames; f++) w.forEach((v, l) => (out[f * hop + l]! += v * v))
  return out.map((v) => (v < 1e-10 ? 1 : v))
}

/**
 * Inverse STFT: y = OLA(w · irfft(X)) / OLA(w²), then the centre padding removed.
 * Inverts `stft` (same window, hop) wherever the summed squared window is non-zero.
 * Ref: Griffin & Lim, IEEE TASSP 32(2), 1984, eq. (6).
 * @param spec complex `[B, F, nFft/2+1, 2]`  @param nFft FFT length  @param hop samples between frames
 * @param options window and center as given to `stft`
 * @returns audio `[B, (F−1)·hop + nFft − 2·pad]`
 * @example istft(stft(x, 1024, 256), 1024, 256)
 */
export const istft = <R extends Rate>(spec: Signal<R>, nFft: number, hop: number, options: StftOptions = {}): Signal<R> => {
  const { window = 'hann', center = false } = options
  const shape = dimsOf(spec, 4)
  if (shape === undefined) return invalid(spec, 'istft needs a spectrum [batch, frames, bins, 2]', spec.rate)
  if (!isPosInt(nFft) || !isPosInt(hop)) return invalid(spec, `istft: bad nFft ${nFft} or hop ${hop}`, spec.rate)
  const [b, f] = shape as [number, number]
  const w = windowTable(window, nFft)
  const norm = windowSum(w, f, hop)
  const half = center ? Math.floor(nFft / 2) : 0
  const body = (s: Signal<R>): Signal<R> => {
    const frames = withRate(B.mul(B.irfft(s.node, nFft), B.constant(w, [nFft])), s.rate)
    const y = B.div(overlapAdd(frames, hop).node, B.constant(norm, [norm.length]))
    return withRate(B.slice(y, [0, half], [b, norm.length - 2 * half]), s.rate)
  }
  return composite('dsp.istft', body, { attrs: { nFft, hop, window, center } })(spec)
}

/**
 * Number of STFT frames for N samples.
 * @param n samples  @param nFft frame length  @param hop hop  @param options center / padEnd as in `stft`
 * @example stftFrames(64000, 2048, 512, { padEnd: true }) // 125
 */
export const stftFrames = (n: number, nFft: number, hop: number, options: StftOptions = {}): number =>
  frameCount(n + (options.center === true ? 2 * Math.floor(nFft / 2) : 0), nFft, hop, options.padEnd === true ? 'end' : 'none')
