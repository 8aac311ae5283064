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
