/**
 * The graph's squashing maps (`dsp/scale.ts`) on plain numbers. Host-side maps
 * between a raw (unconstrained) param and its (0, 1) value, for the
 * σ-reparametrised synths of sound matching: σ(x) = 1/(1 + e^−x) and its
 * inverse logit(u) = ln(u/(1 − u)), with u clamped to [1e-4, 1 − 1e-4] so a
 * preset at an end of its range starts at a finite raw value (|x| ≤ 9.2);
 * and ddsp's exp-sigmoid, which the real-time voices apply per frame.
 *
 * @example
 * logit(0.5)            // 0
 * sigmoidHost(logit(0.9)) // 0.9
 * expSigmoid(0)         // ≈ 0.4054
 */

const EDGE = 1e-4

/**
 * The logistic sigmoid of a plain number.
 * @param x raw value (unitless)
 * @example sigmoidHost(0) // 0.5
 */
export const sigmoidHost = (x: number): number => 1 / (1 + Math.exp(-x))

/**
 * The raw value whose σ is `u` (u clamped to [1e-4, 1 − 1e-4]).
 * @param u value in [0, 1]
 * @example logit(0.5) // 0
 */
export const logit = (u: number): number => {
  const c = Math.min(1 - EDGE, Math.max(EDGE, u))
  return Math.log(c / (1 - c))
}

/**
 * ddsp's exp-sigmoid on a number: maxValue·exp(−ln(exponent)·softplus(−x)) + threshold (as `dsp/scale`).
 * @example expSigmoid(0) // 2·0.5^ln10 + 1e-7 ≈ 0.4054
 */
export const expSigmoid = (x: number, exponent = 10, maxValue = 2, threshold = 1e-7): number => {
  const z = -x
  const softplus = Math.max(z, 0) + Math.log(Math.exp(-Math.abs(z)) + 1)
  return Math.exp(softplus * -Math.log(exponent)) * maxValue + threshold
}
