/**
 * The log-magnitude spectrogram drawn by the plots: Hann-windowed frames,
 * |X[k]| by a radix-2 FFT, in dB: S[t, k] = 20·log10(max(|X_t[k]|, 1e-7)),
 * X_t[k] = Σₙ w[n]·x[t·hop + n]·e^{−2πikn/N} (Allen & Rabiner, Proc. IEEE
 * 65(11), 1977). This is host-side analysis for pictures only — it is not on
 * any training path, so it is plain loops over a Float64Array.
 *
 * @example
 * const s = logSpectrogram(audio, 16000, { nFft: 512 })
 * s.db[t * s.bins + k] // dB of frame t, bin k (k·sr/nFft Hz)
 */
import { realFft } from '../host/fft.js'
import { hannTable } from '../host/window.js'

/** A spectrogram in dB, frame-major. @example const s: Spectrogram = logSpectrogram(x, 16000) */
export interface Spectrogram {
  readonly frames: number
  /** nFft/2 + 1 bins, 0 … Nyquist */
  readonly bins: number
  /** frames × bins, dB */
  readonly db: Float32Array
  readonly sampleRate: number
  readonly nFft: number
  readonly hop: number
}

/** Analysis settings. @example const o: SpectrogramOptions = { nFft: 1024, hop: 256 } */
export interface SpectrogramOptions {
  /** FFT size, a power of 2 (default 512) */
  readonly nFft?: number
  /** hop in samples (default nFft/4) */
  readonly hop?: number
}

/**
 * The dB spectrogram of a mono signal (zero-padded to at least one frame).
 * @param x samples  @param sampleRate Hz  @param o FFT size and hop
 * @example logSpectrogram(new Float32Array(4096), 16000).db[0] // -140 (silence floor)
 */
export const logSpectrogram = (x: ArrayLike<number>, sampleRate: number, o: SpectrogramOptions = {}): Spectrogram => {
  const nFft = o.nFft ?? 512
  const hop = Math.max(1, Math.round(o.hop ?? nFft / 4))
  const frames = x.length <= nFft ? 1 : 1 + Math.ceil((x.length - nFft) / hop)
  const bins = nFft / 2 + 1
  const plan = realFft(nFft)
  const w = Float64Array.from(hannTable(nFft)) // periodic Hann, w[n] = ½ − ½·cos(2πn/N) (dsp/window.ts)
  const frame = new Float64Array(nFft)
  const re = new Float64Array(bins)
  const im = new Float64Array(bins)
  const db = new Float32Array(frames * bins)
  for (let t = 0; t < frames; t++) {
    for (let n = 0; n < nFft; n++) {
      const i = t * hop + n
      frame[n] = i < x.length ? w[n]! * x[i]! : 0
    }
    plan.forwardSplit(frame, 0, re, im)
    for (let k = 0; k < bins; k++) db[t * bins + k] = 20 * Math.log10(Math.max(Math.hypot(re[k]!, im[k]!), 1e-7))
  }
  return { frames, bins, db, sampleRate, nFft, hop }
}

/**
 * The largest finite dB value of some spectrograms (the top of a shared colour scale).
 * @param specs spectrograms
 * @example peakDb([a, b]) // e.g. 32.5
 */
export const peakDb = (specs: readonly Spectrogram[]): number =>
  specs.reduce((m, s) => s.db.reduce((a, v) => (v > a ? v : a), m), -Infinity)
