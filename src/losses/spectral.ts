/**
 * DDSP's multi-scale spectral loss (`ddsp.losses.SpectralLoss`): for each FFT
 * size s, magnitudes M = |STFT(x, s, hop = s/4)| (periodic Hann, no centring,
 * `pad_end`, no normalisation) of target and prediction, compared by DDSP's
 * `mean_difference`; the terms are summed over sizes:
 *
 *   loss = Σ_s [ w_mag·D(Mₜ, Mᵥ) + w_dt·D(Δ_time Mₜ, Δ_time Mᵥ) + w_df·D(Δ_freq Mₜ, Δ_freq Mᵥ)
 *              + w_cum·D(cumsum_freq Mₜ, cumsum_freq Mᵥ) + w_log·D(log Mₜ, log Mᵥ) ]
 *        + w_loud·D(loudness(t, n_fft 2048), loudness(v, n_fft 2048))
 *
 * D = mean |Δ| ('L1') or mean Δ² ('L2') over batch × frames × bins.
 * Ref: Engel et al., "DDSP", ICLR 2020, §4.2; magenta/ddsp `ddsp/losses.py`
 * `SpectralLoss.call`, `ddsp/spectral_ops.py` `compute_mag`/`stft`.
 * Defaults are those of the DDSP gin configs (`models/ae.gin`: L1, mag 1,
 * logmag 1), not the class defaults (logmag 0).
 *
 * @example
 * import { multiScaleSpectralLoss } from 'ddsp-ts/losses'
 * const loss = multiScaleSpectralLoss(pred, target)                       // scalar []
 * const fast = multiScaleSpectralLoss(pred, target, { fftSizes: [256, 64], logEps: 'auraloss' })
 */
import { isPow2 } from '../host/fft.js'
import { composite } from '../core/composite.js'
import { mul, sub } from '../core/math.js'
import type { Rate, Signal } from '../core/signal.js'
import { cumsum, slice } from '../core/tensor.js'
import { dimsOf, invalid } from '../dsp/guard.js'
import { stft, stftFrames } from '../dsp/stft.js'
import { loudness } from '../features/loudness.js'
import { meanDifference, sumTerms, type Distance } from './distance.js'
import { spectralMagnitudes, type LogEps } from './log-magnitude.js'
import { checkPair } from './pair.js'

/** Options of `multiScaleSpectralLoss` (DDSP `SpectralLoss` arguments, camel-cased). */
export interface SpectralLossOptions {
  /** FFT (= frame) sizes, powers of two; default [2048, 1024, 512, 256, 128, 64]. */
  readonly fftSizes?: readonly number[]
  /** Frame overlap; hop = ⌊s·(1 − overlap)⌋; default 0.75 (hop s/4). */
  readonly overlap?: number
  /** 'L1' (default) or 'L2' (DDSP loss_type; 'COSINE' is not offered). */
  readonly lossType?: Distance
  /** Weight of the linear magnitude term; default 1. */
  readonly magWeight?: number
  /** Weight of the log magnitude term; default 1 (DDSP gin configs). */
  readonly logmagWeight?: number
  /** Weight of the first difference along time; default 0. */
  readonly deltaTimeWeight?: number
  /** Weight of the first difference along frequency; default 0. */
  readonly deltaFreqWeight?: number
  /** Weight of the (unnormalised) cumulative sum along frequency; default 0. */
  readonly cumsumFreqWeight?: number
  /**
   * Weight of the A-weighted loudness term (`features/loudness.ts` at nFft 2048, hop ⌊sampleRate/250⌋); default 0.
   * Needs `sampleRate`. (DDSP calls `compute_loudness(n_fft=2048)` with its default sample_rate 16000 whatever the
   * audio's rate; here the given rate is used, which agrees at 16 kHz.)
   */
  readonly loudnessWeight?: number
  /** Sample rate (Hz), only for the loudness term. */
  readonly sampleRate?: number
  /** Log-ε convention (see `log-magnitude.ts`); default 'ddsp' (`safe_log`). */
  readonly logEps?: LogEps
  /** Zero-pad the end to ⌈N/hop⌉ frames (tf.signal.stft pad_end, DDSP `compute_mag` default true). */
  readonly padEnd?: boolean
}

/** DDSP's default FFT sizes. */
export const DDSP_FFT_SIZES: readonly number[] = [2048, 1024, 512, 256, 128, 64]

/** x[:, 1:] − x[:, :−1] along `axis` of a `[B, F, K]` spectrogram (DDSP `core.diff`). */
const diff = <R extends Rate>(x: Signal<R>, axis: 1 | 2): Signal<R> => {
  const shape = x.shape ?? [0, 0, 0]
  const size = shape.map((d, i) => (i === axis ? d - 1 : d))
  return sub(slice(x, shape.map((_, i) => (i === axis ? 1 : 0)), size), slice(x, [0, 0, 0], size))
}

type Resolved = Required<Omit<SpectralLossOptions, 'sampleRate'>> & { readonly sampleRate?: number }

