/**
 * Filtered noise (`synths/filtered-noise`) as a real-time voice. Per frame:
 * m = expSigmoid(raw + bias), the zero-phase FIR h₀ = irfft(m, L = 2(M−1))
 * (a cosine sum, NumPy weights), tapered and rolled by `dsp/fir`'s own
 * `firTable` (taps hₖ[j] = h₀[idx j]·win j). The offline frame convolution
 * (frames of H noise samples, each convolved with its frame's FIR,
 * overlap-added, cropped from c = ⌊L_out/2⌋) is, per output sample,
 *   y[t] = Σ_{j<L_out} h_{⌊v/H⌋}[j]·noise[v],  v = t + c − j, v ≥ 0,
 * with noise[v] = uniformAt(seed, v) from `core/random` (so the noise is the
 * same stream, generated ahead). Latency: none in audio; frame ⌊(t + c)/H⌋
 * must have arrived (c samples of control look-ahead, under one hop when
 * c < H). The offline render zero-pads after its last sample, a stream has
 * no end: the last c samples of a finite render differ.
 *
 * @example
 * const v = noiseVoice({ bands: 65, hop: 192 })
 * v.pushFrame(mags65); v.process(out128)
 */
import { uniformAt } from '../core/random.js'
import { firTable } from '../dsp/fir.js'
import { realFft } from '../backends/host/fft.js'
import { frameRing } from './frames.js'
import { expSigmoid } from './frames.js'

/** Options of the real-time filtered-noise voice. */
export interface NoiseVoiceOptions {
  /** Magnitude bands M (DC…Nyquist). */
  readonly bands: number
  /** Samples per control frame. */
  readonly hop: number
  /** FIR window taps (default 257, as the offline synth). */
  readonly windowSize?: number
  /** Added before exp-sigmoid (default −5). */
  readonly initialBias?: number
  /** Noise seed (default 0, as the offline synth). */
  readonly seed?: number
  readonly capacity?: number
}

/** A real-time filtered-noise voice. */
export interface NoiseVoice {
  /** FIR taps per frame, and the crop offset c (control look-ahead in samples). */
  readonly taps: number
  readonly lookahead: number
  /** Adds one frame of raw band magnitudes [M]. */
  readonly pushFrame: (magnitudes: ArrayLike<number>) => void
  /** Renders the next out.length samples (overwrites). */
  readonly process: (out: Float32Array) => void
}

/**
 * Creates the voice; every buffer is allocated here.
 * @example noiseVoice({ bands: 65, hop: 256 })
 */
export const noiseVoice = (o: NoiseVoiceOptions): NoiseVoice => {
  const m = o.bands
  const l = 2 * (m - 1)
  const tab = firTable(m, o.windowSize ?? 257)
  const len = tab.idx.length
  const c = Math.floor(len / 2)
  const seed = o.seed ?? 0
  const bias = o.initialBias ?? -5
  // irfft of a real zero-phase spectrum (NumPy): h₀[t] = (1/L)·Σₖ wₖ·mₖ·cos(2πkt/L), wₖ = 1 at DC/Nyquist else 2
  const plan = realFft(l)
  const zeros = new Float64Array(m)
  const firs = frameRing(o.capacity ?? 16, len)
  const mags = new Float64Array(m)
  const h0 = new Float64Array(l)
  const ring = 1 << Math.ceil(Math.log2(len + 4096))
  const noise = new Float64Array(ring) // noise[v] at v mod ring
  let made = 0 // noise generated for v < made
  let t = 0
  const pushFrame = (raw: ArrayLike<number>): void => {
    for (let k = 0; k < m; k++) mags[k] = expSigmoid(raw[k]! + bias)
    plan.inverseSplit(mags, zeros, h0, 0)
    const slot = firs.slot(firs.count)
    for (let j = 0; j < len; j++) slot[j] = h0[tab.idx[j]!]! * tab.win[j]!
    firs.count++
  }
  const process = (out: Float32Array): void => {
    for (; made < t + out.length + c; made++) noise[made & (ring - 1)] = uniformAt(seed, made)
    for (let n = 0; n < out.length; n++, t++) {
      const u = t + c
      let acc = 0
      let v = Math.max(0, u - len + 1)
      while (v <= u) {
        const k = Math.min(Math.floor(v / o.hop), firs.count - 1)
        const end = (k + 1) * o.hop - 1 < v ? u : Math.min(u, (k + 1) * o.hop - 1)
        acc += dot(firs.slot(k), noise, u, v, end, ring - 1)
        v = end + 1
      }
      out[n] = acc
    }
  }
  return { taps: len, lookahead: c, pushFrame, process }
}

/** Σ_{v=from…to} h[u − v]·x[v & mask], four partial sums (no single dependency chain). */
const dot = (h: Float64Array, x: Float64Array, u: number, from: number, to: number, mask: number): number => {
  let a0 = 0
  let a1 = 0
  let a2 = 0
  let a3 = 0
  let v = from
  for (; v + 3 <= to; v += 4) {
    a0 += h[u - v]! * x[v & mask]!
    a1 += h[u - v - 1]! * x[(v + 1) & mask]!
    a2 += h[u - v - 2]! * x[(v + 2) & mask]!
    a3 += h[u - v - 3]! * x[(v + 3) & mask]!
  }
  for (; v <= to; v++) a0 += h[u - v]! * x[v & mask]!
  return a0 + a1 + a2 + a3
}
