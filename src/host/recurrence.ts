/**
 * The linear recurrence `y[t] = a[t]·y[t−1] + x[t]`, `y[−1] = y0`, run
 * sequentially on typed arrays with the state carried in float64 and each
 * output rounded once to the output array's type. A float32 filter written
 * this way is as accurate as float32 storage allows: the state never loses
 * the digits that a float32 sequential filter (or a log-step scan, whose
 * partial products of `a` carry the all-pole gain) cancels away for poles
 * near z = 1.
 *
 * Layout (row-major, as the `recurrence` primitive): `a: [B, T, k, k]`,
 * `x: [B, T, k]`, `y0: [B, k]`, `y: [B, T, k]`.
 *
 * @example
 * import { recurrenceSequential } from './recurrence.js'
 * const y = new Float32Array(4)
 * // one-pole leaky integrator, a = 0.5: y = [1, 1.5, 1.75, 1.875]
 * recurrenceSequential(new Float32Array(4).fill(0.5), new Float32Array(4).fill(1), new Float32Array(1), y, 1, 4, 1)
 */

/** Any float typed array the host layer reads or writes. */
export type FloatArray = Float32Array | Float64Array

/** k = 1: `y[t] = a[t]·y[t−1] + x[t]`, one row of T. */
const scalarRow = (a: FloatArray, x: FloatArray, y0: number, y: FloatArray, at: number, T: number): void => {
  let s = y0
  for (let t = at, end = at + T; t < end; t++) {
    s = a[t]! * s + x[t]!
    y[t] = s
  }
}

/** k = 2 (biquads, state-variable filters): the 2×2 product unrolled. */
const pairRow = (a: FloatArray, x: FloatArray, y0: FloatArray, y: FloatArray, b: number, T: number): void => {
  let s0 = y0[2 * b]!
  let s1 = y0[2 * b + 1]!
  for (let t = 0, v = b * T * 2, m = b * T * 4; t < T; t++, v += 2, m += 4) {
    const n0 = a[m]! * s0 + a[m + 1]! * s1 + x[v]!
    const n1 = a[m + 2]! * s0 + a[m + 3]! * s1 + x[v + 1]!
    s0 = n0
    s1 = n1
    y[v] = n0
    y[v + 1] = n1
  }
}

/** General k: `s ← a[t]·s + x[t]` with a float64 scratch state. */
const matrixRow = (a: FloatArray, x: FloatArray, y0: FloatArray, y: FloatArray, b: number, T: number, k: number, s: Float64Array, n: Float64Array): void => {
  for (let i = 0; i < k; i++) s[i] = y0[b * k + i]!
  for (let t = 0; t < T; t++) {
    const v = (b * T + t) * k
    for (let i = 0; i < k; i++) {
      let acc = x[v + i]!
      for (let j = 0, m = (v + i) * k; j < k; j++) acc += a[m + j]! * s[j]!
      n[i] = acc
    }
    for (let i = 0; i < k; i++) {
      s[i] = n[i]!
      y[v + i] = n[i]!
    }
  }
}

/**
 * Runs B independent recurrences of T steps with a k-dimensional state into
 * `y` (float64 state, one rounding per output).
 * @param a `[B, T, k, k]`  @param x `[B, T, k]`  @param y0 `[B, k]`  @param y out `[B, T, k]`
 * @example recurrenceSequential(a, x, y0, y, 4, 1000, 2) // four biquads of 1000 samples
 */
export const recurrenceSequential = (a: FloatArray, x: FloatArray, y0: FloatArray, y: FloatArray, B: number, T: number, k: number): void => {
  if (k === 1) for (let b = 0; b < B; b++) scalarRow(a, x, y0[b]!, y, b * T, T)
  else if (k === 2) for (let b = 0; b < B; b++) pairRow(a, x, y0, y, b, T)
  else {
    const [s, n] = [new Float64Array(k), new Float64Array(k)]
    for (let b = 0; b < B; b++) matrixRow(a, x, y0, y, b, T, k, s, n)
  }
}
