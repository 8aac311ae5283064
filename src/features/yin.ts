/**
 * YIN f0 estimation (de Cheveigné & Kawahara 2002, steps 2–5): the difference
 * function d(τ) (an FFT composite, `yinDifference`), the cumulative mean
 * normalised difference d'(τ) = d(τ)·τ / Σ_{j=1..τ} d(j), the absolute
 * threshold (first dip of d' below `threshold`, followed to its local minimum)
 * and parabolic interpolation of d around that lag. Frames with no dip below the
 * threshold are unvoiced (their best candidate is still reported).
 * Confidence = clamp(1 − d'(τ*), 0, 1). NOT differentiable: the lag choice is
 * discrete and done on the host; use it for analysis and conditioning, not in a loss.
 * Ref: A. de Cheveigné & H. Kawahara, JASA 111(4):1917–1930, 2002, §II.B–E.
 *
 * @example
 * import { yin } from 'ddsp-ts/features'
 * const r = yin(audio, 16000, reference('float64'), { hop: 64 })   // Either<FeatureError, YinResult>, frames aligned with loudness(…, { hop: 64 })
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Backend, HostTensor } from '../core/backend.js'
import { evaluateSync } from '../core/interpret.js'
import { compile } from '../core/program-api.js'
import { input } from '../core/signal.js'
import { featureError, type FeatureError } from './errors.js'
import { yinDifference } from './yin-difference.js'

/** A backend that can read results synchronously (the reference backend). */
export type SyncBackend<T> = Backend<T> & { readonly readSync: (x: T) => HostTensor }

/** Options of `yin`. */
export interface YinOptions {
  /** Samples between frames (frame f is centred on sample f·hop). */
  readonly hop: number
  /** Lowest f0 searched (Hz); default 40. Sets maxLag = ⌈sr/fMin⌉. */
  readonly fMin?: number
  /** Highest f0 searched (Hz); default min(3000, sr/4). */
  readonly fMax?: number
  /** Absolute threshold on d'; default 0.1 (the paper's value). */
  readonly threshold?: number
  /** Integration window W (samples); default maxLag (one period of fMin). */
  readonly window?: number
}

/** Per-frame YIN estimates. */
export interface YinResult {
  /** Best f0 candidate per frame (Hz), also for unvoiced frames. */
  readonly f0Hz: Float64Array
  /** clamp(1 − d'(τ*), 0, 1) per frame. */
  readonly confidence: Float64Array
  /** Whether d' dipped below the threshold. */
  readonly voiced: readonly boolean[]
}

/** Resolved lags: minLag, maxLag and window in samples. */
export interface YinLags {
  readonly minLag: number
  readonly maxLag: number
  readonly window: number
}

/**
 * The lag range of `yin` for these options, or a FeatureError.
 * @param sampleRate Hz  @param o options
 * @example yinLags(16000, { hop: 64 }) // Right({ minLag: 4, maxLag: 400, window: 400 })
 */
export const yinLags = (sampleRate: number, o: YinOptions): E.Either<FeatureError, YinLags> => {
  const { fMin = 40, fMax = Math.min(3000, sampleRate / 4), threshold = 0.1 } = o
  if (!(sampleRate > 0)) return E.left(featureError(`yin: sampleRate must be > 0, got ${sampleRate}`))
  if (!(fMin > 0 && fMax > fMin && fMax <= sampleRate / 2)) return E.left(featureError(`yin: need 0 < fMin < fMax ≤ sr/2, got ${fMin}, ${fMax}`))
  if (!(threshold > 0 && threshold < 1)) return E.left(featureError(`yin: threshold must be in (0, 1), got ${threshold}`))
  const maxLag = Math.ceil(sampleRate / fMin)
  const minLag = Math.max(2, Math.floor(sampleRate / fMax))
  const window = o.window ?? maxLag
  if (!Number.isInteger(window) || window < 1) return E.left(featureError(`yin: window must be a positive integer, got ${window}`))
  return E.right({ minLag, maxLag, window })
}

/** d'(τ), τ = 0…maxLag, of one frame's d (d'(0) = 1; 1 where Σ d = 0, e.g. silence). */
const cmnd = (d: ArrayLike<number>, off: number, lags: number): Float64Array => {
  const out = new Float64Array(lags)
  out[0] = 1
  let acc = 0
  for (let t = 1; t < lags; t++) {
    acc += d[off + t]!
    out[t] = acc > 1e-12 ? (d[off + t]! * t) / acc : 1
  }
  return out
}

