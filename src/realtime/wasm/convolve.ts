/**
 * The spectral multiply-add of the partitioned convolver on the wasm SIMD
 * kernel `convolve.wat`: the convolver writes each new input spectrum into
 * `re`/`im` (bins 0…B; the padding bin B+1 stays 0), `push(head)` stores it in
 * the frequency-domain delay line, and `mac(head)` writes
 *   acc[k] = Σ_{p<P} H_p[k]·X_{b−p}[k]
 * into `accRe`/`accIm`. The IR spectra go into `h` once, laid out by `setH`.
 * When 2B is a length `fft.wat` handles, the bank also runs the FFTs in the
 * same memory (`fft`): `forward()` = rfft(`buf`) → re/im, `inverse()` = irfft(acc) → `out`.
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
  /** The wasm FFTs between the rows and the spectra (re/im ← rfft(buf), out ← irfft(acc)), when 2B is an fft.wat length. */
  readonly fft?: { readonly forward: () => void; readonly inverse: () => void }
}

type Push = (re: number, im: number, x: number, parts: number, head: number, pairs: number) => void
type Mac = (h: number, x: number, parts: number, head: number, pairs: number, accRe: number, accIm: number) => void

/**
 * A multiply-add bank for P partitions of blocks of B (B + 1 bins), or undefined without wasm SIMD (or when `choice` is 'js').
 * @param parts P  @param block B  @param choice 'wasm' (default) or 'js'
 * @example macBank(23, 2048)
 */
export const macBank = (parts: number, block: number, choice: KernelChoice = 'wasm'): MacBank | undefined => {
  if (choice === 'js') return undefined
  const bins = block + 1, pairs = Math.ceil(bins / 2)
  const fft = fftFits(2 * block)
  const f64 = (n: number) => 8 * n
  const sizes = { re: f64(2 * pairs), im: f64(2 * pairs), accRe: f64(2 * pairs), accIm: f64(2 * pairs), h: f64(4 * pairs * parts), x: f64(8 * pairs * parts), buf: f64(2 * block), out: f64(2 * block) }
  const a = arena(fft ? { ...sizes, ...fftRegions(block) } : sizes)
  const k = instantiate<{ push: Push; mac: Mac } & FftExports>(fft ? ['convolve', 'fft'] : ['convolve'], a.pages)
  if (k === undefined) return undefined
  const { at } = a
  const fftAt = at as typeof at & Record<keyof ReturnType<typeof fftRegions>, number> // the FFT's regions, when laid out
  const calls = fft ? fftCalls(k, fftAt, block) : undefined
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
    ...(calls === undefined
      ? {}
      : { fft: { forward: () => calls.forward(at.buf, at.re, at.im), inverse: () => calls.inverse(at.accRe, at.accIm, at.out) } }),
  }
}
