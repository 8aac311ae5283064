/**
 * rfft/irfft on tfjs, complex values as a trailing axis of 2 (re, im).
 *
 * rfft: `X[k] = Σₜ x[t]·e^{−2πikt/n}`, k = 0…⌊n/2⌋. irfft is NumPy's:
 * `x[t] = (1/n)·Σₖ wₖ·(Re Xₖ cos θ − Im Xₖ sin θ)`, θ = 2πkt/n, wₖ = 1 at DC
 * and (n even) Nyquist, else 2 — the imaginary parts of DC and Nyquist are
 * ignored. Three lowerings, chosen per backend up front by `probe`
 * (capabilities.ts): `host` on the host-memory backends (wasm, tfjs-cpu),
 * else `native` where the backend registers FFT/IFFT kernels (tfjs-node's
 * libtensorflow, cuda), else `real-ops`:
 * - `native`: tf.spectral.fft/ifft; irfft builds the Hermitian spectrum,
 *   keeps Re.
 * - `real-ops`, n a power of two > LEAF (32): length-32 DFTs of the
 *   strided subsequences by one matmul, then log₂(n/32) radix-2 Stockham
 *   stages `D'[k] = E[k] + wᵏO[k]`, `D'[k+L] = E[k] − wᵏO[k]` on batched
 *   `[R, n/L, L]` tensors with slice/mul/add/concat: O(n log n).
 * - `real-ops`, other n: one matmul with a cached `[n, 2·bins]` (or
 *   `[2·bins, n]`) DFT matrix. Reference: Van Loan, "Computational
 *   Frameworks for the FFT" §1.7 (Stockham autosort).
 * - `host` (wasm, tfjs-cpu: tensors in host memory), n a power of two ≥ 4:
 *   the rows are read out and transformed by `host/fft.ts` (a real
 *   FFT via a half-length complex FFT, float64), 10–40× faster than
 *   `real-ops` there; other n as `real-ops`.
 *
 * @example
 * import { fftKernels } from './spectral.js'
 * const { rfft, irfft } = fftKernels('real-ops')
 * irfft([rfft([x], { n: 64 }, [33, 2])], { n: 64 }, [64]) // x again
 */
import * as tf from '@tensorflow/tfjs-core'
import { binsOf, sizeOf } from '../../core/shape.js'
import { isPow2, realFft } from '../../host/fft.js'
import { cached, dims, input, type KernelsOf } from './common.js'

/** How the FFT pair is lowered on a backend. @example const l: FftLowering = 'real-ops' */
export type FftLowering = 'native' | 'real-ops' | 'host'


/** cos and sin of 2π((k·t) mod n)/n, exact at multiples of a quarter turn. */
const angle = (k: number, t: number, n: number): readonly [number, number] => {
  const j = (k * t) % n
  if (4 * j === n) return [0, 1]
  if (2 * j === n) return [-1, 0]
  if (4 * j === 3 * n) return [0, -1]
  const th = (2 * Math.PI * j) / n
  return [j === 0 ? 1 : Math.cos(th), j === 0 ? 0 : Math.sin(th)]
}

/** Hermitian weight wₖ. */
const weight = (k: number, n: number): number => (k === 0 || 2 * k === n ? 1 : 2)

/** `[n, 2·bins]`: x·M interleaves Re and Im of the rfft. */
const rfftMatrix = (n: number): tf.Tensor =>
  cached(`rfft-dft:${n}`, () => {
    const bins = binsOf(n)
    const m = new Float32Array(n * 2 * bins)
    for (let t = 0; t < n; t++)
      for (let k = 0; k < bins; k++) {
        const [c, s] = angle(k, t, n)
        m[t * 2 * bins + 2 * k] = c
        m[t * 2 * bins + 2 * k + 1] = -s
      }
    return tf.tensor2d(m, [n, 2 * bins])
  })

