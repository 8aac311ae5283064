/**
 * A magnitude STFT on host arrays, for analysis (not differentiable): periodic
 * Hann frames of `nFft` samples every `hop`, centred (frame f covers samples
 * f·hop − nFft/2 … f·hop + nFft/2, zero outside the signal), so frame f's time
 * is f·hop/sr. Magnitudes are scaled so that a steady sinusoid of amplitude A
 * on a bin centre reads A: |X[k]|·2/Σw (Σw = nFft/2 for the periodic Hann).
 *
 * @example
 * const s = magnitudeStft(x, 22050, { nFft: 2048, hop: 256 })
 * s.mag[10]![s.bin(440)] // ≈ the amplitude of a 440 Hz partial in frame 10
 */
import { realFft } from '../../host/fft.js'
import { hannTable } from '../../host/window.js'

/** Options of `magnitudeStft`. @example const o: StftOptions = { nFft: 2048, hop: 256 } */
export interface StftOptions {
  /** frame length, a power of two */
  readonly nFft: number
  /** samples between frames */
  readonly hop: number
}

/** A magnitude STFT. @example s.mag.length // frames; s.mag[0]!.length // nFft/2 + 1 */
export interface MagnitudeStft {
  /** per frame, nFft/2 + 1 amplitudes (sinusoid amplitude units) */
  readonly mag: readonly Float64Array[]
  readonly nFft: number
  readonly hop: number
  readonly sampleRate: number
  /** length of the analysed signal */
  readonly samples: number
  /** Hz per bin, sr/nFft */
  readonly binHz: number
  /** the nearest bin of a frequency (Hz) */
  readonly bin: (hz: number) => number
  /** frame f's time in seconds, f·hop/sr */
  readonly time: (f: number) => number
}

/**
 * The centred Hann magnitude STFT of `x`.
 * @param x mono samples  @param sampleRate Hz  @param o nFft (power of two) and hop
 * @returns ⌊N/hop⌋ + 1 frames of nFft/2 + 1 amplitudes
 * @example magnitudeStft(new Float32Array(4096), 16000, { nFft: 1024, hop: 256 }).mag.length // 17
 */
export const magnitudeStft = (x: ArrayLike<number>, sampleRate: number, o: StftOptions): MagnitudeStft => {
  const { nFft, hop } = o
  const w = hannTable(nFft)
  const fft = realFft(nFft)
  const frames = Math.floor(x.length / hop) + 1
  const K = nFft / 2 + 1
  const buf = new Float64Array(nFft)
  const re = new Float64Array(K)
  const im = new Float64Array(K)
  const scale = 2 / (nFft / 2) // 2/Σw
  const mag: Float64Array[] = []
  for (let f = 0; f < frames; f++) {
    const start = f * hop - nFft / 2
    for (let i = 0; i < nFft; i++) {
      const j = start + i
      buf[i] = j >= 0 && j < x.length ? x[j]! * w[i]! : 0
    }
    fft.forwardSplit(buf, 0, re, im)
    const m = new Float64Array(K)
    for (let k = 0; k < K; k++) m[k] = Math.hypot(re[k]!, im[k]!) * scale
    mag.push(m)
  }
  const binHz = sampleRate / nFft
  return {
    mag, nFft, hop, sampleRate, samples: x.length, binHz,
    bin: (hz) => Math.max(0, Math.min(K - 1, Math.round(hz / binHz))),
    time: (f) => (f * hop) / sampleRate,
  }
}
