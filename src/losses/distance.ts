/**
 * Distances reduced to a scalar, shared by every loss: the mean over all
 * elements of |Δ| (L1) or Δ² (L2) — DDSP's `mean_difference` — and an ℓ2
 * (Frobenius) norm whose gradient is finite at 0. Losses are `'static'`
 * scalars (shape `[]`): no time axis is left.
 *
 * @example
 * import { meanDifference, safeNorm } from 'ddsp-ts/losses'
 * const d = meanDifference(targetMag, predMag, 'L1')     // mean |t − p|, shape []
 * const n = safeNorm(sub(targetMag, predMag))            // √Σ(t − p)², gradient 0 at 0
 */
import { abs, add, less, mul, select, sqrt, sub } from '../core/math.js'
import { sizeOf } from '../core/shape.js'
import { constant, type Rate, type Signal, withRate } from '../core/signal.js'
import { sum } from '../core/tensor.js'
import { invalid } from '../dsp/guard.js'
import { fusible } from '../core/fusible.js'

/** The same values seen as a static signal (losses reduce away the time axis). */
const asStatic = (s: Signal<Rate>): Signal<'static'> => withRate(s.node, 'static')

/** Elementwise distance: 'L1' = |Δ|, 'L2' = Δ². */
export type Distance = 'L1' | 'L2'

/**
 * The mean of every element: (1/n)·Σᵢ xᵢ, as a static scalar `[]`.
 * @param x any shape (n = its size)
 * @example meanAll(mul(d, d)) // mean squared value
 */
export const meanAll = (x: Signal<Rate>): Signal<'static'> => {
  const shape = x.shape
  if (shape === undefined) return invalid(x, 'meanAll: invalid operand', 'static')
  const n = sizeOf(shape)
  if (n === 0) return invalid(x, `meanAll: empty operand of shape [${shape.join(', ')}]`, 'static')
  return asStatic(mul(sum(x, shape.map((_, i) => i)), 1 / n))
}

const sameShape = (a: Signal<Rate>, b: Signal<Rate>): boolean =>
  a.shape !== undefined && b.shape !== undefined && a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape![i])

/** Unweighted mean difference of equal shapes as a fusible composite (`losses.meanDifference`; host lowering in src/backends/host/fused). */
const fusedMeanDifference = (target: Signal<Rate>, value: Signal<Rate>, distance: Distance): Signal<'static'> =>
  fusible(
    'losses.meanDifference',
    (t: Signal<Rate>, v: Signal<Rate>) => {
      const d = sub(asStatic(t), asStatic(v))
      return meanAll(distance === 'L1' ? abs(d) : mul(d, d))
    },
    { attrs: { distance } },
  )(target, value)

/**
 * DDSP `mean_difference`: mean(|(t − v)·w|) for 'L1', mean((t − v)²·w) for 'L2'.
 * Ref: magenta/ddsp `ddsp/losses.py` `mean_difference`. The gradient of |Δ| at Δ = 0 is 0 (sign 0).
 * @param target any shape  @param value same shape  @param distance 'L1' (default) or 'L2'
 * @param weights optional broadcastable weights (default 1)
 * @returns static scalar `[]`
 * @example meanDifference(magT, magV, 'L1')
 */
export const meanDifference = (
  target: Signal<Rate>,
  value: Signal<Rate>,
  distance: Distance = 'L1',
  weights?: Signal<Rate> | number,
): Signal<'static'> => {
  if (weights === undefined && sameShape(target, value)) return fusedMeanDifference(target, value, distance)
  const d = sub(asStatic(target), asStatic(value))
  const w = weights === undefined ? undefined : typeof weights === 'number' ? weights : asStatic(weights)
  const e = distance === 'L1' ? abs(w === undefined ? d : mul(d, w)) : w === undefined ? mul(d, d) : mul(mul(d, d), w)
  return meanAll(e)
}

/**
 * ℓ2 (Frobenius) norm over every element, √(Σ xᵢ²), exactly 0 at x = 0 with gradient 0 there
 * (the "double where": √ of 1 where Σ = 0, then selected away), since d√s/ds = 1/(2√s) is infinite at 0.
 * @param x any shape
 * @returns static scalar `[]`
 * @example safeNorm(sub(yMag, xMag)) // ‖Y − X‖_F
 */
export const safeNorm = (x: Signal<Rate>): Signal<'static'> => {
  const shape = x.shape
  if (shape === undefined) return invalid(x, 'safeNorm: invalid operand', 'static')
  const s = asStatic(sum(mul(x, x), shape.map((_, i) => i)))
  const positive = less(0, s)
  return select(positive, sqrt(select(positive, s, 1)), 0)
}

/**
 * Σ of scalar loss terms (0 for none).
 * @param terms static scalars `[]`
 * @example sumTerms([mul(magTerm, 1), mul(logTerm, 1)])
 */
export const sumTerms = (terms: ReadonlyArray<Signal<'static'>>): Signal<'static'> =>
  terms.length === 0 ? constant(0) : terms.slice(1).reduce((a, b) => add(a, b), terms[0]!)