/** The options with DDSP's defaults filled in (an explicit `undefined` also takes the default). */
const resolve = (o: SpectralLossOptions): Resolved => ({
  fftSizes: o.fftSizes ?? DDSP_FFT_SIZES,
  overlap: o.overlap ?? 0.75,
  lossType: o.lossType ?? 'L1',
  magWeight: o.magWeight ?? 1,
  logmagWeight: o.logmagWeight ?? 1,
  deltaTimeWeight: o.deltaTimeWeight ?? 0,
  deltaFreqWeight: o.deltaFreqWeight ?? 0,
  cumsumFreqWeight: o.cumsumFreqWeight ?? 0,
  loudnessWeight: o.loudnessWeight ?? 0,
  logEps: o.logEps ?? 'ddsp',
  padEnd: o.padEnd ?? true,
  ...(o.sampleRate === undefined ? {} : { sampleRate: o.sampleRate }),
})

/** The weighted terms of one FFT size s (magnitudes `[B, F, s/2 + 1]`). */
const scaleTerms = (pred: Signal<'audio'>, target: Signal<'audio'>, s: number, o: Resolved): Array<Signal<'static'>> => {
  const hop = Math.floor(s * (1 - o.overlap))
  const spec = (x: Signal<'audio'>) => spectralMagnitudes(stft(x, s, hop, { padEnd: o.padEnd }), o.logEps)
  const [t, v] = [spec(target), spec(pred)]
  const term = (w: number, f: (m: Signal<'audio'>) => Signal<'audio'>, key: 'mag' | 'logMag' = 'mag') =>
    w > 0 ? [mul(meanDifference(f(t[key]), f(v[key]), o.lossType), w)] : []
  return [
    ...term(o.magWeight, (m) => m),
    ...term(o.deltaTimeWeight, (m) => diff(m, 1)),
    ...term(o.deltaFreqWeight, (m) => diff(m, 2)),
    ...term(o.cumsumFreqWeight, (m) => cumsum(m, 2)),
    ...term(o.logmagWeight, (m) => m, 'logMag'),
  ]
}

/** The first problem with the arguments, or undefined. */
const check = (pred: Signal<'audio'>, target: Signal<'audio'>, o: Resolved): string | undefined => {
  const pair = checkPair('multiScaleSpectralLoss', pred, target)
  if (pair !== undefined) return pair
  const n = dimsOf(pred, 2)![1]!
  const bad = o.fftSizes.find((s) => !isPow2(s))
  if (bad !== undefined || o.fftSizes.length === 0) return `multiScaleSpectralLoss: FFT sizes must be powers of two (tf.signal.stft pads frames to one), got ${bad ?? 'none'}`
  if (!(o.overlap >= 0 && o.overlap < 1) || o.fftSizes.some((s) => Math.floor(s * (1 - o.overlap)) < 1)) return `multiScaleSpectralLoss: overlap ${o.overlap} leaves no hop`
  const weights = [o.magWeight, o.logmagWeight, o.deltaTimeWeight, o.deltaFreqWeight, o.cumsumFreqWeight, o.loudnessWeight]
  if (weights.some((w) => !(w >= 0))) return 'multiScaleSpectralLoss: weights must be ≥ 0'
  if (o.loudnessWeight > 0 && !(o.sampleRate !== undefined && o.sampleRate > 0)) return 'multiScaleSpectralLoss: the loudness term needs sampleRate'
  const frames = o.fftSizes.map((s) => stftFrames(n, s, Math.floor(s * (1 - o.overlap)), { padEnd: o.padEnd }))
  if (frames.some((f) => f < 1)) return `multiScaleSpectralLoss: ${n} samples hold no frame of the largest size without padEnd`
  if (o.deltaTimeWeight > 0 && frames.some((f) => f < 2)) return `multiScaleSpectralLoss: the delta-time term needs ≥ 2 frames at every size (${n} samples)`
  return undefined
}

/**
 * DDSP multi-scale spectral loss (formula in the module header).
 * @param pred predicted audio `[B, N]`  @param target target audio `[B, N]`
 * @param options fftSizes ([2048…64]), overlap (0.75), lossType ('L1'), magWeight (1), logmagWeight (1),
 *   deltaTimeWeight, deltaFreqWeight, cumsumFreqWeight, loudnessWeight (0; needs sampleRate), logEps ('ddsp'), padEnd (true)
 * @returns static scalar `[]`; 0 when pred = target
 * @example multiScaleSpectralLoss(synth, input('target', [1, 64000], 'audio'))
 */
export const multiScaleSpectralLoss = (pred: Signal<'audio'>, target: Signal<'audio'>, options: SpectralLossOptions = {}): Signal<'static'> => {
  const o = resolve(options)
  const problem = check(pred, target, o)
  if (problem !== undefined) return invalid(pred, problem, 'static')
  const body = (p: Signal<'audio'>, t: Signal<'audio'>): Signal<'static'> => {
    const terms = o.fftSizes.flatMap((s) => scaleTerms(p, t, s, o))
    if (o.loudnessWeight > 0) {
      const ld = (x: Signal<'audio'>) => loudness(x, { sampleRate: o.sampleRate!, nFft: 2048 })
      terms.push(mul(meanDifference(ld(t), ld(p), o.lossType), o.loudnessWeight))
    }
    return sumTerms(terms)
  }
  const attrs = { ...o, fftSizes: [...o.fftSizes] }
  return composite('losses.multiScaleSpectral', body, { attrs })(pred, target)
}
