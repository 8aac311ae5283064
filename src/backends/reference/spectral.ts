/**
 * The spectral group: the real FFT pair over the last axis, complex values as a trailing axis of
 * 2 (re, im).
 *
 * rfft: `X[k] = Σₜ x[t]·e^{−2πikt/n}`, k = 0…⌊n/2⌋. irfft (NumPy's):
 * `x[t] = (1/n)·Σₖ wₖ·(Re Xₖ cos θ − Im Xₖ sin θ)`, θ = 2πkt/n, wₖ = 1 at DC
 * and (n even) Nyquist, else 2, so the imaginary parts of DC and Nyquist are
 * ignored. Powers of two use an iterative radix-2 complex FFT, other lengths
 * a direct O(n²) DFT; both compute in float64 with twiddles cached per n.
 *
 * @example
 * import { fftKernels } from './spectral.js'
 * const { rfft, irfft } = fftKernels(alloc)
 * irfft([rfft([x], { n: 8 }, [5, 2])], { n: 8 }, [8]) // x: [8], back again
 */
import type { OpAttrs } from '../../core/ops.js'
import type { Shape } from '../../core/shape.js'
import { bitReversal, isPow2 } from '../../host/fft.js'
import { arg, sizeOf, type Alloc, type FloatArray, type KernelsOf, type RefTensor } from './tensor.js'

/** cos and sin of 2πj/n for j < n, and (for powers of two) the bit-reversal permutation. */
export interface Twiddles {
  readonly cos: Float64Array
  readonly sin: Float64Array
  readonly bitrev: Uint32Array | undefined
}

const cache = new Map<number, Twiddles>()

/** The twiddle tables for length n, computed once. @example twiddles(8).cos[2] // ≈ 0 */
export const twiddles = (n: number): Twiddles => {
  const hit = cache.get(n)
  if (hit !== undefined) return hit
  const cos = new Float64Array(n)
  const sin = new Float64Array(n)
  for (let j = 0; j < n; j++) {
    cos[j] = Math.cos((2 * Math.PI * j) / n)
    sin[j] = Math.sin((2 * Math.PI * j) / n)
  }
  const tw: Twiddles = { cos, sin, bitrev: isPow2(n) ? bitReversal(n) : undefined }
  cache.set(n, tw)
  return tw
}

/**
 * In-place forward complex FFT `Z[k] = Σₜ z[t]·e^{−2πikt/n}` (n a power of 2).
 * @example const re = new Float64Array([1, 0, 0, 0]), im = new Float64Array(4); fftInPlace(re, im, twiddles(4))
 */
export const fftInPlace = (re: Float64Array, im: Float64Array, tw: Twiddles): void => {
  const n = re.length
  const rev = tw.bitrev
  if (rev === undefined) throw new Error(`fftInPlace: length ${n} is not a power of 2`)
  for (let i = 0; i < n; i++) {
    const j = rev[i]!
    if (j <= i) continue
    const r = re[i]!
    const m = im[i]!
    re[i] = re[j]!
    im[i] = im[j]!
    re[j] = r
    im[j] = m
  }
  for (let len = 2; len <= n; len *= 2) {
    const half = len / 2
    const step = n / len
    for (let s = 0; s < n; s += len)
      for (let j = 0; j < half; j++) {
        const wr = tw.cos[j * step]!
        const wi = -tw.sin[j * step]!
        const p = s + j
        const q = p + half
        const xr = re[q]! * wr - im[q]! * wi
        const xi = re[q]! * wi + im[q]! * wr
        re[q] = re[p]! - xr
        im[q] = im[p]! - xi
        re[p] = re[p]! + xr
        im[p] = im[p]! + xi
      }
  }
}

/** rfft of one row `x[off … off+n)` into `out[o … o + 2·bins)`. */
const rfftRow = (x: FloatArray, off: number, n: number, out: FloatArray, o: number): void => {
  const tw = twiddles(n)
  const bins = Math.floor(n / 2) + 1
  if (tw.bitrev !== undefined) {
    const re = Float64Array.from(x.subarray(off, off + n))
    const im = new Float64Array(n)
    fftInPlace(re, im, tw)
    for (let k = 0; k < bins; k++) {
      out[o + 2 * k] = re[k]!
      out[o + 2 * k + 1] = im[k]!
    }
    return
  }
  for (let k = 0; k < bins; k++) {
    let sr = 0
    let si = 0
    for (let t = 0; t < n; t++) {
      const j = (k * t) % n
      sr += x[off + t]! * tw.cos[j]!
      si -= x[off + t]! * tw.sin[j]!
    }
    out[o + 2 * k] = sr
    out[o + 2 * k + 1] = si
  }
}

/** irfft of one row of `bins` complex values at `X[off …)` into `out[o … o+n)`. */
const irfftRow = (X: FloatArray, off: number, n: number, out: FloatArray, o: number): void => {
  const tw = twiddles(n)
  const bins = Math.floor(n / 2) + 1
  const weight = (k: number) => (k === 0 || (n % 2 === 0 && k === n / 2) ? 1 : 2)
  if (tw.bitrev !== undefined) {
    // x = Re(FFT(conj Z))/n, Z the full Hermitian spectrum (DC/Nyquist imaginary parts dropped).
    const re = new Float64Array(n)
    const im = new Float64Array(n)
    for (let k = 0; k < bins; k++) {
      re[k] = X[off + 2 * k]!
      im[k] = weight(k) === 1 ? 0 : -X[off + 2 * k + 1]!
      if (k > 0 && k < n - k) {
        re[n - k] = re[k]!
        im[n - k] = -im[k]!
      }
    }
    fftInPlace(re, im, tw)
    for (let t = 0; t < n; t++) out[o + t] = re[t]! / n
    return
  }
  for (let t = 0; t < n; t++) {
    let s = 0
    for (let k = 0; k < bins; k++) {
      const j = (k * t) % n
      s += weight(k) * (X[off + 2 * k]! * tw.cos[j]! - X[off + 2 * k + 1]! * tw.sin[j]!)
    }
    out[o + t] = s / n
  }
}

const rfft =
  (alloc: Alloc) =>
  (inputs: readonly RefTensor[], { n }: OpAttrs['rfft'], shape: Shape): RefTensor => {
    const x = arg(inputs, 0)
    const width = 2 * (Math.floor(n / 2) + 1)
    const out = alloc(sizeOf(shape))
    for (let r = 0; r * n < x.data.length; r++) rfftRow(x.data, r * n, n, out, r * width)
    return { data: out, shape }
  }

const irfft =
  (alloc: Alloc) =>
  (inputs: readonly RefTensor[], { n }: OpAttrs['irfft'], shape: Shape): RefTensor => {
    const X = arg(inputs, 0)
    const width = 2 * (Math.floor(n / 2) + 1)
    const out = alloc(sizeOf(shape))
    for (let r = 0; r * width < X.data.length; r++) irfftRow(X.data, r * width, n, out, r * n)
    return { data: out, shape }
  }

/** The FFT kernels for a float type. @example fftKernels(alloc).rfft([x], { n: 16 }, [9, 2]) */
export const fftKernels = (alloc: Alloc): KernelsOf<'rfft' | 'irfft'> => ({ rfft: rfft(alloc), irfft: irfft(alloc) })