/** `[2·bins, n]`: X·M is NumPy's irfft (the sin rows of DC and Nyquist are zero). */
const irfftMatrix = (n: number): tf.Tensor =>
  cached(`irfft-dft:${n}`, () => {
    const bins = binsOf(n)
    const m = new Float32Array(2 * bins * n)
    for (let k = 0; k < bins; k++)
      for (let t = 0; t < n; t++) {
        const [c, s] = angle(k, t, n)
        const w = weight(k, n) / n
        m[2 * k * n + t] = w * c
        m[(2 * k + 1) * n + t] = w === 1 / n ? 0 : -w * s
      }
    return tf.tensor2d(m, [2 * bins, n])
  })

/** Twiddles e^{±iπk/L}, k < L, as `[1, 1, L]` re and im tensors. */
const twiddle = (L: number, sign: number): readonly [tf.Tensor, tf.Tensor] => [
  cached(`tw-re:${L}`, () => tf.tensor3d(Float32Array.from({ length: L }, (_, k) => angle(k, 1, 2 * L)[0]), [1, 1, L])),
  cached(`tw-im:${L}:${sign}`, () =>
    tf.tensor3d(Float32Array.from({ length: L }, (_, k) => sign * angle(k, 1, 2 * L)[1]), [1, 1, L]),
  ),
]

/** The `[m, m]` matrices C[k, j] = cos(2πjk/m) and sign·sin(2πjk/m). */
const leafMatrices = (m: number, sign: number): readonly [tf.Tensor, tf.Tensor] => {
  const build = (part: 0 | 1, scale: number) => () =>
    tf.tensor2d(Float32Array.from({ length: m * m }, (_, i) => scale * angle(Math.floor(i / m), i % m, m)[part]), [m, m])
  return [cached(`leaf-c:${m}`, build(0, 1)), cached(`leaf-s:${m}:${sign}`, build(1, sign))]
}

/**
 * The first Stockham state at length m, laid out `[R, n/m, m]`:
 * `D[r, s, k] = Σⱼ z[s + j·n/m]·e^{±2πijk/m}` (length-m DFTs of the n/m
 * strided subsequences), by matmul; `im` undefined means a real input.
 */
const leaf = (re: tf.Tensor, im: tf.Tensor | undefined, n: number, m: number, sign: number): readonly [tf.Tensor, tf.Tensor] => {
  const R = re.shape[0] ?? 1
  const [C, S] = leafMatrices(m, sign)
  const mm = (x: tf.Tensor, w: tf.Tensor) => tf.matMul(tf.reshape(x, [R, m, n / m]), w, true, true)
  if (im === undefined) return [mm(re, C), mm(re, S)]
  return [tf.sub(mm(re, C), mm(im, S)), tf.add(mm(re, S), mm(im, C))]
}

/** Length of the matmul leaf under the radix-2 stages. @example stockham(re, undefined, 1024, -1) // a 32-point DFT, then 5 stages */
export const LEAF = 32

/**
 * Complex FFT of rows `[R, n]` (n a power of two): length-min(n, LEAF) DFTs by
 * matmul, then radix-2 Stockham stages; `sign` −1 is the forward transform,
 * +1 the unnormalised inverse; `im0` undefined means a real input.
 * @example stockham(re, undefined, 2048, -1)
 */
export const stockham = (re0: tf.Tensor, im0: tf.Tensor | undefined, n: number, sign: number): readonly [tf.Tensor, tf.Tensor] => {
  const R = re0.shape[0] ?? 1
  const L0 = Math.min(n, LEAF)
  let [re, im] = leaf(re0, im0, n, L0, sign)
  // State D[r, s, k], s < n/L the subsequence, k < L the frequency: halves in s are contiguous.
  for (let L = L0; L < n; L *= 2) {
    const h = n / L / 2
    const half = (x: tf.Tensor, at: number) => tf.slice(x, [0, at, 0], [R, h, L])
    const [er, ei, or, oi] = [half(re, 0), half(im, 0), half(re, h), half(im, h)]
    const [wr, wi] = twiddle(L, sign)
    const tr = tf.sub(tf.mul(or, wr), tf.mul(oi, wi))
    const ti = tf.add(tf.mul(or, wi), tf.mul(oi, wr))
    re = tf.concat([tf.add(er, tr), tf.sub(er, tr)], 2)
    im = tf.concat([tf.add(ei, ti), tf.sub(ei, ti)], 2)
  }
  return [tf.reshape(re, [R, n]), tf.reshape(im, [R, n])]
}

