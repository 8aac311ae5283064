/**
 * The harmonic synth (`synths/harmonic`) as a real-time voice on plain
 * arrays. Per frame (when pushed): a = expSigmoid(amp), c = expSigmoid(dist),
 * cₖ ← 0 where k·f0 ≥ sr/2, c ← c/Σc (1e-7 if 0), Aₖ = a·cₖ. Per sample:
 * f0 upsampled linearly, Aₖ with the raised-cosine window (as offline),
 * θ += 2π·f0/sr (inclusive, float64, wrapped), and
 *   y = Σ_{k·f0 < sr/2} Aₖ·sin(kθ)
 * with one sin and one cos per sample and sin(kθ) by Chebyshev recurrences
 * (the TypeScript path: two chains stepping by 2θ; the wasm bank: two samples
 * per f64x2, three chains stepping by 3θ); harmonics at or above Nyquist are
 * skipped, as the offline per-sample mask zeroes them.
 * Latency: none in audio; frame i+1 is read during hop i (one hop of control
 * look-ahead; a frame that has not arrived is held at the last that has, and
 * the voice is silent before its first frame).
 *
 * @example
 * const v = harmonicVoice({ sampleRate: 48000, harmonics: 100, hop: 192 })
 * v.pushFrame(amp, dist, 220); v.pushFrame(amp, dist, 220)
 * v.process(out128)
 */
import { expSigmoid } from '../host/sigmoid.js'
import { frameRing, hopWeights } from './frames.js'
import { sinPi } from '../host/sine.js'
import { type KernelChoice } from './wasm/kernel.js'
import { harmonicsBank } from './wasm/harmonics.js'

/** Options of the real-time harmonic voice. */
export interface HarmonicVoiceOptions {
  readonly sampleRate: number
  /** Number of harmonics K. */
  readonly harmonics: number
  /** Samples per control frame H (the offline T/F). */
  readonly hop: number
  /** Frames held at once (default 16). */
  readonly capacity?: number
  /** The oscillator bank: wasm SIMD where available (default) or TypeScript ('js'); the same sums in another order (≈1e-14; one float32 step at most on the output). */
  readonly kernels?: KernelChoice
}

/** Samples the wasm bank stages at once (longer blocks are rendered in pieces). */
const BANK_BLOCK = 1024

/** A real-time harmonic voice. */
export interface HarmonicVoice {
  /** Adds one control frame: raw amplitude, raw distribution [K], f0 in Hz (scaled as the offline synth). */
  readonly pushFrame: (amplitude: number, distribution: ArrayLike<number>, f0: number) => void
  /** Renders the next out.length samples into `out` (overwrites). */
  readonly process: (out: Float32Array) => void
}

/**
 * Creates the voice; every buffer is allocated here.
 * @example harmonicVoice({ sampleRate: 16000, harmonics: 60, hop: 64 })
 */
