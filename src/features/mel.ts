/**
 * Mel filterbank (Slaney mel scale, Slaney area normalisation — librosa's
 * defaults), magnitude mel spectrogram and MFCCs (log-mel → orthonormal DCT-II,
 * both projections as matmuls). Differentiable.
 * Ref: M. Slaney, "Auditory Toolbox" v2, Interval Research TR 1998-010;
 * librosa `filters.mel(htk=False, norm='slaney')`, `feature.melspectrogram`, `feature.mfcc`.
 *
 * @example
 * import { melSpectrogram, mfcc } from 'ddsp-ts/features'
 * const x = input('x', [1, 16000], 'audio')
 * const mel = melSpectrogram(x, { sampleRate: 16000, nFft: 1024, hop: 256, nMels: 64 })   // [1, 63, 64]
 * const cc = mfcc(x, { sampleRate: 16000, nFft: 1024, hop: 256, nMels: 64, nMfcc: 13 })  // [1, 63, 13]
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import { type Signal, withRate } from '../core/signal.js'
import { invalid, isPosInt } from '../dsp/guard.js'
import { binFrequencies, checkSpectrum, featureSpectrum, type ResolvedSpectrum, resolveSpectrum, type SpectrumOptions } from './spectrum.js'

const F_SP = 200 / 3 // Hz per mel below 1 kHz (Slaney)
const MIN_LOG_HZ = 1000
const MIN_LOG_MEL = MIN_LOG_HZ / F_SP // 15
const LOG_STEP = Math.log(6.4) / 27

/**
 * Hz → mel on Slaney's scale: linear f/(200/3) below 1 kHz, 15 + ln(f/1000)/(ln 6.4/27) above.
 * Ref: librosa `hz_to_mel(htk=False)`.
 * @param hz frequency (Hz)
 * @example hzToMelSlaney(1000) // 15
 */
export const hzToMelSlaney = (hz: number): number =>
  hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP : hz / F_SP

/**
 * Mel → Hz on Slaney's scale (inverse of `hzToMelSlaney`).
 * @param mel mels
 * @example melToHzSlaney(15) // 1000
 */
export const melToHzSlaney = (mel: number): number =>
  mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL)) : F_SP * mel

/** Options of the mel features (librosa defaults): the spectrum's (sampleRate, nFft 2048, hop nFft/4, center true) plus the bands. */
export interface MelOptions extends SpectrumOptions {
  /** Number of mel bands; default 128. */
  readonly nMels?: number
  /** Lowest band edge (Hz); default 0. */
  readonly fMin?: number
  /** Highest band edge (Hz); default sampleRate/2. */
  readonly fMax?: number
}

/**
 * The mel filterbank W `[nMels][nFft/2+1]`: triangles between nMels + 2 edges equally spaced in
 * Slaney mels over [fMin, fMax], W[m,k] = max(0, min((f_k − e_m)/(e_{m+1} − e_m), (e_{m+2} − f_k)/(e_{m+2} − e_{m+1}))),
 * each scaled by 2/(e_{m+2} − e_m) (Slaney area norm: unit area in Hz).
 * Ref: librosa `filters.mel(sr, n_fft, n_mels, fmin, fmax, htk=False, norm='slaney')`.
 * @param sampleRate Hz  @param nFft FFT length  @param nMels bands  @param fMin Hz  @param fMax Hz
 * @returns nMels rows of nFft/2 + 1 weights (row-major)
 * @example melFilterbank(16000, 512, 40)[0]!.length // 257
 */
export const melFilterbank = (sampleRate: number, nFft: number, nMels = 128, fMin = 0, fMax = sampleRate / 2): number[][] => {
  const freqs = binFrequencies(sampleRate, nFft)
  const [lo, hi] = [hzToMelSlaney(fMin), hzToMelSlaney(fMax)]
  const edges = Array.from({ length: nMels + 2 }, (_, i) => melToHzSlaney(lo + ((hi - lo) * i) / (nMels + 1)))
  return Array.from({ length: nMels }, (_, m) => {
    const [a, c, e] = [edges[m]!, edges[m + 1]!, edges[m + 2]!]
    const norm = 2 / (e - a)
    return freqs.map((f) => norm * Math.max(0, Math.min((f - a) / (c - a), (e - f) / (e - c))))
  })
}

/** Validates MelOptions against an audio signal (the spectrum's as `checkSpectrum`); a message when bad. */
const checkMel = (x: Signal<'audio'>, spectrum: ResolvedSpectrum, nMels: number, fMin: number, fMax: number): string | undefined =>
  checkSpectrum('mel', x, spectrum) ??
  (!isPosInt(nMels)
    ? `mel: nMels must be a positive integer, got ${nMels}`
    : !(fMin >= 0 && fMax > fMin && fMax <= spectrum.sampleRate / 2)
      ? `mel: need 0 ≤ fMin < fMax ≤ sampleRate/2, got ${fMin}, ${fMax}`
      : undefined)

