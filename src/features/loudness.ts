/**
 * DDSP's (corrected, ≥ v2.0) A-weighted loudness: per STFT frame, the mean over
 * bins of the A-weighted power |X_k|²·10^{A(f_k)/10}, in dB relative to `refDb`
 * with a floor of −`rangeDb`. Differentiable (built from core combinators).
 * Ref: magenta/ddsp `spectral_ops.compute_loudness` (after magenta/ddsp#361);
 * librosa `A_weighting` (IEC 61672-1 analog A curve).
 *
 * @example
 * import { loudness } from 'ddsp-ts/features'
 * const x = input('x', [1, 64000], 'audio')
 * const ld = loudness(x, { sampleRate: 16000 })   // [1, 1001] dB, hop 64, nFft 512, centred
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import { type Signal, withRate } from '../core/signal.js'
import { invalid } from '../dsp/guard.js'
import { stft } from '../dsp/stft.js'
import { powerToDbNode } from './db.js'
import { binFrequencies, checkSpectrum } from './spectrum.js'

/** Options of `loudness` (DDSP `compute_loudness` defaults). */
export interface LoudnessOptions {
  /** Sample rate (Hz). */
  readonly sampleRate: number
  /** FFT and frame length (samples); default 512. */
  readonly nFft?: number
  /** Samples between frames; default ⌊sampleRate/250⌋ (DDSP frame_rate 250 → 64 at 16 kHz). */
  readonly hop?: number
  /** Reference level subtracted from the dB value; default 0 (DDSP ≥ 2.0). */
  readonly refDb?: number
  /** Dynamic range: the output is floored at −rangeDb; default 80. */
  readonly rangeDb?: number
  /** Zero-pad nFft/2 at both ends (DDSP padding 'center', N/hop + 1 frames); default true. */
  readonly center?: boolean
}

/** DDSP's loudness frame rate (Hz), giving the default hop ⌊sampleRate/250⌋. */
export const LOUDNESS_FRAME_RATE = 250

/**
 * The hop `loudness` uses for these options (samples).
 * @param o loudness options (hop, else ⌊sampleRate/250⌋)
 * @example loudnessHop({ sampleRate: 16000 }) // 64
 */
export const loudnessHop = (o: LoudnessOptions): number => o.hop ?? Math.floor(o.sampleRate / LOUDNESS_FRAME_RATE)

/**
 * A-weighting gain in dB (librosa `A_weighting`, min_db −80):
 * A(f) = 2.0 + 20·[log10 c4 + 2 log10 f² − log10(f²+c1) − log10(f²+c4) − ½log10(f²+c2) − ½log10(f²+c3)],
 * c1 = 20.598997², c2 = 107.65265², c3 = 737.86223², c4 = 12194.217², clipped below at minDb.
 * Ref: IEC 61672-1:2013 Annex E; librosa.A_weighting.
 * @param f frequency (Hz)  @param minDb floor (dB), default −80
 * @example aWeightingDb(1000) // ≈ 0.000; aWeightingDb(100) ≈ −19.142; aWeightingDb(0) = −80
 */
export const aWeightingDb = (f: number, minDb = -80): number => {
  const [c1, c2, c3, c4] = [20.598997 ** 2, 107.65265 ** 2, 737.86223 ** 2, 12194.217 ** 2]
  const f2 = f * f
  if (f2 === 0) return minDb
  const a = 2.0 + 20 * (Math.log10(c4) + 2 * Math.log10(f2) - Math.log10(f2 + c1) - Math.log10(f2 + c4) - 0.5 * Math.log10(f2 + c2) - 0.5 * Math.log10(f2 + c3))
  return Math.max(a, minDb)
}

/**
 * Linear power weights 10^{A(f_k)/10} of the rfft bins f_k = k·sampleRate/nFft, k = 0…nFft/2.
 * @param sampleRate Hz  @param nFft FFT length
 * @returns nFft/2 + 1 weights
 * @example aWeightingPowers(16000, 512).length // 257
 */
export const aWeightingPowers = (sampleRate: number, nFft: number): number[] =>
  binFrequencies(sampleRate, nFft).map((f) => 10 ** (aWeightingDb(f) / 10))

/**
 * A-weighted loudness per frame:
 * L[b, f] = max(10·log10(max(mean_k |X[b,f,k]|²·10^{A(f_k)/10}, 10^{−range/10})) − refDb, −rangeDb).
 * X is the periodic-Hann STFT (`nFft`, `hop`, DDSP 'center' zero padding by default).
 * Ref: magenta/ddsp `spectral_ops.compute_loudness` and `power_to_db`.
 * @param x audio `[B, N]` (full scale ±1)
 * @param o sampleRate (Hz), nFft (512), hop (⌊sr/250⌋ samples), refDb (0), rangeDb (80), center (true)
 * @returns control `[B, frames]` in dB; frames = N/hop + 1 when centred
 * @example loudness(x, { sampleRate: 16000, nFft: 2048 }) // as SpectralLoss.loudness_weight
 */
export const loudness = (x: Signal<'audio'>, o: LoudnessOptions): Signal<'control'> => {
  const { sampleRate, nFft = 512, refDb = 0, rangeDb = 80, center = true } = o
  const hop = loudnessHop(o)
  const bad = checkSpectrum('loudness', x, { sampleRate, nFft, hop, center })
  if (bad !== undefined) return invalid(x, bad, 'control')
  if (!(rangeDb > 0)) return invalid(x, `loudness: rangeDb must be > 0, got ${rangeDb}`, 'control')
  const weights = aWeightingPowers(sampleRate, nFft)
  const body = (s: Signal<'audio'>): Signal<'control'> => {
    const spec = stft(s, nFft, hop, { center }).node
    const power = B.sum(B.mul(spec, spec), [-1])
    const meanPower = B.mul(B.sum(B.mul(power, B.constant(weights, [weights.length])), [-1]), B.scalar(1 / weights.length))
    return withRate(powerToDbNode(meanPower, refDb, rangeDb), 'control')
  }
  return composite('features.loudness', body, { attrs: { sampleRate, nFft, hop, refDb, rangeDb, center } })(x)
}