/** Steps 4–5 for one frame: the chosen lag (interpolated), d'(τ*) and whether it is voiced. */
const pickLag = (d: ArrayLike<number>, off: number, l: YinLags, threshold: number): { tau: number; dp: number; voiced: boolean } => {
  const dp = cmnd(d, off, l.maxLag + 1)
  let tau = -1
  for (let t = l.minLag; t < l.maxLag; t++) {
    if (dp[t]! < threshold) {
      while (t + 1 < l.maxLag && dp[t + 1]! < dp[t]!) t++
      tau = t
      break
    }
  }
  const voiced = tau >= 0
  if (!voiced) {
    tau = l.minLag
    for (let t = l.minLag; t < l.maxLag; t++) if (dp[t]! < dp[tau]!) tau = t
  }
  const [a, b, c] = [d[off + tau - 1]!, d[off + tau]!, d[off + tau + 1]!]
  const den = a - 2 * b + c
  const shift = den > 0 ? Math.max(-1, Math.min(1, (a - c) / (2 * den))) : 0
  return { tau: tau + shift, dp: dp[tau]!, voiced }
}

/**
 * Steps 3–5 on the host from a difference function `[frames, maxLag + 1]` (row-major).
 * @param d difference function values  @param frames frame count  @param sampleRate Hz
 * @param lags lag range  @param threshold absolute threshold on d'
 * @example yinPick(out.data, 251, 16000, lags, 0.1)
 */
export const yinPick = (d: ArrayLike<number>, frames: number, sampleRate: number, lags: YinLags, threshold = 0.1): YinResult => {
  const f0Hz = new Float64Array(frames)
  const confidence = new Float64Array(frames)
  const voiced: boolean[] = []
  for (let f = 0; f < frames; f++) {
    const p = pickLag(d, f * (lags.maxLag + 1), lags, threshold)
    f0Hz[f] = sampleRate / p.tau
    confidence[f] = Math.max(0, Math.min(1, 1 - p.dp))
    voiced.push(p.voiced)
  }
  return { f0Hz, confidence, voiced }
}

/**
 * YIN f0 of mono audio on the host, evaluating `yinDifference` on a synchronous backend (e.g. `reference('float64')`).
 * @param audio mono samples in [−1, 1]  @param sampleRate Hz  @param backend synchronous backend
 * @param o hop (samples), fMin (40 Hz), fMax (min(3000, sr/4) Hz), threshold (0.1), window (maxLag samples)
 * @returns ⌊N/hop⌋ + 1 frames, or a FeatureError naming the bad argument
 * @example yin(audio, 44100, reference('float64'), { hop: 441 })
 */
export const yin = <T>(audio: Float32Array, sampleRate: number, backend: SyncBackend<T>, o: YinOptions): E.Either<FeatureError, YinResult> => {
  if (audio.length === 0) return E.left(featureError('yin: audio is empty'))
  if (!Number.isInteger(o.hop) || o.hop < 1) return E.left(featureError(`yin: hop must be a positive integer, got ${o.hop}`))
  return E.flatMap(yinLags(sampleRate, o), (lags) => {
    const d = yinDifference(input('audio', [1, audio.length], 'audio'), { window: lags.window, maxLag: lags.maxLag, hop: o.hop })
    const out = E.flatMap(compile({ d }), (p) => evaluateSync(backend)(p, { audio }))
    if (E.isLeft(out)) return E.left(featureError(`yin: evaluation failed: ${JSON.stringify(out.left)}`))
    const frames = Math.floor(audio.length / o.hop) + 1
    return E.right(yinPick(out.right['d']!.data, frames, sampleRate, lags, o.threshold ?? 0.1))
  })
}

/**
 * f0 for conditioning a synth (`harmonic` wants a value in every frame): unvoiced frames (null) hold the nearest
 * earlier voiced value, leading ones take the first voiced value, and an all-unvoiced track is 0 Hz.
 * @param f0Hz per-frame f0 (Hz) with null where unvoiced, e.g. `FeatureReport.f0_hz`
 * @returns one value per frame (Hz), ready to feed as `[1, F, 1]` control
 * @example holdUnvoiced([null, 220, null, 230]) // Float32Array [220, 220, 220, 230]
 */
export const holdUnvoiced = (f0Hz: readonly (number | null)[]): Float32Array => {
  let held = f0Hz.find((f): f is number => f !== null) ?? 0
  return Float32Array.from(f0Hz, (f) => (f === null ? held : (held = f)))
}
