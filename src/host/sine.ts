/**
 * sin x for x ∈ [−π, π] by its Taylor polynomial after folding into [−π/2, π/2]
 * (sin x = sin(±π − x)): Σ_{k≤9} (−1)ᵏ x^{2k+1}/(2k+1)! (its high-order part in
 * Estrin's form), whose truncation error
 * is below (π/2)²¹/21! ≈ 2.6e-16 (with rounding, within 4e-16 of `Math.sin`), at a
 * third of its cost (V8's fdlibm sin reduces its argument first). The real-time
 * oscillators keep their phase in [−π, π) and call this per sample.
 * `realtime/wasm/harmonics.wat` (`segment`) and `realtime/wasm/drums/*.wat` (`osc`) hold copies of
 * the fold, the evaluation order and these coefficients (as hex floats, equal
 * bit for bit) for their f64x2 lanes: a change here must be made there too
 * (then `npm run build:wasm`).
 *
 * @example sinPi(Math.PI / 6) // 0.5 (within 4e-16)
 */

// 1/(2k+1)! for k = 1…9, with alternating signs
const C3 = -1 / 6
const C5 = 1 / 120
const C7 = -1 / 5040
const C9 = 1 / 362880
const C11 = -1 / 39916800
const C13 = 1 / 6227020800
const C15 = -1 / 1307674368000
const C17 = 1 / 355687428096000
const C19 = -1 / 121645100408832000

/**
 * sin x, for x in [−π, π] (outside it the result is wrong: callers wrap their phase).
 * @param x radians in [−π, π]
 * @example sinPi(-Math.PI / 2) // −1
 */
export const sinPi = (x: number): number => {
  // the fold as min(|x|, π − |x|) with x's sign: π − x above π/2, −π − x = −(π − |x|) below −π/2 (bit for bit)
  const a = Math.abs(x)
  const m = Math.min(a, Math.PI - a)
  const y = x < 0 || (x === 0 && 1 / x < 0) ? -m : m
  const z = y * y
  // P(z) = C3 + z·(C5 + z·q), q = C7 + C9·z + … + C19·z⁶ in Estrin's form (pairs, then z², z⁴): a shorter
  // dependency chain than Horner's rule, as accurate (the two low-order steps stay in Horner's form)
  const z2 = z * z
  const z4 = z2 * z2
  const q = C7 + C9 * z + (C11 + C13 * z) * z2 + (C15 + C17 * z + C19 * z2) * z4
  return y + y * z * (C3 + z * (C5 + z * q))
}