/** The full Hermitian spectrum of `[R, bins, 2]` rows, DC/Nyquist imaginary parts zeroed. */
const hermitian = (X: tf.Tensor, n: number): readonly [tf.Tensor, tf.Tensor] => {
  const R = X.shape[0] ?? 1
  const bins = binsOf(n)
  const re = tf.reshape(tf.slice(X, [0, 0, 0], [R, bins, 1]), [R, bins])
  const keep = cached(`keep-im:${n}`, () => tf.tensor1d(Float32Array.from({ length: bins }, (_, k) => (weight(k, n) === 1 ? 0 : 1))))
  const im = tf.mul(tf.reshape(tf.slice(X, [0, 0, 1], [R, bins, 1]), [R, bins]), keep)
  const m = n - bins
  if (m === 0) return [re, im]
  const mirror = (x: tf.Tensor) => tf.reverse(tf.slice(x, [0, 1], [R, m]), 1)
  return [tf.concat([re, mirror(re)], 1), tf.concat([im, tf.neg(mirror(im))], 1)]
}

/** rfft / irfft of every row on the host (n a power of two ≥ 4). */
const hostRows = (x: tf.Tensor, n: number, inverse: boolean): tf.Tensor => {
  const f = realFft(n)
  const src = x.dataSync() as Float32Array
  const [inW, outW] = inverse ? [n + 2, n] : [n, n + 2]
  const rows = src.length / inW
  const out = new Float32Array(rows * outW)
  for (let r = 0; r < rows; r++) (inverse ? f.inverse : f.forward)(src, r * inW, out, r * outW)
  return tf.tensor(out, inverse ? [rows, n] : [rows, binsOf(n), 2], 'float32')
}

const rfftRows = (x: tf.Tensor, n: number, lowering: FftLowering): tf.Tensor => {
  const R = x.shape[0] ?? 1
  if (lowering === 'host' && isPow2(n) && n >= 4) return hostRows(x, n, false)
  const bins = binsOf(n)
  if (lowering !== 'native' && !(isPow2(n) && n > LEAF)) return tf.matMul(x, rfftMatrix(n))
  const [re, im] =
    lowering === 'native'
      ? ((c: tf.Tensor) => [tf.real(c), tf.imag(c)] as const)(tf.spectral.fft(tf.complex(x, tf.zerosLike(x))))
      : stockham(x, undefined, n, -1)
  const cut = (v: tf.Tensor) => tf.slice(v, [0, 0], [R, bins])
  return tf.stack([cut(re), cut(im)], 2)
}

const irfftRows = (X: tf.Tensor, n: number, lowering: FftLowering): tf.Tensor => {
  const R = X.shape[0] ?? 1
  if (lowering === 'host' && isPow2(n) && n >= 4) return hostRows(X, n, true)
  if (lowering !== 'native' && !(isPow2(n) && n > LEAF))
    return tf.matMul(tf.reshape(X, [R, 2 * binsOf(n)]), irfftMatrix(n))
  const [re, im] = hermitian(X, n)
  if (lowering === 'native') return tf.real(tf.spectral.ifft(tf.complex(re, im)))
  return tf.div(stockham(re, im, n, 1)[0], tf.scalar(n))
}

/** The FFT kernels for a lowering. @example fftKernels('native').rfft([x], { n: 8 }, [5, 2]) */
export const fftKernels = (lowering: FftLowering): KernelsOf<'rfft' | 'irfft'> => ({
  rfft: (inputs, { n }, shape) => {
    const x = input(inputs, 0)
    if (sizeOf(shape) === 0) return tf.zeros(dims(shape))
    return tf.reshape(rfftRows(tf.reshape(x, [x.size / n, n]), n, lowering), dims(shape))
  },
  irfft: (inputs, { n }, shape) => {
    const X = input(inputs, 0)
    if (sizeOf(shape) === 0) return tf.zeros(dims(shape))
    return tf.reshape(irfftRows(tf.reshape(X, [X.size / (2 * binsOf(n)), binsOf(n), 2]), n, lowering), dims(shape))
  },
})
