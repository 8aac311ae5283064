/**
 * A small radix-2 complex FFT for the real-time path: plans hold the
 * bit-reversal table and one contiguous twiddle table per stage, and the
 * transform runs in place on split re/im Float64Arrays with no allocation.
 *   X[k] = Σₜ x[t]·e^{−2πikt/n}  (forward);  the inverse is conj∘FFT∘conj / n.
 * Ref: Cooley & Tukey, Math. Comp. 19 (1965); iterative decimation in time.
 *
 * @example
 * const plan = fftPlan(256)
 * const re = new Float64Array(256), im = new Float64Array(256)
 * re[1] = 1; fft(plan, re, im) // re[k] + i·im[k] = e^{−2πik/256}
 */

/** Tables for one FFT length. */
export interface FftPlan {
  readonly n: number
  readonly rev: Uint32Array
  /** cos and −sin of 2πj/len for each stage len = 2, 4, …, n, concatenated (j < len/2). */
  readonly wr: Float64Array
  readonly wi: Float64Array
}

/**
 * Precomputes the tables for length n (a power of 2).
 * @example fftPlan(1024).rev[1] // 512
 */
export const fftPlan = (n: number): FftPlan => {
  const bits = Math.round(Math.log2(n))
  const rev = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    let r = 0
    for (let b = 0; b < bits; b++) r |= ((i >>> b) & 1) << (bits - 1 - b)
    rev[i] = r
  }
  const wr = new Float64Array(Math.max(1, n - 1))
  const wi = new Float64Array(Math.max(1, n - 1))
  let o = 0
  for (let len = 2; len <= n; len *= 2)
    for (let j = 0; j < len / 2; j++, o++) {
      wr[o] = Math.cos((2 * Math.PI * j) / len)
      wi[o] = -Math.sin((2 * Math.PI * j) / len)
    }
  return { n, rev, wr, wi }
}

/**
 * In-place forward FFT of `re + i·im` (length plan.n).
 * @example fft(fftPlan(8), re, im)
 */
export const fft = (plan: FftPlan, re: Float64Array, im: Float64Array): void => {
  const { n, rev, wr, wi } = plan
  for (let i = 0; i < n; i++) {
    const j = rev[i]!
    if (j > i) {
      const r = re[i]!
      re[i] = re[j]!
      re[j] = r
      const m = im[i]!
      im[i] = im[j]!
      im[j] = m
    }
  }
  let o = 0
  for (let half = 1; half < n; half *= 2) {
    const len = 2 * half
    for (let j = 0; j < half; j++) {
      const cr = wr[o + j]!
      const ci = wi[o + j]!
      for (let p = j; p < n; p += len) {
        const q = p + half
        const xr = re[q]! * cr - im[q]! * ci
        const xi = re[q]! * ci + im[q]! * cr
        const pr = re[p]!
        const pi = im[p]!
        re[q] = pr - xr
        im[q] = pi - xi
        re[p] = pr + xr
        im[p] = pi + xi
      }
    }
    o += half
  }
}

/** Tables and scratch for a real FFT of even length n via one complex FFT of n/2. */
export interface RealFftPlan {
  readonly n: number
  readonly half: FftPlan
  /** cos and sin of 2πk/n, k ≤ n/2. */
  readonly cos: Float64Array
  readonly sin: Float64Array
  readonly zr: Float64Array
  readonly zi: Float64Array
}

/**
 * Precomputes a real FFT of length n (a power of 2, ≥ 4).
 * @example realFftPlan(256)
 */
export const realFftPlan = (n: number): RealFftPlan => {
  const h = n / 2
  return {
    n,
    half: fftPlan(h),
    cos: Float64Array.from({ length: h + 1 }, (_, k) => Math.cos((2 * Math.PI * k) / n)),
    sin: Float64Array.from({ length: h + 1 }, (_, k) => Math.sin((2 * Math.PI * k) / n)),
    zr: new Float64Array(h),
    zi: new Float64Array(h),
  }
}

/**
 * X[k] = Σₜ x[t]·e^{−2πikt/n}, k = 0…n/2, by packing z[m] = x[2m] + i·x[2m+1]:
 * with Z = FFT_{n/2}(z), E = (Z[k] + Z*[n/2−k])/2, O = (Z[k] − Z*[n/2−k])/(2i), X[k] = E + e^{−2πik/n}·O.
 * Ref: Press et al., "Numerical Recipes", §12.3 (FFT of real functions).
 * @param x n real values  @param re, im n/2 + 1 bins (written)
 * @example rfftReal(plan, x, re, im)
 */
export const rfftReal = (p: RealFftPlan, x: ArrayLike<number>, re: Float64Array, im: Float64Array): void => {
  const h = p.n / 2
  const { zr, zi, cos, sin } = p
  for (let m = 0; m < h; m++) {
    zr[m] = x[2 * m]!
    zi[m] = x[2 * m + 1]!
  }
  fft(p.half, zr, zi)
  for (let k = 0; k <= h; k++) {
    const a = k === h ? 0 : k
    const b = k === 0 ? 0 : h - k
    const er = (zr[a]! + zr[b]!) / 2
    const ei = (zi[a]! - zi[b]!) / 2
    const or = (zi[a]! + zi[b]!) / 2 // O = (Z[k] − conj Z[h−k])/(2i)
    const oi = -(zr[a]! - zr[b]!) / 2
    const wr = cos[k]!
    const wi = -sin[k]!
    re[k] = er + wr * or - wi * oi
    im[k] = ei + wr * oi + wi * or
  }
}

/**
 * The inverse of `rfftReal` (imaginary parts of DC and Nyquist ignored), scaled by 1/n:
 * Z[k] = E + i·O with E = (X[k] + X*[h−k])/2, O = (X[k] − X*[h−k])·e^{2πik/n}/2, z = IFFT_{n/2}(Z).
 * @param re, im n/2 + 1 bins  @param x n real values (written)
 * @example irfftReal(plan, re, im, x)
 */
export const irfftReal = (p: RealFftPlan, re: Float64Array, im: Float64Array, x: Float64Array | Float32Array): void => {
  const h = p.n / 2
  const { zr, zi, cos, sin } = p
  for (let k = 0; k < h; k++) {
    const ar = re[k]!
    const ai = k === 0 ? 0 : im[k]!
    const br = re[h - k]!
    const bi = k === 0 ? 0 : -im[h - k]! // conj X[h−k]
    const er = (ar + br) / 2
    const ei = (ai + bi) / 2
    const dr = (ar - br) / 2
    const di = (ai - bi) / 2
    const wr = cos[k]!
    const wi = sin[k]!
    const or = dr * wr - di * wi
    const oi = dr * wi + di * wr
    // Z = E + i·O, conjugated for the inverse-by-forward trick
    zr[k] = er - oi
    zi[k] = -(ei + or)
  }
  fft(p.half, zr, zi)
  for (let m = 0; m < h; m++) {
    x[2 * m] = zr[m]! / h
    x[2 * m + 1] = -zi[m]! / h
  }
}
