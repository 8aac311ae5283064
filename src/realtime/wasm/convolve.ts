/**
 * The spectral multiply-add of the partitioned convolver on the wasm SIMD
 * kernel `convolve.wat`: the convolver writes each new input spectrum into
 * `re`/`im` (bins 0…B; the padding bin B+1 stays 0), `push(head)` stores it in
 * the frequency-domain delay line, and `mac(head)` writes
 *   acc[k] = Σ_{p<P} H_p[k]·X_{b−p}[k]
 * into `accRe`/`accIm`. The IR spectra go into `h` once, laid out by `setH`.
 *
 * @example
 * const bank = macBank(16, 129)
 * if (bank !== undefined) { bank.setH(p, re, im); …; bank.push(head); bank.mac(head) }
 */
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
}

type Push = (re: number, im: number, x: number, parts: number, head: number, pairs: number) => void
type Mac = (h: number, x: number, parts: number, head: number, pairs: number, accRe: number, accIm: number) => void

/**
 * A multiply-add bank for P partitions of `bins` bins, or undefined without wasm SIMD (or when `choice` is 'js').
 * @param parts P  @param bins spectrum bins (B + 1)  @param choice 'wasm' (default) or 'js'
 * @example macBank(23, 2049)
 */
export const macBank = (parts: number, bins: number, choice: KernelChoice = 'wasm'): MacBank | undefined => {
  if (choice === 'js') return undefined
  const pairs = Math.ceil(bins / 2)
  const f64 = (n: number) => 8 * n
  const a = arena({ re: f64(2 * pairs), im: f64(2 * pairs), accRe: f64(2 * pairs), accIm: f64(2 * pairs), h: f64(4 * pairs * parts), x: f64(8 * pairs * parts) })
  const k = instantiate<{ push: Push; mac: Mac }>(['convolve'], a.pages)
  if (k === undefined) return undefined
  const { at } = a
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
  }
}
