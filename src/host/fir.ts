/**
 * The host table of frequency-sampling FIR design (DDSP
 * `frequency_impulse_response`): which taps of the zero-phase impulse response
 * h₀ = irfft(magnitudes) of length L = 2(M−1) to gather, the Hann taper of W
 * taps over them, and the centre tap:
 *   ir[k] = win[k] · h₀[idx[k]],  idx[k] = (k − c) mod L.
 * W = L (windowSize ≤ 0 or > L) keeps L taps centred on L/2; W < L keeps an
 * odd count (W, or W−1 for even W) centred exactly; `ddspCompat` reproduces
 * DDSP's half-sample-off trim. Read by the graph's `frequencyImpulseResponse`
 * (`dsp/fir.ts`), its fused lowering and the real-time noise voice.
 *
 * @example
 * import { firTable } from './fir.js'
 * const t = firTable(65, 0)   // M = 65 bins: L = 128 taps
 * t.center                    // 64
 */

/**
 * The gather table (taps of h₀), window and centre tap of the design (also read by the fused lowering and the real-time noise voice).
 * @param nBins M magnitudes (DC…Nyquist)  @param windowSize Hann taps W (≤ 0: L)  @param ddspCompat DDSP's trim for W < L
 * @example firTable(65, 0).idx.length // 128
 */
export const firTable = (nBins: number, windowSize: number, ddspCompat = false): { idx: number[]; win: number[]; center: number } => {
  const l = 2 * (nBins - 1)
  const w = windowSize <= 0 || windowSize > l ? l : windowSize
  const half = Math.floor((w + 1) / 2)
  const compat = ddspCompat && w < l
  const len = w === l ? l : compat ? 2 * half - 1 : w % 2 === 1 ? w : w - 1
  const center = w === l ? l / 2 : compat ? half - 2 : (len - 1) / 2
  const hann = (i: number) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / w)
  const offsets = Array.from({ length: len }, (_, k) => k - center)
  return {
    idx: offsets.map((n) => ((n % l) + l) % l),
    win: offsets.map((n) => (compat ? (n + half < w ? hann(n + half) : 0) : 0.5 + 0.5 * Math.cos((2 * Math.PI * n) / w))),
    center,
  }
}