export const harmonicVoice = (o: HarmonicVoiceOptions): HarmonicVoice => {
  const K = o.harmonics
  const nyquist = o.sampleRate / 2
  const amps = frameRing(o.capacity ?? 16, K)
  const f0s = frameRing(o.capacity ?? 16, 1)
  const w = hopWeights(o.hop)
  // mutable scalars live in a typed array: a captured `let` double would be re-boxed on every write
  const st = new Float64Array(3) // t, θ, frame pair of d
  st[2] = -1
  const bank = harmonicsBank({ harmonics: K, block: BANK_BLOCK, sampleRate: o.sampleRate, weights: w, kernels: o.kernels })
  const d = bank?.d ?? new Float64Array(K) // the frame pair's amplitude step, written where the bank reads it
  const pushFrame: HarmonicVoice['pushFrame'] = (amplitude, distribution, f0) => {
    const i = amps.count
    const a = expSigmoid(amplitude)
    const slot = amps.slot(i)
    const gains = bank?.expSigmoid(distribution) // all K at once in wasm
    let total = 0
    for (let k = 0; k < K; k++) {
      const c = (k + 1) * f0 < nyquist ? (gains === undefined ? expSigmoid(distribution[k]!) : gains[k]!) : 0
      slot[k] = c
      total += c
    }
    const norm = total > 0 ? total : 1e-7
    for (let k = 0; k < K; k++) slot[k] = a * (slot[k]! / norm)
    f0s.slot(i)[0] = f0
    amps.count = f0s.count = i + 1
  }
  const dTheta = (2 * Math.PI) / o.sampleRate
  const sc = new Float64Array(2) // sin θ, cos θ of the TypeScript path
  /**
   * Samples [n, end) of one hop (frames i0, i1 fixed): f0 linear between the frames, θ += 2π·f0/sr (wrapped),
   * kmax, then the TypeScript sum — or the same staging in wasm (`bank.segment`) at `n − from`.
   */
  const segment = (out: Float32Array, n: number, end: number, j0: number, i0: number, i1: number, from: number): void => {
    const fa = f0s.slot(i0)[0]!
    const df = f0s.slot(i1)[0]! - fa
    if (bank !== undefined) return bank.segment(n - from, end - n, fa, df, j0) // the same loop in wasm
    const a0 = amps.slot(i0)
    let theta = st[1]!
    for (let i = n, j = j0; i < end; i++, j++) {
      const f0 = fa + df * w.linear[j]!
      theta += dTheta * f0
      if (theta >= 2 * Math.PI) theta -= 2 * Math.PI * Math.floor(theta / (2 * Math.PI))
      const kmax = Math.min(K, f0 > 0 ? Math.ceil(nyquist / f0) - 1 : K)
      sinCos(theta, sc)
      out[i] = harmonicSum(a0, d, w.window[j]!, sc[0]!, sc[1]!, kmax)
    }
    st[1] = theta
  }
  /** Samples [from, to) of `out`, hop by hop; the wasm bank runs once per frame pair over the staged samples. */
  const render = (out: Float32Array, from: number, to: number): void => {
    let run = from // first sample not yet rendered by the bank
    for (let n = from; n < to; ) {
      const t = st[0]!
      const hop = Math.floor(t / o.hop)
      const j0 = t - hop * o.hop
      const end = Math.min(to, n + o.hop - j0)
      st[0] = t + (end - n)
      // frame `hop` and the next one are read; one not yet arrived is held at the last that has
      const i0 = Math.min(hop, amps.count - 1)
      const i1 = i0 === hop && i0 + 1 < amps.count ? i0 + 1 : i0
      if (i0 < 0) {
        // silence before the first frame
        if (bank === undefined) out.fill(0, n, end)
        else bank.kmax.fill(0, n - from, end - from)
      } else if (i0 + i1 !== st[2]) {
        if (bank !== undefined && n > run) bank.run(run - from, n - from)
        run = n
        const a0 = amps.slot(i0)
        const a1 = amps.slot(i1)
        for (let k = 0; k < K; k++) d[k] = a1[k]! - a0[k]!
        bank?.a0.set(a0)
        st[2] = i0 + i1
      }
      if (i0 >= 0) segment(out, n, end, j0, i0, i1, from)
      n = end
    }
    if (bank === undefined) return
    if (to > run) bank.run(run - from, to - from)
    for (let n = from; n < to; n++) out[n] = bank.out[n - from]!
  }
  const process = (out: Float32Array): void => {
    for (let s = 0; s < out.length; s += BANK_BLOCK) render(out, s, Math.min(out.length, s + BANK_BLOCK))
  }
  return { pushFrame, process }
}

/**
 * Writes [sin θ, cos θ] for θ ∈ [0, 2π) into `out` by `sinPi`: x = θ (less 2π from π on), cos θ = sin(x + π/2)
 * (less 2π from π on); `wasm/harmonics.wat` (`segment`) stages the same two values, bit for bit.
 * @example sinCos(Math.PI / 3, sc) // sc = [0.866…, 0.5]
 */
export const sinCos = (theta: number, out: Float64Array): void => {
  const x = theta >= Math.PI ? theta - 2 * Math.PI : theta
  const y = x + Math.PI / 2
  out[0] = sinPi(x)
  out[1] = sinPi(y >= Math.PI ? y - 2 * Math.PI : y)
}

/**
 * Σ_{k<kmax} (a0ₖ + ww·dₖ)·sin((k+1)θ), given sin θ and cos θ, by two interleaved Chebyshev chains (odd and even harmonics,
 * each stepping by 2θ: sin((m+2)θ) = 2cos(2θ)·sin(mθ) − sin((m−2)θ)), so consecutive steps do not wait on each other.
 */
const harmonicSum = (a0: Float64Array, d: Float64Array, ww: number, s1: number, c1: number, kmax: number): number => {
  const step = 2 * (2 * c1 * c1 - 1) // 2cos 2θ
  let oPrev = -s1 // sin(−θ)
  let o = s1 // sin θ
  let ePrev = 0 // sin 0
  let e = 2 * s1 * c1 // sin 2θ
  let acc0 = 0
  let acc1 = 0
  let acc2 = 0
  let acc3 = 0
  let k = 0
  for (; k + 1 < kmax; k += 2) {
    acc0 += a0[k]! * o
    acc1 += d[k]! * o
    acc2 += a0[k + 1]! * e
    acc3 += d[k + 1]! * e
    const on = step * o - oPrev
    oPrev = o
    o = on
    const en = step * e - ePrev
    ePrev = e
    e = en
  }
  if (k < kmax) {
    acc0 += a0[k]! * o
    acc1 += d[k]! * o
  }
  return acc0 + acc2 + ww * (acc1 + acc3)
}
