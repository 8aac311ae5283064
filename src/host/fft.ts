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

/** Whether n is a power of two (a positive integer). @example isPow2(64) // true; isPow2(1.5) // false */
export const isPow2 = (n: number): boolean => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0

/**
 * The smallest power of 2 ≥ n.
 * @example nextPow2(129) // 256
 */
export const nextPow2 = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(1, n)))

/**
 * The bit-reversal permutation of m = 2ᵇ indices: rev[i] is i with its b low bits reversed.
 * @example bitReversal(8) // [0, 4, 2, 6, 1, 5, 3, 7]
 */
export const bitReversal = (m: number): Uint32Array => {
  const rev = new Uint32Array(m)
  for (let i = 0, bits = Math.log2(m); i < m; i++) {
    let r = 0
    for (let b = 0; b < bits; b++) r |= ((i >>> b) & 1) << (bits - 1 - b)
    rev[i] = r
  }
  return rev
}

/** The pairs (i, rev(i)) with i < rev(i): the swaps of the bit-reversal permutation. */
const reversalPairs = (m: number): Uint32Array => {
  const rev = bitReversal(m)
  const pairs: number[] = []
  for (let i = 0; i < m; i++) if (rev[i]! > i) pairs.push(i, rev[i]!)
  return Uint32Array.from(pairs)
}

/**
 * Twiddles of the radix-4 passes h = 2, 8, 32, … (h·4 ≤ m), for one sign: per j < h the six numbers
 * w1 = e^{sign·2πij/(2h)}, w2 = e^{sign·2πij/(4h)}, w1·w2, interleaved (re, im); each pass's block is contiguous.
 */
const radix4Twiddles = (m: number, sign: number): Float64Array => {
  const tab: number[] = []
  for (let h = 2; 4 * h <= m; h *= 4) {
    for (let j = 0; j < h; j++) {
      const a1 = (sign * 2 * Math.PI * j) / (2 * h), a2 = (sign * 2 * Math.PI * j) / (4 * h)
      tab.push(Math.cos(a1), Math.sin(a1), Math.cos(a2), Math.sin(a2), Math.cos(a1 + a2), Math.sin(a1 + a2))
    }
  }
  return Float64Array.from(tab)
}

/**
 * One radix-4 pass: the radix-2 stages of lengths 2h and 4h fused, with three complex twiddle products per
 * butterfly instead of four: for a, b, c, d at p, p+h, p+2h, p+3h (T1 = w1·b, T2 = w2·c, T3 = w1w2·d)
 *   p ← a + T1 + (T2 + T3),  p+2h ← a + T1 − (T2 + T3),  p+h ← a − T1 + σi·(T2 − T3),  p+3h ← a − T1 − σi·(T2 − T3)
 * (radix-2² decimation in time, e.g. Van Loan, "Computational Frameworks for the FFT" §1.4 / §2.1).
 */
const radix4Pass = (re: Float64Array, im: Float64Array, m: number, h: number, tab: Float64Array, o: number, sign: number): void => {
  for (let p0 = 0; p0 < m; p0 += 4 * h) {
    for (let j = 0, q = o; j < h; j++, q += 6) {
      const p = p0 + j, p1 = p + h, p2 = p1 + h, p3 = p2 + h
      const w1r = tab[q]!, w1i = tab[q + 1]!, w2r = tab[q + 2]!, w2i = tab[q + 3]!, w3r = tab[q + 4]!, w3i = tab[q + 5]!
      const br = re[p1]!, bi = im[p1]!, cr = re[p2]!, ci = im[p2]!, dr = re[p3]!, di = im[p3]!
      const t1r = br * w1r - bi * w1i, t1i = br * w1i + bi * w1r
      const t2r = cr * w2r - ci * w2i, t2i = cr * w2i + ci * w2r
      const t3r = dr * w3r - di * w3i, t3i = dr * w3i + di * w3r
      const ar = re[p]!, ai = im[p]!
      const b0r = ar + t1r, b0i = ai + t1i, b1r = ar - t1r, b1i = ai - t1i
      const sr = t2r + t3r, si = t2i + t3i
      const ur = -sign * (t2i - t3i), ui = sign * (t2r - t3r) // σi·(T2 − T3)
      re[p] = b0r + sr; im[p] = b0i + si; re[p2] = b0r - sr; im[p2] = b0i - si
      re[p1] = b1r + ur; im[p1] = b1i + ui; re[p3] = b1r - ur; im[p3] = b1i - ui
    }
  }
}

/** The last radix-2 stage (length m, half-length h = m/2) when log2(m) is even; twiddles e^{sign·2πij/m}. */
const radix2Last = (re: Float64Array, im: Float64Array, h: number, cos: Float64Array, sin: Float64Array, sign: number): void => {
  for (let j = 0; j < h; j++) {
    const wr = cos[j]!, wi = sign * sin[j]!, q = j + h
    const xr = re[q]! * wr - im[q]! * wi, xi = re[q]! * wi + im[q]! * wr
    re[q] = re[j]! - xr; im[q] = im[j]! - xi
    re[j] = re[j]! + xr; im[j] = im[j]! + xi
  }
}

