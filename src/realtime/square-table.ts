/**
 * Band-limited square waves read from tables, for the real-time cowbell (its two
 * squares change frequency with the `pitch.ratio` parameter, so their samples
 * cannot be precomputed the way the hats' fixed bank is). The square with odd
 * harmonics up to K,
 *   S_K(φ) = Σ_{odd k ≤ K} (4/(πk))·sin(2πkφ)
 * (the offline `bandlimited('square')` sum: its amplitudes (4/(πk))·sin(πk/2) times
 * cos(k(2πφ − π/2)) give exactly this), is tabulated at N = 8192 points per
 * period, once per K for the process (each from the table of K − 2), and read by 4-point Lagrange (cubic)
 * interpolation. The interpolation error of one harmonic is at most
 * (3/128)·(2πk/N)⁴·(4/(πk)); summed over K = 87 (the most a square can have at
 * 48 kHz) it is below 1e-7, and it is measured against the exact sum in the tests.
 *
 * @example
 * const t = squareTable(43)
 * squareAt(t, 0.25) // ≈ 1 (S_43 at a quarter period)
 */

/** Points per period of a square table (a power of two). */
export const SQUARE_POINTS = 8192

/** f64 words of a table: the points j = −1 … N + 1 (one before and two after the period, wrapped). */
export const SQUARE_WORDS = SQUARE_POINTS + 4

const THIRD = 1 / 3
const SIXTH = 1 / 6

const sines = Float64Array.from({ length: SQUARE_POINTS }, (_, m) => Math.sin((2 * Math.PI * m) / SQUARE_POINTS))
const tables = new Map<number, Float64Array>()

/**
 * The table of S_K (cached for the process): t[j + 1] = S_K(j/N) for j = −1 … N + 1 (t[N + 3] is padding).
 * @param kmax the highest harmonic summed (only odd ones sound: an even K shares K − 1's table)
 * @example squareTable(15)[1] // 0 (S(0))
 */
export const squareTable = (kmax: number): Float64Array => {
  if (kmax % 2 === 0) return squareTable(kmax - 1)
  const known = tables.get(kmax)
  if (known !== undefined) return known
  // S_K = S_{K−2} + (4/(πK))·sin(2πK·j/N), with sin(2πK·j/N) = sines[K·j mod N]: exact table values
  const t = kmax < 1 ? new Float64Array(SQUARE_WORDS) : Float64Array.from(squareTable(kmax - 2))
  const amp = 4 / (Math.PI * kmax)
  if (kmax >= 1) for (let j = -1; j <= SQUARE_POINTS + 1; j++) t[j + 1] = t[j + 1]! + amp * sines[(((kmax * j) % SQUARE_POINTS) + SQUARE_POINTS) % SQUARE_POINTS]!
  tables.set(kmax, t)
  return t
}

/**
 * S_K(φ) from its table: u = N·frac(φ), j = ⌊u⌋, x = u − j, and the cubic through p₋₁ … p₂ = t[j … j + 3]:
 * p₀ + x·(c₁ + x·(c₂ + x·c₃)), c₁ = p₁ − p₋₁/3 − p₀/2 − p₂/6, c₂ = (p₋₁ + p₁)/2 − p₀, c₃ = (p₂ − p₋₁)/6 + (p₀ − p₁)/2
 * (the divisions as products by the rounded 1/3, 1/2, 1/6).
 * `wasm/drums.wat` (`cowbell`) holds a twin of these operations.
 * @param t a `squareTable`  @param phi phase in cycles (≥ 0)
 * @example squareAt(squareTable(43), 0.25)
 */
export const squareAt = (t: Float64Array, phi: number): number => {
  const u = (phi - Math.floor(phi)) * SQUARE_POINTS
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