/**
 * Magnitude mel spectrogram: M[b, f, m] = Σ_k W[m, k]·|X[b, f, k]| (power 1; periodic Hann STFT).
 * Ref: librosa `feature.melspectrogram(power=1.0)`.
 * @param x audio `[B, N]`
 * @param o sampleRate (Hz), nFft (2048), hop (nFft/4), nMels (128), fMin (0 Hz), fMax (sr/2 Hz), center (true)
 * @returns control `[B, frames, nMels]`
 * @example melSpectrogram(x, { sampleRate: 16000, nFft: 1024, hop: 256, nMels: 64 })
 */
export const melSpectrogram = (x: Signal<'audio'>, o: MelOptions): Signal<'control'> => {
  const spectrum = resolveSpectrum(o)
  const { sampleRate, nFft, hop, center } = spectrum
  const { nMels = 128, fMin = 0, fMax = sampleRate / 2 } = o
  const bad = checkMel(x, spectrum, nMels, fMin, fMax)
  if (bad !== undefined) return invalid(x, bad, 'control')
  const w = melFilterbank(sampleRate, nFft, nMels, fMin, fMax)
  const wt = B.constant(w.flat(), [nMels, w[0]!.length])
  const body = (s: Signal<'audio'>): Signal<'control'> =>
    withRate(B.matmul(featureSpectrum(s, spectrum), wt, false, true), 'control')
  return composite('features.melSpectrogram', body, { attrs: { sampleRate, nFft, hop, nMels, fMin, fMax, center } })(x)
}

/**
 * Orthonormal DCT-II matrix D `[nOut][n]`: D[q, m] = s_q·cos(π·q·(2m + 1)/(2n)), s_0 = √(1/n), s_q = √(2/n).
 * Ref: scipy.fft.dct(type=2, norm='ortho'); Ahmed, Natarajan & Rao, IEEE Trans. Computers 1974.
 * @param n input length  @param nOut number of coefficients kept (≤ n)
 * @example dctMatrix(4, 4) // orthogonal: D·Dᵀ = I
 */
export const dctMatrix = (n: number, nOut = n): number[][] =>
  Array.from({ length: nOut }, (_, q) =>
    Array.from({ length: n }, (_, m) => Math.sqrt((q === 0 ? 1 : 2) / n) * Math.cos((Math.PI * q * (2 * m + 1)) / (2 * n))),
  )

/** Options of `mfcc`: the mel options plus the coefficient count and log offset. */
export interface MfccOptions extends MelOptions {
  /** Coefficients kept; default 13 (DDSP `compute_mfcc`). */
  readonly nMfcc?: number
  /** ε in log(mel + ε); default 1e-5 (DDSP `safe_log`). */
  readonly logEps?: number
}

/**
 * MFCCs: C[b, f, q] = Σ_m D[q, m]·ln(M[b, f, m] + ε), D the orthonormal DCT-II, M the magnitude mel spectrogram.
 * Ref: Davis & Mermelstein, IEEE TASSP 28(4), 1980; DDSP `compute_mfcc` (log-mel → DCT-II).
 * @param x audio `[B, N]`  @param o mel options plus nMfcc (13) and logEps (1e-5)
 * @returns control `[B, frames, nMfcc]`
 * @example mfcc(x, { sampleRate: 16000, nFft: 1024, hop: 256, nMels: 128, nMfcc: 13, fMin: 20, fMax: 8000 })
 */
export const mfcc = (x: Signal<'audio'>, o: MfccOptions): Signal<'control'> => {
  const { nMels = 128, nMfcc = 13, logEps = 1e-5 } = o
  if (!isPosInt(nMfcc) || nMfcc > nMels) return invalid(x, `mfcc: need 1 ≤ nMfcc ≤ nMels, got ${nMfcc}, ${nMels}`, 'control')
  if (!(logEps > 0)) return invalid(x, `mfcc: logEps must be > 0, got ${logEps}`, 'control')
  const d = B.constant(dctMatrix(nMels, nMfcc).flat(), [nMfcc, nMels])
  const body = (s: Signal<'audio'>): Signal<'control'> => {
    const logMel = B.log(B.add(melSpectrogram(s, o).node, B.scalar(logEps)))
    return withRate(B.matmul(logMel, d, false, true), 'control')
  }
  return composite('features.mfcc', body, { attrs: { nMfcc, logEps } })(x)
}
