/**
 * A real FFT on host arrays, for lowerings that run outside tensor ops
 * (the wasm FFT kernels, fused STFTs, real-time voices). Length-n real rows
 * (n a power of two ≥ 4) go through one complex FFT of length n/2 on the
 * packed sequence z[m] = x[2m] + i·x[2m+1], then the split
 *   X[k] = E[k] + e^{−2πik/n}·O[k],  E[k] = (Z[k] + Z̄[n/2−k])/2,  O[k] = (Z[k] − Z̄[n/2−k])/(2i)
 * (Press et al., Numerical Recipes §12.3). The inverse runs the split
 * backwards and is NumPy's irfft: imaginary parts of DC and Nyquist ignored.
 * Other lengths use a direct O(n²) DFT with the same contract. All arithmetic
 * is float64 in preallocated scratch; twiddles are cached per n.
 *
 * @example
 * import { realFft } from './fft.js'
 * const f = realFft(8)
 * const X = new Float64Array(10); f.forward(x, 0, X, 0)   // x: 8 reals → 5 complex (re, im)
 * const y = new Float64Array(8); f.inverse(X, 0, y, 0)    // y = x
 * f.forwardSplit(x, 0, re, im)                              // the same bins, split into re[0…4] and im[0…4]
 */

/** A planned real FFT of one length. */
export interface RealFft {
  readonly n: number
  /** rfft of `x[xo … xo+n)` into `out[oo … oo + 2·(⌊n/2⌋+1))` as interleaved (re, im). */
  readonly forward: (x: ArrayLike<number>, xo: number, out: Float32Array | Float64Array, oo: number) => void
  /** irfft of `X[xo … xo + 2·(⌊n/2⌋+1))` (interleaved) into `out[oo … oo+n)`. */
  readonly inverse: (X: ArrayLike<number>, xo: number, out: Float32Array | Float64Array, oo: number) => void
  /** `forward` with the spectrum split into `re[0 … ⌊n/2⌋]` and `im[0 … ⌊n/2⌋]` (for complex multiply-adds on spectra). */
  readonly forwardSplit: (x: ArrayLike<number>, xo: number, re: Float64Array, im: Float64Array) => void
  /** `inverse` of a split spectrum. */
  readonly inverseSplit: (re: ArrayLike<number>, im: ArrayLike<number>, out: Float32Array | Float64Array, oo: number) => void
}

/** Where a spectrum's bins live: bin k is (R[ro + s·k], I[io + s·k]) — interleaved (s = 2) or split (s = 1). */
type Forward = (x: ArrayLike<number>, xo: number, R: Float32Array | Float64Array, ro: number, I: Float32Array | Float64Array, io: number, s: number) => void
type Inverse = (R: ArrayLike<number>, ro: number, I: ArrayLike<number>, io: number, s: number, out: Float32Array | Float64Array, oo: number) => void

/** The public plan from the strided forms. */
const layouts = (n: number, fwd: Forward, inv: Inverse): RealFft => ({
  n,
  forward: (x, xo, out, oo) => fwd(x, xo, out, oo, out, oo + 1, 2),
  inverse: (X, xo, out, oo) => inv(X, xo, X, xo + 1, 2, out, oo),
  forwardSplit: (x, xo, re, im) => fwd(x, xo, re, 0, im, 0, 1),
  inverseSplit: (re, im, out, oo) => inv(re, 0, im, 0, 1, out, oo),
})

/** Whether n is a power of two. @example isPow2(64) // true */
export const isPow2 = (n: number): boolean => n > 0 && (n & (n - 1)) === 0

