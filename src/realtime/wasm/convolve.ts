/**
 * The spectral multiply-add of the partitioned convolver on the wasm SIMD
 * kernel `convolve.wat`: the convolver writes each new input spectrum into
 * `re`/`im` (bins 0…B; the padding bin B+1 stays 0), `push(head)` stores it in
 * the frequency-domain delay line, and `mac(head)` writes
 *   acc[k] = Σ_{p<P} H_p[k]·X_{b−p}[k]
 * into `accRe`/`accIm`. The IR spectra go into `h` once, laid out by `setH`.
 * The bank also runs the FFTs in the same memory: `forward()` = rfft(`buf`) →
 * re/im, `inverse()` = irfft(acc) → `out` (so 2B must be an `fft.wat` length).
 *
 * @example
 * const bank = macBank(16, 128)
 * if (bank !== undefined) { bank.setH(p, re, im); …; bank.push(head); bank.mac(head) }
 */
import { fftCalls, fftFits, fftRegions, type FftExports } from './fft.js'
import { arena, instantiate, type KernelChoice } from './kernel.js'

/** Views into the kernel's memory and its entry points. */
export interface MacBank {
  /** The new input spectrum, split (length 2·pairs ≥ bins). */
  readonly re: Float64Array
  readonly im: Float64Array
  /** The multiply-add result, split (length 2·pairs). */
  readonly accRe: Float64Array
  readonly accIm: Float64Array
  /** Stores partition p's IR spectrum (split, `bins` values each). */
  readonly setH: (p: number, re: ArrayLike<number>, im: ArrayLike<number>) => void
  /** Stores `re`/`im` in FDL slot `head` (and its twin). */
  readonly push: (head: number) => void
  /** acc = Σ_p H_p · X(slot head + p). */
  readonly mac: (head: number) => void
  /** The time-domain rows (2B each): `buf` in, `out` out. */
  readonly buf: Float64Array
  readonly out: Float64Array
  /** re/im ← rfft(buf). */
  readonly forward: () => void
  /** out ← irfft(accRe, accIm). */
  readonly inverse: () => void
}

type Push = (re: number, im: number, x: number, parts: number, head: number, pairs: number) => void
type Mac = (h: number, x: number, parts: number, head: number, pairs: number, accRe: number, accIm: number) => void

/**
 * A multiply-add bank for P partitions of blocks of B (B + 1 bins), or undefined without wasm SIMD, when 2B is not an
 * `fft.wat` length, or when `choice` is 'js' (the convolver then runs its TypeScript step).
 * @param parts P  @param block B  @param choice 'wasm' (default) or 'js'
 * @example macBank(23, 2048)
 */
export const macBank = (parts: number, block: number, choice: KernelChoice = 'wasm'): MacBank | undefined => {
  if (choice === 'js' || !fftFits(2 * block)) return undefined
  const bins = block + 1, pairs = Math.ceil(bins / 2)
  const f64 = (n: number) => 8 * n
  const a = arena({
    re: f64(2 * pairs), im: f64(2 * pairs), accRe: f64(2 * pairs), accIm: f64(2 * pairs), h: f64(4 * pairs * parts), x: f64(8 * pairs * parts),
    buf: f64(2 * block), out: f64(2 * block), ...fftRegions(block),
  })
  const k = instantiate<{ push: Push; mac: Mac } & FftExports>(['convolve', 'fft'], a.pages)
  if (k === undefined) return undefined
  const { at } = a
  const calls = fftCalls(k, at, block)
  const view = (o: number, n: number) => new Float64Array(k.memory.buffer, o, n)
  const h = view(at.h, 4 * pairs * parts)
  return {
    re: view(at.re, 2 * pairs),
    im: view(at.im, 2 * pairs),
    accRe: view(at.accRe, 2 * pairs),
    accIm: view(at.accIm, 2 * pairs),
    setH: (p, re, im) => {
      for (let b = 0; b < bins; b++) {
        const o = 4 * ((b >> 1) * parts + p) + (b & 1) // pair (b/2, p): [re 2q, re 2q+1, im 2q, im 2q+1]
        h[o] = re[b]!
        h[o + 2] = im[b]!
      }
    },
    push: (head) => k.exports.push(at.re, at.im, at.x, parts, head, pairs),
    mac: (head) => k.exports.mac(at.h, at.x, parts, head, pairs, at.accRe, at.accIm),
    buf: view(at.buf, 2 * block),
    out: view(at.out, 2 * block),
    forward: () => calls.forward(at.buf, at.re, at.im),
    inverse: () => calls.inverse(at.accRe, at.accIm, at.out),
  }
}
