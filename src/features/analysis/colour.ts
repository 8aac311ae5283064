/**
 * Spectral tilt and noise colour of a hit from its energy-summed STFT power
 * spectrum P(f) = Σ_frames |X(f)|² (so the loud part weighs most):
 * - tilt: the slope of 10·log10 P against log2 f (dB per octave) by least
 *   squares over [fLo, fHi] with weights 1/f, so each octave counts equally
 *   (an octave at f holds ∝ f bins); white noise reads 0, pink −3, brown −6;
 * - noise colour: the same fit on a running median of P over ±½ octave (which
 *   removes the narrow mode peaks and keeps the noise floor), plus, above
 *   `noiseFrom` (500 Hz: lower down a drum is its modes), that smoothed
 *   spectrum's power centroid, its peak and the band around the peak where
 *   it stays within 12 dB of it (what an 808 voice's noise filter is set from).
 *
 * @example
 * const c = spectralColour(stft, { fLo: 50 })
 * c.tiltDbPerOctave   // −4.2
 * c.noiseBandHz       // [1800, 9000]
 */
import { lineFit } from './line-fit.js'
import type { MagnitudeStft } from './stft.js'

/** Frequency range of the fits. @example const o: ColourOptions = { fLo: 50, fHi: 16000 } */
export interface ColourOptions {
  /** lowest frequency fitted, Hz (default 50) */
  readonly fLo?: number
  /** highest, Hz (default min(16 kHz, 0.95·sr/2)) */
  readonly fHi?: number
  /** lowest frequency of the noise band, centroid and peak, Hz (default 500: below it a drum's spectrum is its modes) */
  readonly noiseFrom?: number
}

/** Tilt and noise colour. @example const c: SpectralColour = spectralColour(s) */
export interface SpectralColour {
  /** slope of the power spectrum, dB/octave */
  readonly tiltDbPerOctave: number
  /** slope of the peak-free (median-smoothed) spectrum, dB/octave */
  readonly noiseTiltDbPerOctave: number
  /** power centroid of the smoothed spectrum, Hz */
  readonly noiseCentroidHz: number
  /** where the smoothed spectrum is within 12 dB of its maximum, Hz */
  readonly noiseBandHz: readonly [number, number]
  /** the smoothed spectrum's peak, Hz */
  readonly noisePeakHz: number
  /** the energy-summed power spectrum, per bin (for further analysis) */
  readonly power: Float64Array
  /** its ±½-octave running median, per bin */
  readonly smoothed: Float64Array
}

/** A running median over ±½ octave (at least ±2 bins). */
const octaveMedian = (p: Float64Array): Float64Array => {
  const out = new Float64Array(p.length)
  for (let k = 1; k < p.length; k++) {
    const lo = Math.max(1, Math.min(k - 2, Math.floor(k / Math.SQRT2)))
    const hi = Math.min(p.length - 1, Math.max(k + 2, Math.ceil(k * Math.SQRT2)))
    const w = Array.from(p.subarray(lo, hi + 1)).sort((a, b) => a - b)
    out[k] = w[Math.floor(w.length / 2)]!
  }
  out[0] = out[1] ?? 0
  return out
}

/** The weighted dB-vs-octave slope of a spectrum over bins [a, b]. */
const tilt = (p: Float64Array, binHz: number, a: number, b: number): number => {
  const x: number[] = [], y: number[] = [], w: number[] = []
  for (let k = a; k <= b; k++) {
    x.push(Math.log2(k * binHz))
    y.push(10 * Math.log10(p[k]! + 1e-30))
    w.push(1 / k)
  }
  return lineFit(x, y, w).slope
}

/**
 * The tilt and noise colour of a magnitude STFT.
 * @param s the STFT  @param o fitted range
 * @example spectralColour(magnitudeStft(x, 22050, { nFft: 2048, hop: 512 })).tiltDbPerOctave
 */
export const spectralColour = (s: MagnitudeStft, o: ColourOptions = {}): SpectralColour => {
  const K = s.nFft / 2 + 1
  const power = new Float64Array(K)
  for (const m of s.mag) for (let k = 0; k < K; k++) power[k] = power[k]! + m[k]! * m[k]!
  const smoothed = octaveMedian(power)
  const a = Math.max(1, s.bin(o.fLo ?? 50))
  const b = Math.max(a + 1, Math.min(K - 1, s.bin(o.fHi ?? Math.min(16000, 0.95 * s.sampleRate / 2))))
  const n0 = Math.min(b - 1, Math.max(a, s.bin(o.noiseFrom ?? 500)))
  let pk = n0, num = 0, den = 0
  for (let k = n0; k <= b; k++) {
    if (smoothed[k]! > smoothed[pk]!) pk = k
    num += k * s.binHz * smoothed[k]!
    den += smoothed[k]!
  }
  const floor = smoothed[pk]! * 10 ** (-12 / 10)
  let lo = pk, hi = pk
  while (lo > n0 && smoothed[lo - 1]! >= floor) lo--
  while (hi < b && smoothed[hi + 1]! >= floor) hi++
  return {
    tiltDbPerOctave: tilt(power, s.binHz, a, b),
    noiseTiltDbPerOctave: tilt(smoothed, s.binHz, a, b),
    noiseCentroidHz: den > 0 ? num / den : 0,
    noiseBandHz: [lo * s.binHz, hi * s.binHz],
    noisePeakHz: pk * s.binHz,
    power,
    smoothed,
  }
}