/** In-place radix-2 complex FFT of length m (power of two); sign −1 forward, +1 inverse (unscaled). */
const complexFft = (m: number) => {
  const rev = new Uint32Array(m)
  for (let i = 0, bits = Math.log2(m); i < m; i++) {
    let r = 0
    for (let b = 0; b < bits; b++) r |= ((i >>> b) & 1) << (bits - 1 - b)
    rev[i] = r
  }
  const cos = new Float64Array(m / 2)
  const sin = new Float64Array(m / 2)
  for (let j = 0; j < m / 2; j++) {
    cos[j] = Math.cos((2 * Math.PI * j) / m)
    sin[j] = Math.sin((2 * Math.PI * j) / m)
  }
  return (re: Float64Array, im: Float64Array, sign: number): void => {
    for (let i = 0; i < m; i++) {
      const j = rev[i]!
      if (j > i) {
        const r = re[i]!, q = im[i]!
        re[i] = re[j]!; im[i] = im[j]!; re[j] = r; im[j] = q
      }
    }
    // Radix-2 stage 1 (twiddle 1); twiddles are hoisted out of every butterfly loop.
    for (let p = 0; p + 1 < m; p += 2) {
      const xr = re[p + 1]!, xi = im[p + 1]!
      re[p + 1] = re[p]! - xr; im[p + 1] = im[p]! - xi
      re[p] = re[p]! + xr; im[p] = im[p]! + xi
    }
    // Then stages in pairs (len 2h and 4h as one radix-4 pass: half the loads and stores), a last radix-2 if odd.
    let h = 2
    for (; 4 * h <= m; h *= 4) {
      const s1 = m / (2 * h), s2 = m / (4 * h)
      for (let j = 0; j < h; j++) {
        const w1r = cos[j * s1]!, w1i = sign * sin[j * s1]!
        const w2r = cos[j * s2]!, w2i = sign * sin[j * s2]!
        const w3r = -sign * w2i, w3i = sign * w2r // w2·(i·sign) = w2·e^{i·sign·π/2}
        for (let p = j; p < m; p += 4 * h) {
          const p1 = p + h, p2 = p + 2 * h, p3 = p + 3 * h
          // stage len 2h: (p, p1) and (p2, p3) with w1
          const t1r = re[p1]! * w1r - im[p1]! * w1i, t1i = re[p1]! * w1i + im[p1]! * w1r
          const t3r = re[p3]! * w1r - im[p3]! * w1i, t3i = re[p3]! * w1i + im[p3]! * w1r
          const b0r = re[p]! + t1r, b0i = im[p]! + t1i, b1r = re[p]! - t1r, b1i = im[p]! - t1i
          const b2r = re[p2]! + t3r, b2i = im[p2]! + t3i, b3r = re[p2]! - t3r, b3i = im[p2]! - t3i
          // stage len 4h: (p, p2) with w2, (p1, p3) with w3
          const u2r = b2r * w2r - b2i * w2i, u2i = b2r * w2i + b2i * w2r
          const u3r = b3r * w3r - b3i * w3i, u3i = b3r * w3i + b3i * w3r
          re[p] = b0r + u2r; im[p] = b0i + u2i; re[p2] = b0r - u2r; im[p2] = b0i - u2i
          re[p1] = b1r + u3r; im[p1] = b1i + u3i; re[p3] = b1r - u3r; im[p3] = b1i - u3i
        }
      }
    }
    if (2 * h <= m) {
      const step = m / (2 * h)
      for (let j = 0; j < h; j++) {
        const wr = cos[j * step]!, wi = sign * sin[j * step]!
        for (let p = j; p < m; p += 2 * h) {
          const q = p + h
          const xr = re[q]! * wr - im[q]! * wi
          const xi = re[q]! * wi + im[q]! * wr
          re[q] = re[p]! - xr; im[q] = im[p]! - xi
          re[p] = re[p]! + xr; im[p] = im[p]! + xi
        }
      }
    }
  }
}

