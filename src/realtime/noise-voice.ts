/**
 * Filtered noise (`synths/filtered-noise`) as a real-time voice. Per frame:
 * m = expSigmoid(raw + bias), the zero-phase FIR h₀ = irfft(m, L = 2(M−1))
 * (a cosine sum, NumPy weights), tapered and rolled by `dsp/fir`'s own
 * `firTable` (taps hₖ[j] = h₀[idx j]·win j, j < L_out). The offline frame
 * convolution cuts the noise into segments sₖ[v] = noise[v], v ∈ [kH, kH+H),
 * convolves each with its frame's taps, zₖ = sₖ ∗ hₖ on u ∈ [kH, kH+H+L_out−1),
 * overlap-adds and crops from c = ⌊L_out/2⌋:
 *   y[t] = Σₖ zₖ[t + c] = Σ_{j<L_out} h_{⌊v/H⌋}[j]·noise[v],  v = t + c − j ≥ 0,
 * with noise[v] = uniformAt(seed, v) from `core/random` (the same stream).
 *
 * Default path: the direct time-varying FIR on wasm SIMD (`wasm/noise.ts`;
 * measured faster here than the FFT path below, although it does more arithmetic).
 * TypeScript path ('js', or no SIMD): overlap-add of per-segment FFT convolutions (fast convolution,
 * Oppenheim & Schafer, "Discrete-Time Signal Processing", §8.7.3), the same
 * sum to float64 rounding. N = next power of two ≥ H + L_out − 1, so the
 * circular convolution of the zero-padded sequences is the linear one:
 * zₖ = irfft_N(rfft_N(sₖ)·rfft_N(hₖ)). pushFrame stores rfft_N(hₖ) (one
 * irfft of L and one rfft of N); process() convolves segment k lazily, the
 * first time it needs an output u with ⌊u/H⌋ = k (all segments ≤ ⌊(t+c)/H⌋
 * are in before y[t] is read), adds zₖ into an accumulator ring indexed by u,
 * and clears each slot once read. Cost per hop: 3 real FFTs of N, N/2+1
 * complex products, H noise draws and H + L_out − 1 adds, against H·L_out
 * multiply-adds for the direct FIR (M = 65, H = 192: N = 512 vs 24 576 MACs).
 *
 * Frames: segment k uses frame min(k, count − 1), count being the frames
 * pushed when segment k is convolved (the offline render holds its last
 * frame the same way). A frame that arrives after its segment was convolved
 * is not applied to it: the held frame was. On time means frame ⌊(t + c)/H⌋
 * has arrived before y[t] is rendered (c samples of control look-ahead, under
 * one hop when c < H). Segments convolved before any frame are silent. The
 * ring keeps `capacity` frames: the controller may run at most that many
 * frames ahead of the segment being convolved. Latency: none in audio. The
 * offline render zero-pads after its last sample, a stream has no end: the
 * last c samples of a finite render differ.
 *
 * @example
 * const v = noiseVoice({ bands: 65, hop: 192 })
 * v.pushFrame(mags65); v.process(out128)
 */
import { fillUniform } from '../core/random.js'
import { nextPow2, realFft, type RealFft } from '../host/fft.js'
import { firTable } from '../host/fir.js'
import { expSigmoid } from '../host/sigmoid.js'
import { frameRing, type FrameRing } from './frames.js'
import type { KernelChoice } from './wasm/kernel.js'
import { directFir, type DirectFir } from './wasm/noise.js'

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
  /** Frames kept (default 16): the controller may run at most this many frames ahead of the segment being convolved. */
  readonly capacity?: number
  /** 'wasm' (default): the direct FIR on wasm SIMD where available; 'js': the FFT convolution in TypeScript. */
  readonly kernels?: KernelChoice
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

/** Designs one frame's taps as the offline `frequencyImpulseResponse`: writes hₖ[j], j < L_out, at into[j]. */
type Design = (raw: ArrayLike<number>, into: Float64Array) => void

/**
 * The designer: h₀ by the wasm kernel (`impulse`: its exp-sigmoid and FFT, when the direct path runs and 2(M − 1)
 * is an `fft.wat` length), else by `expSigmoid` and the host FFT; then the taps.
 */
const designer = (o: NoiseVoiceOptions, tab: ReturnType<typeof firTable>, kernel?: Pick<DirectFir, 'impulse'>): Design => {
  const bias = o.initialBias ?? -5
  const impulse = kernel?.impulse ?? hostImpulse(o.bands)
  return (raw, into) => {
    const h = impulse(raw, bias)
    for (let j = 0; j < tab.idx.length; j++) into[j] = h[tab.idx[j]!]! * tab.win[j]!
  }
}

/** h₀ = irfft(expSigmoid(raw + bias)) for M bands on the host FFT (the view is reused). */
const hostImpulse = (m: number) => {
  // irfft of a real zero-phase spectrum (NumPy): h₀[t] = (1/L)·Σₖ wₖ·mₖ·cos(2πkt/L), wₖ = 1 at DC/Nyquist else 2
  const design = realFft(2 * (m - 1))
  const zeros = new Float64Array(m)
  const mags = new Float64Array(m)
  const h0 = new Float64Array(2 * (m - 1))
  return (raw: ArrayLike<number>, bias: number): Float64Array => {
    for (let k = 0; k < m; k++) mags[k] = expSigmoid(raw[k]! + bias) // once per frame, M values
    design.inverseSplit(mags, zeros, h0, 0)
    return h0
  }
}

