/**
 * Offline sample-rate conversion of a WAV's samples before they enter a graph
 * (host-side input preparation, not a training-path op): band-limited
 * interpolation with a Hann-windowed sinc (Smith, "Digital Audio Resampling",
 * CCRMA, https://ccrma.stanford.edu/~jos/resample/):
 *   y[m] = Σₙ x[n]·ρ·sinc(ρ·(t − n))·w((t − n)/L),  t = m·from/to,
 *   ρ = min(1, to/from)·0.95 (cutoff below the lower Nyquist, anti-aliasing),
 *   w(u) = 0.5 + 0.5·cos(πu) for |u| < 1, L = zeros/ρ input samples.
 * sinc(v) = sin(πv)/(πv). Samples outside the input count as zero.
 *
 * @example
 * const y = resample(x, 44100, 22050) // half as many samples, no aliasing above 10.5 kHz
 */

/** Options of `resample`. @example const o: ResampleOptions = { zeros: 32 } */
export interface ResampleOptions {
  /** zero crossings of the sinc kept on each side (default 24) */
  readonly zeros?: number
}

const sinc = (v: number): number => (v === 0 ? 1 : Math.sin(Math.PI * v) / (Math.PI * v))

/**
 * Resamples `x` from `from` Hz to `to` Hz (same rate → a copy).
 * @param x samples at `from` Hz  @param from input rate, Hz  @param to output rate, Hz  @param o kernel width
 * @returns round(n·to/from) samples at `to` Hz
 * @example resample(Float32Array.of(0, 1, 0, -1), 8000, 16000).length // 8
 */
export const resample = (x: ArrayLike<number>, from: number, to: number, o: ResampleOptions = {}): Float32Array => {
  if (from === to) return Float32Array.from(x)
  const n = Math.round((x.length * to) / from)
  const rho = Math.min(1, to / from) * 0.95
  const half = (o.zeros ?? 24) / rho // kernel half-length in input samples
  const y = new Float32Array(n)
  for (let m = 0; m < n; m++) {
    const t = (m * from) / to
    let acc = 0
    for (let i = Math.max(0, Math.ceil(t - half)); i <= Math.min(x.length - 1, Math.floor(t + half)); i++) {
      const d = t - i
      acc += x[i]! * rho * sinc(rho * d) * (0.5 + 0.5 * Math.cos((Math.PI * d) / half))
    }
    y[m] = acc
  }
  return y
}