/**
 * In-place complex FFT of length m (a power of two; sign −1 forward, +1 inverse, unscaled): bit reversal by
 * precomputed swaps, one radix-2 stage, radix-4 passes (precomputed contiguous twiddles), a last radix-2 stage if odd.
 */
const complexFft = (m: number) => {
  const pairs = reversalPairs(m)
  const cos = Float64Array.from({ length: m / 2 }, (_, j) => Math.cos((2 * Math.PI * j) / m))
  const sin = Float64Array.from({ length: m / 2 }, (_, j) => Math.sin((2 * Math.PI * j) / m))
  const fwd = radix4Twiddles(m, -1), inv = radix4Twiddles(m, 1)
  return (re: Float64Array, im: Float64Array, sign: number): void => {
    for (let s = 0; s < pairs.length; s += 2) {
      const i = pairs[s]!, j = pairs[s + 1]!
      const r = re[i]!, q = im[i]!
      re[i] = re[j]!; im[i] = im[j]!; re[j] = r; im[j] = q
    }
    for (let p = 0; p + 1 < m; p += 2) {
      const xr = re[p + 1]!, xi = im[p + 1]!
      re[p + 1] = re[p]! - xr; im[p + 1] = im[p]! - xi
      re[p] = re[p]! + xr; im[p] = im[p]! + xi
    }
    const tab = sign < 0 ? fwd : inv
    let h = 2
    for (let o = 0; 4 * h <= m; o += 6 * h, h *= 4) radix4Pass(re, im, m, h, tab, o, sign)
    if (2 * h <= m) radix2Last(re, im, h, cos, sin, sign)
  }
}

/**
 * The forward split from Z = FFT(x[2m] + i·x[2m+1]) (in re, im) to X[0 … m] (written at R[ro + st·k], I[io + st·k]):
 * X[k] = E[k] + W^k·O[k], E = (Z[k] + Z̄[m−k])/2, O = (Z[k] − Z̄[m−k])/(2i), W = e^{−2πi/n}.
 * Arrays are parameters, not closure variables, so the loop keeps them in registers.
 */
const splitForward = (re: Float64Array, im: Float64Array, wr: Float64Array, wi: Float64Array, m: number, R: Float32Array | Float64Array, ro: number, I: Float32Array | Float64Array, io: number, st: number): void => {
  for (let k = 0; k <= m; k++) {
    const a = k === m ? 0 : k, b = k === 0 ? 0 : m - k // k mod m, (m − k) mod m
    const er = (re[a]! + re[b]!) * 0.5, ei = (im[a]! - im[b]!) * 0.5 // E = (Z[k] + conj Z[m−k])/2
    const or = (im[a]! + im[b]!) * 0.5, oi = -(re[a]! - re[b]!) * 0.5 // O = (Z[k] − conj Z[m−k])/(2i)
    R[ro + st * k] = er + wr[k]! * or - wi[k]! * oi
    I[io + st * k] = ei + wr[k]! * oi + wi[k]! * or
  }
}

/** The inverse split: 2Z[k] = 2E + 2i·O from X[k] and X̄[m−k] (imaginary parts of DC and Nyquist ignored), into re, im. */
const splitInverse = (R: ArrayLike<number>, ro: number, I: ArrayLike<number>, io: number, st: number, wr: Float64Array, wi: Float64Array, m: number, re: Float64Array, im: Float64Array): void => {
  for (let k = 0; k < m; k++) {
    const ar = R[ro + st * k]!, ai = k === 0 ? 0 : I[io + st * k]!
    const br = R[ro + st * (m - k)]!, bi = k === 0 ? 0 : -I[io + st * (m - k)]! // conj X[m−k]
    const er = ar + br, ei = ai + bi // 2E
    const dr = ar - br, di = ai - bi // 2O·e^{−2πik/n}
    const or = dr * wr[k]! + di * wi[k]!, oi = di * wr[k]! - dr * wi[k]! // 2O = d·e^{+2πik/n}
    re[k] = er - oi // Z = E + iO (times 2)
    im[k] = ei + or
  }
}

/** z[j] = x[2j] + i·x[2j+1]. */
const pack = (x: ArrayLike<number>, xo: number, m: number, re: Float64Array, im: Float64Array): void => {
  for (let j = 0; j < m; j++) {
    re[j] = x[xo + 2 * j]!
    im[j] = x[xo + 2 * j + 1]!
  }
}

/** x[2j] = Re z[j]·scale, x[2j+1] = Im z[j]·scale. */
const unpack = (re: Float64Array, im: Float64Array, m: number, scale: number, out: Float32Array | Float64Array, oo: number): void => {
  for (let j = 0; j < m; j++) {
    out[oo + 2 * j] = re[j]! * scale
    out[oo + 2 * j + 1] = im[j]! * scale
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
    pack(x, xo, m, re, im)
    fft(re, im, -1)
    splitForward(re, im, wr, wi, m, R, ro, I, io, st)
  }
  const inverse: Inverse = (R, ro, I, io, st, out, oo) => {
    splitInverse(R, ro, I, io, st, wr, wi, m, re, im)
    fft(re, im, 1)
    unpack(re, im, m, 1 / n, out, oo) // 1/n is a power of two: the same rounding as dividing by n
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