const plan = (n: number): RealFft => {
  const m = n / 2
  const fft = complexFft(m)
  const re = new Float64Array(m), im = new Float64Array(m)
  const wr = new Float64Array(m + 1), wi = new Float64Array(m + 1) // e^{−2πik/n}
  for (let k = 0; k <= m; k++) {
    wr[k] = Math.cos((2 * Math.PI * k) / n)
    wi[k] = -Math.sin((2 * Math.PI * k) / n)
  }
  const forward: Forward = (x, xo, R, ro, I, io, st) => {
    for (let j = 0; j < m; j++) {
      re[j] = x[xo + 2 * j]!
      im[j] = x[xo + 2 * j + 1]!
    }
    fft(re, im, -1)
    for (let k = 0; k <= m; k++) {
      const a = k % m, b = (m - k) % m
      const er = (re[a]! + re[b]!) / 2, ei = (im[a]! - im[b]!) / 2 // E = (Z[k] + conj Z[m−k])/2
      const or = (im[a]! + im[b]!) / 2, oi = -(re[a]! - re[b]!) / 2 // O = (Z[k] − conj Z[m−k])/(2i)
      R[ro + st * k] = er + wr[k]! * or - wi[k]! * oi
      I[io + st * k] = ei + wr[k]! * oi + wi[k]! * or
    }
  }
  const inverse: Inverse = (R, ro, I, io, st, out, oo) => {
    for (let k = 0; k < m; k++) {
      const ar = R[ro + st * k]!, ai = k === 0 ? 0 : I[io + st * k]!
      const br = R[ro + st * (m - k)]!, bi = k === 0 ? 0 : -I[io + st * (m - k)]! // conj X[m−k]
      const er = ar + br, ei = ai + bi // 2E
      const dr = ar - br, di = ai - bi // 2O·e^{−2πik/n}
      const or = dr * wr[k]! + di * wi[k]!, oi = di * wr[k]! - dr * wi[k]! // 2O = d·e^{+2πik/n}
      re[k] = er - oi // Z = E + iO (times 2)
      im[k] = ei + or
    }
    fft(re, im, 1)
    for (let j = 0; j < m; j++) {
      out[oo + 2 * j] = re[j]! / n
      out[oo + 2 * j + 1] = im[j]! / n
    }
  }
  return layouts(n, forward, inverse)
}

/** The direct DFT, `X[k] = Σₜ x[t]·e^{−2πikt/n}`, and NumPy's irfft weights (1 at DC/Nyquist, else 2). */
const directPlan = (n: number): RealFft => {
  const bins = Math.floor(n / 2) + 1
  const cos = Float64Array.from({ length: n }, (_, j) => Math.cos((2 * Math.PI * j) / n))
  const sin = Float64Array.from({ length: n }, (_, j) => Math.sin((2 * Math.PI * j) / n))
  const forward: Forward = (x, xo, R, ro, I, io, st) => {
    for (let k = 0; k < bins; k++) {
      let re = 0, im = 0
      for (let t = 0; t < n; t++) {
        const j = (k * t) % n
        re += x[xo + t]! * cos[j]!
        im -= x[xo + t]! * sin[j]!
      }
      R[ro + st * k] = re
      I[io + st * k] = im
    }
  }
  const inverse: Inverse = (R, ro, I, io, st, out, oo) => {
    for (let t = 0; t < n; t++) {
      let s = 0
      for (let k = 0; k < bins; k++) {
        const j = (k * t) % n
        const w = k === 0 || 2 * k === n ? 1 : 2
        s += w * (R[ro + st * k]! * cos[j]! - I[io + st * k]! * sin[j]!)
      }
      out[oo + t] = s / n
    }
  }
  return layouts(n, forward, inverse)
}

const plans = new Map<number, RealFft>()

/**
 * The cached real FFT plan of length n ≥ 1 (fast for powers of two ≥ 4, a direct DFT otherwise).
 * @example realFft(2048).forward(frame, 0, spectrum, 0)
 */
export const realFft = (n: number): RealFft => {
  if (!Number.isInteger(n) || n < 1) throw new Error(`realFft: length ${n} is not a positive integer`)
  const hit = plans.get(n)
  if (hit !== undefined) return hit
  const p = isPow2(n) && n >= 4 ? plan(n) : directPlan(n)
  plans.set(n, p)
  return p
}
