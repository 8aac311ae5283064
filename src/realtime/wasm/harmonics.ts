/**
 * The oscillator bank of the real-time harmonic voice on the wasm SIMD
 * kernel `harmonics.wat`: the voice writes per-sample sin θ, cos θ, window
 * weight and harmonic count into the views, the frame pair's amplitudes into
 * `a0`/`d`, and `run(from, to)` fills `out[from…to)` with
 *   Σ_{k<kmax} (a0ₖ + ww·dₖ)·sin((k+1)θ).
 *
 * @example
 * const bank = harmonicsBank(100, 128)
 * if (bank !== undefined) { bank.a0.set(amps); bank.s1[0] = Math.sin(th); …; bank.run(0, 1) }
 */
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
}

type Harmonics = (a0: number, d: number, s1: number, c1: number, ww: number, kmax: number, out: number, n: number) => void

/**
 * A bank for K harmonics and blocks of up to `block` samples, or undefined without wasm SIMD (or when `choice` is 'js').
 * @param harmonics K  @param block samples per run at most  @param choice 'wasm' (default) or 'js'
 * @example harmonicsBank(100, 4096)
 */
export const harmonicsBank = (harmonics: number, block: number, choice: KernelChoice = 'wasm'): HarmonicsBank | undefined => {
  if (choice === 'js') return undefined
  const f64 = (n: number) => 8 * n
  const a = arena({ a0: f64(harmonics + 1), d: f64(harmonics + 1), s1: f64(block), c1: f64(block), ww: f64(block), out: f64(block), kmax: 4 * block })
  const k = instantiate<{ harmonics: Harmonics }>(['harmonics'], a.pages)
  if (k === undefined) return undefined
  const view = (at: number, n: number) => new Float64Array(k.memory.buffer, at, n)
  const { at } = a
  return {
    a0: view(at.a0, harmonics),
    d: view(at.d, harmonics),
    s1: view(at.s1, block),
    c1: view(at.c1, block),
    ww: view(at.ww, block),
    kmax: new Int32Array(k.memory.buffer, at.kmax, block),
    out: view(at.out, block),
    run: (from, to) => k.exports.harmonics(at.a0, at.d, at.s1 + 8 * from, at.c1 + 8 * from, at.ww + 8 * from, at.kmax + 4 * from, at.out + 8 * from, to - from),
  }
}
