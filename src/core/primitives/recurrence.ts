/**
 * The linear recurrence `y[t] = a[t]·y[t−1] + x[t]`, `y[−1] = y0`, with a
 * k-dimensional state: `a: [..., T, k, k]`, `x: [..., T, k]`, `y0: [..., k]`,
 * `y: [..., T, k]`. The final state is `y[T−1]`, so streaming carries it into
 * the next block as `y0`. One-pole filters, envelopes and leaky integrators
 * use k = 1; biquads and state-variable filters use k = 2 (state-space form).
 *
 * Adjoint (reverse-mode), with g the output cotangent:
 *   λ[t] = g[t] + a[t+1]ᵀ·λ[t+1],  λ[T−1] = g[T−1]   (the same recurrence,
 *   reversed in time, with aᵀ shifted by one step)
 *   ∂x[t] = λ[t],  ∂a[t] = λ[t]·y[t−1]ᵀ,  ∂y0 = a[0]ᵀ·λ[0].
 * Linear in (x, y0) jointly for fixed a.
 *
 * @example
 * import * as B from '../build.js'
 * // cumsum of x: [T, 1] as the case a = 1
 * B.recurrence(B.constant(1, [8, 1, 1]), B.input('x', [8, 1]), B.zeros([1]))
 */
import * as E from 'fp-ts/lib/Either.js'
import * as B from '../build.js'
import { shapeOf } from '../node.js'
import type { PrimitiveSpec } from '../primitive.js'
import { sameShape, showShape } from '../shape.js'

export const recurrence: PrimitiveSpec<'recurrence'> = {
  arity: 3,
  type: ([a, x, y0]) => {
    const xs = x!.shape
    const k = xs.at(-1)
    const shapes = `a ${showShape(a!.shape)}, x ${showShape(xs)}, y0 ${showShape(y0!.shape)}`
    if (xs.length < 2 || k === undefined || k < 1 || xs.at(-2)! < 1)
      return E.left(`x must be [..., T, k] with T, k ≥ 1 (${shapes})`)
    if (!sameShape(a!.shape, [...xs, k])) return E.left(`a must be [..., T, k, k] matching x (${shapes})`)
    if (!sameShape(y0!.shape, [...xs.slice(0, -2), k])) return E.left(`y0 must be [..., k] matching x (${shapes})`)
    return E.right({ shape: xs })
  },
  vjp: (g, { inputs: [a, , y0], output: y }) => {
    const xs = shapeOf(g)
    const r = xs.length
    const t = r - 2
    const T = xs[t]!
    const k = xs[r - 1]!
    const lead = xs.slice(0, -2)
    const aT = B.transpose(a!, [...lead.map((_, i) => i), r - 2, r, r - 1])
    // aᵀ reversed in time and delayed by one step: ar[s] = aᵀ[T−s], ar[0] = 0.
    const revAT = B.reverse(aT, [t])
    const begin = [...lead.map(() => 0), 0, 0, 0]
    const shifted = B.pad(B.slice(revAT, begin, [...lead, T - 1, k, k]), begin.map((_, i) => (i === t ? 1 : 0)), begin)
    const lambda = B.reverse(B.recurrence(shifted, B.reverse(g, [t]), B.zeros(shapeOf(y0!))), [t])
    const lambda0 = B.reshape(B.slice(lambda, [...lead.map(() => 0), 0, 0], [...lead, 1, k]), [...lead, 1, k])
    const aT0 = B.reshape(B.slice(aT, begin, [...lead, 1, k, k]), [...lead, k, k])
    const dy0 = B.sum(B.mul(aT0, lambda0), [-1])
    const yPrev = B.concat(
      [B.reshape(y0!, [...lead, 1, k]), B.slice(y, [...lead.map(() => 0), 0, 0], [...lead, T - 1, k])],
      t,
    )
    const da = B.mul(B.reshape(lambda, [...lead, T, k, 1]), B.reshape(yPrev, [...lead, T, 1, k]))
    return [da, lambda, dy0]
  },
  linearIn: [[1, 2]],
  nondiff: [],
}
