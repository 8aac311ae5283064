/**
 * tanh x for the real-time drum voices, at about a third of `Math.tanh`'s cost
 * (V8 calls out to fdlibm for it), from one exponential:
 *   tanh|x| = (1 − e)/(1 + e),  e = exp(−2|x|),  the sign of x restored;
 * |x| is clamped to 20, past which tanh rounds to ±1 in float64.
 * exp(q), q = −2|x| ∈ [−40, 0], by the usual reduction q = k·ln 2 + r with
 * k = q·log₂e rounded to nearest (by adding and subtracting 1.5·2⁵² + 1023) and r = (q − k·ln2_hi) − k·ln2_lo, |r| ≤ ½ln 2 (the split of
 * ln 2 is fdlibm's: k·ln2_hi is exact), then e^r by its Taylor polynomial to
 * degree 12 in Estrin's form (truncation error below (½ln 2)¹³/13! ≈ 1.7e-16) and e = 2ᵏ·e^r.
 * Absolute error within 4e-16 of `Math.tanh` (near 0 the relative error grows:
 * 1 − e cancels; the voices compare against their peak).
 * `realtime/wasm/drums/*.wat` (`tanh`) holds a copy of these operations and constants (as
 * hex floats, equal bit for bit) for its f64x2 lanes: a change here must be
 * made there too (then `npm run build:wasm`).
 *
 * @example tanhExp(0.5) // 0.46211715726000974 (within 4e-16)
 */

/** −2·log₂e (exact: a power-of-two multiple of log₂e). */
const M2LOG2E = -2 * Math.LOG2E
const LN2_HI = 6.93147180369123816490e-1
const LN2_LO = 1.90821492927058770002e-10
/** 1.5·2⁵² + 1023: adding it rounds to an integer (to nearest, ties to even), leaving k + 1023 in the low bits. */
const ROUND = 1.5 * 2 ** 52 + 1023

// 1/j! for j = 2…12
const C2 = 1 / 2
const C3 = 1 / 6
const C4 = 1 / 24
const C5 = 1 / 120
const C6 = 1 / 720
const C7 = 1 / 5040
const C8 = 1 / 40320
const C9 = 1 / 362880
const C10 = 1 / 3628800
const C11 = 1 / 39916800
const C12 = 1 / 479001600

/** 2^−k for k = 0…58 (the range of k for q ∈ [−40, 0]), exact. */
const POW2_NEG = Float64Array.from({ length: 59 }, (_, k) => 2 ** -k)

/**
 * tanh x by one exponential (see the module comment).
 * @param x any finite number
 * @example tanhExp(-3) // −0.9950547536867305
 */
export const tanhExp = (x: number): number => {
  const a = Math.min(Math.abs(x), 20)
  const q = -2 * a
  const kk = a * M2LOG2E + ROUND // q·log₂e (scaling by −2 is exact: the same product, off the chain through q)
  const k = kk - ROUND
  const r = q - k * LN2_HI - k * LN2_LO
  // e^r = Σ_{j≤12} rʲ/j! by Estrin's scheme (pairs, then powers r², r⁴, r⁸): a short dependency chain
  const r2 = r * r
  const r4 = r2 * r2
  const r8 = r4 * r4
  const q0 = 1 + r + (C2 + C3 * r) * r2
  const q1 = C4 + C5 * r + (C6 + C7 * r) * r2
  const q2 = C8 + C9 * r + (C10 + C11 * r) * r2
  const p = q0 + q1 * r4 + (q2 + C12 * r4) * r8
  const e = p * POW2_NEG[(-k) | 0]!
  const t = (1 - e) / (1 + e)
  return x < 0 || (x === 0 && 1 / x < 0) ? -t : t // x's sign (−0 too)
}
