/**
 * SuperFlux onset strength (Böck & Widmer, "Maximum filter vibrato
 * suppression for onset detection", DAFx 2013): the magnitude spectrogram
 * through a log-spaced triangular filterbank (24 bands per octave, 30 Hz to
 * 17 kHz, one filter per distinct FFT bin), log-compressed
 * X_log = log10(1 + λ·X_filt), and the rectified rise of each band over the
 * previous frame's *maximum-filtered* bands (3 bands wide), averaged over bands:
 *   SF[n] = (1/M)·Σ_m max(0, X_log[n, m] − max(X_log[n−1, m−1 … m+1])).
 * The maximum filter ignores a partial that slides by a band (vibrato, a
 * decaying drum's pitch glide), while a new note's partials entering bands
 * that were quiet still count — so legato note changes show and a single hit
 * gives one peak. With the frames nFft/4 apart, the one-frame lag is the
 * paper's difference of half-overlapping windows. The frame before the first
 * is silence, so a hit that starts the file (a one-shot sample) has its onset. A differentiable composite
 * (max and the rectifier are piecewise linear); picking peaks is not.
 *
 * @example
 * import { superFlux } from 'ddsp-ts/features'
 * const sf = superFlux(input('x', [1, 16000], 'audio'), { sampleRate: 16000, nFft: 512, hop: 128 }) // [1, 126]
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import { shapeOf } from '../core/node.js'
import { type Signal, withRate } from '../core/signal.js'
import { invalid } from '../dsp/guard.js'
import { checkSpectrum, featureSpectrum, resolveSpectrum, type SpectrumOptions } from './spectrum.js'

/** Options of `superFlux`: the spectrum options, the filterbank and the compression. */
export interface SuperFluxOptions extends SpectrumOptions {
  /** Bands per octave; default 24. */
  readonly bandsPerOctave?: number
  /** Lowest and highest band centre (Hz); default 30 and 17 000 (at most Nyquist). */
  readonly fmin?: number
  readonly fmax?: number
  /** λ in log10(1 + λ·X); default 1. */
  readonly lambda?: number
  /** Width of the maximum filter over bands; default 3. */
  readonly maxBands?: number
}

/**
 * The log-spaced triangular filterbank `[nFft/2 + 1, M]`: band centres fmin·2^(i/bandsPerOctave) rounded to FFT bins,
 * duplicates dropped, each filter a triangle from the previous centre's bin to the next one's with height 1.
 * @param nFft FFT length  @param sampleRate Hz  @param bandsPerOctave bands per octave (24)  @param fmin lowest centre, Hz (30)
 * @param fmax highest centre, Hz (17 000, at most Nyquist)
 * @returns the matrix (row-major, bins × bands) and M
 * @example logFilterbank(2048, 44100).bands // ≈ 190
 */
export const logFilterbank = (nFft: number, sampleRate: number, bandsPerOctave = 24, fmin = 30, fmax = 17000): { readonly matrix: Float64Array; readonly bands: number } => {
  const K = Math.floor(nFft / 2) + 1
  const top = Math.min(fmax, sampleRate / 2)
  const centres: number[] = []
  for (let i = 0; fmin * 2 ** (i / bandsPerOctave) <= top; i++) centres.push(fmin * 2 ** (i / bandsPerOctave))
  const bins = [...new Set(centres.map((f) => Math.min(K - 1, Math.round((f * nFft) / sampleRate))))]
  const M = Math.max(0, bins.length - 2)
  const matrix = new Float64Array(K * Math.max(1, M))
  for (let m = 0; m < M; m++) {
    const [lo, mid, hi] = [bins[m]!, bins[m + 1]!, bins[m + 2]!]
    for (let k = lo; k <= hi; k++) matrix[k * M + m] = k <= mid ? (k - lo + 1) / (mid - lo + 1) : (hi - k + 1) / (hi - mid + 1)
  }
  return { matrix, bands: M }
}

/**
 * SuperFlux onset strength per frame.
 * @param x audio `[B, N]`  @param opts sampleRate, nFft (2048), hop (nFft/4), center (true), bandsPerOctave (24), fmin (30), fmax (17 000), λ (1), maxBands (3)
 * @returns control `[B, frames]`, ≥ 0 (log10 units per band); frame 0 rises from silence
 * @example superFlux(x, { sampleRate: 44100, nFft: 1024, hop: 256 })
 */
export const superFlux = (x: Signal<'audio'>, opts: SuperFluxOptions): Signal<'control'> => {
  const o = resolveSpectrum(opts)
  const { bandsPerOctave = 24, fmin = 30, fmax = 17000, lambda = 1, maxBands = 3 } = opts
  const fb = logFilterbank(o.nFft, o.sampleRate, bandsPerOctave, fmin, fmax)
  const bad =
    checkSpectrum('superFlux', x, o) ??
    (lambda > 0 ? undefined : `superFlux: lambda must be > 0, got ${lambda}`) ??
    (Number.isInteger(maxBands) && maxBands >= 1 && maxBands % 2 === 1 ? undefined : `superFlux: maxBands must be an odd positive integer, got ${maxBands}`) ??
    (fb.bands >= 1 ? undefined : `superFlux: no filterbank band between ${fmin} and ${Math.min(fmax, o.sampleRate / 2)} Hz at nFft ${o.nFft}`)
  if (bad !== undefined) return invalid(x, bad, 'control')
  const K = Math.floor(o.nFft / 2) + 1
  const M = fb.bands
  const body = (s: Signal<'audio'>): Signal<'control'> => {
    const mag = featureSpectrum(s, o)
    const [b, f] = shapeOf(mag) as [number, number, number]
    const filt = B.matmul(B.reshape(mag, [b * f, K]), B.constant(Array.from(fb.matrix), [K, M]))
    const l = B.reshape(B.mul(B.log(B.add(B.mul(filt, B.scalar(lambda)), B.scalar(1))), B.scalar(1 / Math.LN10)), [b, f, M])
    const half = (maxBands - 1) / 2
    // the frame before frame 0 is silence (log 0), so a sound that starts the signal rises in frame 0
    const padded = B.pad(l, [0, 1, half], [0, 0, half]) // log values are ≥ 0: zero padding never wins the maximum
    let prev = B.slice(padded, [0, 0, 0], [b, f, M])
    for (let j = 1; j < maxBands; j++) prev = B.maximum(prev, B.slice(padded, [0, 0, j], [b, f, M]))
    const rise = B.maximum(B.sub(l, prev), B.scalar(0))
    return withRate(B.mul(B.sum(rise, [-1]), B.scalar(1 / M)), 'control')
  }
  return composite('features.superFlux', body, { attrs: { ...o, bandsPerOctave, fmin, fmax, lambda, maxBands } })(x)
}
