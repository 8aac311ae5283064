/**
 * Band-limited square waves read from tables, for the real-time cowbell (its two
 * squares change frequency with the `pitch.ratio` parameter, so their samples
 * cannot be precomputed the way the hats' fixed bank is) and for hats that ring
 * past their precomputed bank. The square with odd harmonics up to K,
 *   S_K(φ) = Σ_{odd k ≤ K} (4/(πk))·sin(2πkφ)
 * (the offline `bandlimited('square')` sum: its amplitudes (4/(πk))·sin(πk/2) times
 * cos(k(2πφ − π/2)) give exactly this), is tabulated at N points per period,
 * once per K for the process, and read by 4-point Lagrange (cubic)
 * interpolation. The interpolation error of harmonic k is at most
 * (3/128)·(2πk/N)⁴·(4/(πk)), and summed over the odd k ≤ K it grows as K⁴/N⁴,
 * so N grows with K: N = max(1024, nextPow2(128·K)) keeps the whole sum within
 * 2e-8 of the exact one (measured against it in the tests, up to K = 233).
 *
 * @example
 * const t = squareTable(43)
 * squareAt(t, 0.25, squarePoints(43)) // ≈ 1 (S_43 at a quarter period)
 */
import { nextPow2 } from '../host/fft.js'

/**
 * Points per period of the table of S_K (a power of two). @example squarePoints(43) // 8192
 */
export const squarePoints = (kmax: number): number => Math.max(1024, nextPow2(128 * kmax))

/** f64 words of S_K's table: its points j = −1 … N + 1 (one before and two after the period, wrapped), and one spare. */
export const squareWords = (kmax: number): number => squarePoints(kmax) + 4

const THIRD = 1 / 3
const SIXTH = 1 / 6

const sineTables = new Map<number, Float64Array>()
/** sin(2πm/N) for m < N, per N (cached). */
const sines = (n: number): Float64Array => {
  const known = sineTables.get(n)
  if (known !== undefined) return known
  const t = Float64Array.from({ length: n }, (_, m) => Math.sin((2 * Math.PI * m) / n))
  sineTables.set(n, t)
  return t
}

const tables = new Map<number, Float64Array>()

/**
 * The table of S_K (cached for the process): t[j + 1] = S_K(j/N) for j = −1 … N + 1, N = `squarePoints(K)`.
 * @param kmax the highest harmonic summed (only odd ones sound: an even K shares K − 1's table)
 * @example squareTable(15)[1] // 0 (S(0))
 */
export const squareTable = (kmax: number): Float64Array => {
  if (kmax % 2 === 0) return squareTable(kmax - 1)
  const known = tables.get(kmax)
  if (known !== undefined) return known
  // Σ_{odd k ≤ K} (4/(πk))·sin(2πk·j/N), with sin(2πk·j/N) = sines[k·j mod N]: exact table values (N is a power
  // of two, so k·j mod N is k·j & (N − 1), negative j included)
  const n = squarePoints(kmax)
  const s = sines(n)
  const t = new Float64Array(n + 4)
  for (let k = 1; k <= kmax; k += 2) {
    const amp = 4 / (Math.PI * k)
    for (let j = -1; j <= n + 1; j++) t[j + 1] = t[j + 1]! + amp * s[(k * j) & (n - 1)]!
  }
  tables.set(kmax, t)
  return t
}

/**
 * S_K(φ) from its table: u = N·frac(φ), j = ⌊u⌋, x = u − j, and the cubic through p₋₁ … p₂ = t[j … j + 3]:
 * p₀ + x·(c₁ + x·(c₂ + x·c₃)), c₁ = p₁ − p₋₁/3 − p₀/2 − p₂/6, c₂ = (p₋₁ + p₁)/2 − p₀, c₃ = (p₂ − p₋₁)/6 + (p₀ − p₁)/2
 * (the divisions as products by the rounded 1/3, 1/2, 1/6).
 * `wasm/drums/*.wat` (`cowbell`) holds a twin of these operations.
 * @param t a `squareTable`  @param phi phase in cycles (≥ 0)  @param points its N (`squarePoints(K)`)
 * @example squareAt(squareTable(43), 0.25, squarePoints(43))
 */
export const squareAt = (t: Float64Array, phi: number, points: number): number => {
  const u = (phi - Math.floor(phi)) * points
  const jf = Math.floor(u)
  const x = u - jf
  const j = jf | 0
  const pm = t[j]!
  const p0 = t[j + 1]!
  const p1 = t[j + 2]!
  const p2 = t[j + 3]!
  const c1 = p1 - pm * THIRD - p0 * 0.5 - p2 * SIXTH
  const c2 = (pm + p1) * 0.5 - p0
  const c3 = (p2 - pm) * SIXTH + (p0 - p1) * 0.5
  return p0 + x * (c1 + x * (c2 + x * c3))
}
