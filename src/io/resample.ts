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
import * as E from 'fp-ts/lib/Either.js'
import type { SampleSource } from './sample-source.js'

/** Options of `resample`. @example const o: ResampleOptions = { zeros: 32 } */
export interface ResampleOptions {
  /** zero crossings of the sinc kept on each side (default 24) */
  readonly zeros?: number
}

const sinc = (v: number): number => (v === 0 ? 1 : Math.sin(Math.PI * v) / (Math.PI * v))

/** The kernel's scale and half-length (input samples) for a rate change. */
const kernel = (from: number, to: number, o: ResampleOptions) => {
  const rho = Math.min(1, to / from) * 0.95
  return { rho, half: (o.zeros ?? 24) / rho }
}

/**
 * Outputs [m0, m1) of the resampled signal, from input samples [offset, offset + x.length) of a signal of `total`
 * samples (the window must hold every tap the outputs read): the same sums in the same order as one pass.
 */
const resampleRange = (x: ArrayLike<number>, offset: number, total: number, from: number, to: number, m0: number, m1: number, k: { rho: number; half: number }): Float32Array => {
  const { rho, half } = k
  const y = new Float32Array(Math.max(0, m1 - m0))
  for (let m = m0; m < m1; m++) {
    const t = (m * from) / to
    let acc = 0
    for (let i = Math.max(0, Math.ceil(t - half)); i <= Math.min(total - 1, Math.floor(t + half)); i++) {
      const d = t - i
      acc += x[i - offset]! * rho * sinc(rho * d) * (0.5 + 0.5 * Math.cos((Math.PI * d) / half))
    }
    y[m - m0] = acc
  }
  return y
}

/**
 * Resamples `x` from `from` Hz to `to` Hz (same rate → a copy).
 * @param x samples at `from` Hz  @param from input rate, Hz  @param to output rate, Hz  @param o kernel width
 * @returns round(n·to/from) samples at `to` Hz
 * @example resample(Float32Array.of(0, 1, 0, -1), 8000, 16000).length // 8
 */
export const resample = (x: ArrayLike<number>, from: number, to: number, o: ResampleOptions = {}): Float32Array =>
  from === to ? Float32Array.from(x) : resampleRange(x, 0, x.length, from, to, 0, Math.round((x.length * to) / from), kernel(from, to, o))

/**
 * A source resampled to another rate, read in blocks: each block reads the input window its kernel needs, and the
 * samples equal `resample` of the whole input.
 * @param s the input  @param to Hz  @param o kernel options (as `resample`)
 * @example await resampledSource(wavStream, 16000).read(0, 4096)
 */
export const resampledSource = <L>(s: SampleSource<L>, to: number, o: ResampleOptions = {}): SampleSource<L> => {
  if (s.sampleRate === to) return s
  const from = s.sampleRate
  const k = kernel(from, to, o)
  const length = Math.round((s.length * to) / from)
  return {
    sampleRate: to,
    length,
    read: async (m0, m1) => {
      const [a, b] = [Math.max(0, m0), Math.min(length, m1)]
      if (b <= a) return E.right(new Float32Array(0))
      const lo = Math.max(0, Math.ceil((a * from) / to - k.half))
      const hi = Math.min(s.length - 1, Math.floor(((b - 1) * from) / to + k.half))
      const x = await s.read(lo, hi + 1)
      return E.map((w: Float32Array) => resampleRange(w, lo, s.length, from, to, a, b, k))(x)
    },
  }
}