/** The spectra rfft_N(hₖ) of the pushed frames' taps, split into real and imaginary rings. */
interface TapSpectra {
  readonly re: FrameRing
  readonly im: FrameRing
  readonly push: (raw: ArrayLike<number>) => void
}

/** Designs each frame's taps and stores their N-point spectrum. */
const tapSpectra = (capacity: number, design: Design, fft: RealFft): TapSpectra => {
  const padded = new Float64Array(fft.n) // taps, then zeros (never written past the taps)
  const bins = fft.n / 2 + 1
  const re = frameRing(capacity, bins)
  const im = frameRing(capacity, bins)
  const push = (raw: ArrayLike<number>): void => {
    design(raw, padded)
    fft.forwardSplit(padded, 0, re.slot(re.count), im.slot(im.count))
    re.count++
    im.count++
  }
  return { re, im, push }
}

/** The ring of Σₖ zₖ[u] (slot u & (N − 1)) and the convolution of segment k into it. */
interface Segments {
  readonly acc: Float64Array
  readonly convolve: (k: number) => void
}

/**
 * Per-segment FFT convolution: zₖ = irfft_N(rfft_N(sₖ)·rfft_N(hₖ)), added into the ring for u ≥ c (outputs
 * before c are never read). Live slots span at most H + L_out − 1 ≤ N: from the next u read to the last written.
 */
const segments = (hop: number, c: number, width: number, seed: number, fft: RealFft, spectra: TapSpectra): Segments => {
  const n = fft.n
  const seg = new Float64Array(n) // sₖ, then zeros (never written past H)
  const z = new Float64Array(n)
  const re = new Float64Array(n / 2 + 1)
  const im = new Float64Array(n / 2 + 1)
  const acc = new Float64Array(n)
  const convolve = (k: number): void => {
    const count = spectra.re.count
    if (count === 0) return
    const base = k * hop
    fillUniform(seg, seed, base, hop)
    fft.forwardSplit(seg, 0, re, im)
    const hr = spectra.re.slot(Math.min(k, count - 1))
    const hi = spectra.im.slot(Math.min(k, count - 1))
    for (let b = 0; b <= n / 2; b++) {
      const xr = re[b]!
      re[b] = xr * hr[b]! - im[b]! * hi[b]!
      im[b] = xr * hi[b]! + im[b]! * hr[b]!
    }
    fft.inverseSplit(re, im, z, 0)
    for (let u = Math.max(base, c); u < base + width; u++) acc[u & (n - 1)] = acc[u & (n - 1)]! + z[u - base]!
  }
  return { acc, convolve }
}

/**
 * The FFT path (TypeScript): per-segment convolutions overlap-added into a ring, read and cleared per sample.
 * @returns pushFrame and process of the voice
 */
const fftVoice = (o: NoiseVoiceOptions, design: Design, len: number): Pick<NoiseVoice, 'pushFrame' | 'process'> => {
  const hop = o.hop
  const c = Math.floor(len / 2)
  const width = hop + len - 1 // support of zₖ
  const n = Math.max(4, nextPow2(width))
  const fft = realFft(n)
  const spectra = tapSpectra(o.capacity ?? 16, design, fft)
  const { acc, convolve } = segments(hop, c, width, o.seed ?? 0, fft, spectra)
  const st = new Float64Array(2) // next output t, segments convolved
  const process = (out: Float32Array): void => {
    let t = st[0]!
    let done = st[1]!
    for (let i = 0; i < out.length; i++, t++) {
      const u = t + c
      for (; done * hop <= u; done++) convolve(done) // segments ≤ ⌊u/H⌋ are in before y[t] = ring[u] is read
      out[i] = acc[u & (n - 1)]!
      acc[u & (n - 1)] = 0
    }
    st[0] = t
    st[1] = done
  }
  return { pushFrame: spectra.push, process }
}

/**
 * Creates the voice; every buffer is allocated here. With `kernels: 'wasm'` (default) and WebAssembly SIMD, the
 * direct time-varying FIR runs on `wasm/noise.wat` (frames stored as taps; each segment takes frame
 * min(k, count − 1) when it becomes due, as the FFT path; where 2(M − 1) is a power of 2, band gains and impulse by
 * the kernel's exp/log and FFT, within 1e-14 relative; same sums in another order); without
 * SIMD, with 'js', or when the direct form's tap ring would be too large (tiny hops with long filters), the FFT path.
 * @param o bands M, hop H (samples per frame), FIR window taps, bias, noise seed, frame ring capacity, kernels
 * @example noiseVoice({ bands: 65, hop: 256 })
 */
export const noiseVoice = (o: NoiseVoiceOptions): NoiseVoice => {
  const tab = firTable(o.bands, o.windowSize ?? 257)
  const len = tab.idx.length
  const c = Math.floor(len / 2)
  const fir = directFir({ bands: o.bands, taps: len, hop: o.hop, lookahead: c, seed: o.seed ?? 0 }, o.kernels ?? 'wasm')
  const design = designer(o, tab, fir)
  if (fir === undefined) return { taps: len, lookahead: c, ...fftVoice(o, design, len) }
  const frames = frameRing(o.capacity ?? 16, len) // taps h_f[j], j < L_out
  const pushFrame = (raw: ArrayLike<number>): void => {
    design(raw, frames.slot(frames.count))
    frames.count++
  }
  const fill = (k: number, into: Float64Array): void => {
    if (frames.count === 0) into.fill(0) // due before any frame: silent
    else into.set(frames.slot(Math.min(k, frames.count - 1)))
  }
  return { taps: len, lookahead: c, pushFrame, process: (out) => fir.process(out, fill) }
}
