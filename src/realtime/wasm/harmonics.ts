/**
 * The oscillator bank of the real-time harmonic voice on the wasm SIMD
 * kernel `harmonics.wat`: `segment` stages a hop segment's per-sample
 * controls (f0, the phase θ it carries, sin θ, cos θ, window weight, harmonic
 * count), the voice writes the frame pair's amplitudes into `a0`/`d`, and
 * `run(from, to)` fills `out[from…to)` with Σ_{k<kmax} (a0ₖ + ww·dₖ)·sin((k+1)θ).
 *
 * @example
 * const bank = harmonicsBank({ harmonics: 100, block: 128, sampleRate: 48000, weights: hopWeights(192) })
 * if (bank !== undefined) { bank.a0.set(amps); bank.d.set(diff); bank.segment(0, 64, 220, 0, 0); bank.run(0, 64) }
 */
import { type ExpSig, expsigCall, expsigRegions } from './expsig.js'
import { arena, instantiate, type KernelChoice } from './kernel.js'

/** Views into the kernel's memory and its entry point. */
export interface HarmonicsBank {
  readonly a0: Float64Array
  readonly d: Float64Array
  readonly s1: Float64Array
  readonly c1: Float64Array
  readonly ww: Float64Array
  readonly kmax: Int32Array
  readonly out: Float64Array
  /** Renders samples [from, to) of the views. */
  readonly run: (from: number, to: number) => void
  /** expSigmoid of a frame's K raw distribution values, by `expsig.wat` (within 1e-14 relative); the view is reused. */
  readonly expSigmoid: (raw: ArrayLike<number>) => Float64Array
  /**
   * Stages `count` samples at view index `at` of one hop: f0 = fa + df·linear[j] for j = j0…, θ advanced and
   * wrapped as the TypeScript voice does, sin/cos θ by sinPi, window weight, harmonic count.
   */
  readonly segment: (at: number, count: number, fa: number, df: number, j0: number) => void
}

/** What the bank needs to know of its voice. */
export interface HarmonicsBankOptions {
  readonly harmonics: number
  /** Samples staged at once at most. */
  readonly block: number
  readonly sampleRate: number
  /** Per-hop upsampling weights (`hopWeights`). */
  readonly weights: { readonly linear: Float64Array; readonly window: Float64Array }
  readonly kernels?: KernelChoice | undefined
}

type Harmonics = (a0: number, d: number, s1: number, c1: number, ww: number, kmax: number, out: number, n: number) => void
type Segment = (n: number, args: number, j0: number, lin: number, win: number, theta: number, s1: number, c1: number, ww: number, kmax: number) => void

/**
 * A bank for K harmonics and runs of up to `block` samples, or undefined without wasm SIMD (or when `kernels` is 'js').
 * @param o harmonics K, block, sampleRate (Hz), the hop's weights, kernels ('wasm' default)
 * @example harmonicsBank({ harmonics: 100, block: 1024, sampleRate: 48000, weights: hopWeights(192) })
 */
export const harmonicsBank = (o: HarmonicsBankOptions): HarmonicsBank | undefined => {
  if (o.kernels === 'js') return undefined
  const { harmonics, block } = o
  const hop = o.weights.linear.length
  const f64 = (n: number) => 8 * n
  const a = arena({
    a0: f64(harmonics + 2), d: f64(harmonics + 2), s1: f64(block), c1: f64(block), ww: f64(block), out: f64(block), kmax: 4 * block,
    lin: f64(hop), win: f64(hop), theta: f64(1), args: f64(5), ...expsigRegions(harmonics),
  })
  const k = instantiate<{ harmonics: Harmonics; segment: Segment; expsig: ExpSig }>(['harmonics', 'expsig'], a.pages)
  if (k === undefined) return undefined
  const view = (at: number, n: number) => new Float64Array(k.memory.buffer, at, n)
  const { at } = a
  view(at.lin, hop).set(o.weights.linear)
  view(at.win, hop).set(o.weights.window)
  const args = view(at.args, 5) // [fa, df, K, nyquist, dθ]: the segment's scalars, through memory
  args[2] = harmonics
  args[3] = o.sampleRate / 2
  args[4] = (2 * Math.PI) / o.sampleRate
  const gains = expsigCall(k, at, harmonics)
  return {
    a0: view(at.a0, harmonics),
    d: view(at.d, harmonics),
    s1: view(at.s1, block),
    c1: view(at.c1, block),
    ww: view(at.ww, block),
    kmax: new Int32Array(k.memory.buffer, at.kmax, block),
    out: view(at.out, block),
    run: (from, to) => k.exports.harmonics(at.a0, at.d, at.s1 + 8 * from, at.c1 + 8 * from, at.ww + 8 * from, at.kmax + 4 * from, at.out + 8 * from, to - from),
    expSigmoid: (r) => gains(r),
    segment: (i, count, fa, df, j0) => {
      args[0] = fa
      args[1] = df
      k.exports.segment(count, at.args, j0, at.lin, at.win, at.theta, at.s1 + 8 * i, at.c1 + 8 * i, at.ww + 8 * i, at.kmax + 4 * i)
    },
  }
}
