/**
 * VJP rules of the scans. cumsumᵀ is the cumsum in the other direction (JAX).
 *
 * Recurrence adjoint (reverse-mode), with g the output cotangent:
 *   λ[t] = g[t] + a[t+1]ᵀ·λ[t+1],  λ[T−1] = g[T−1]   (the same recurrence,
 *   reversed in time, with aᵀ shifted by one step)
 *   ∂x[t] = λ[t],  ∂a[t] = λ[t]·y[t−1]ᵀ,  ∂y0 = a[0]ᵀ·λ[0].
 * Linear in (x, y0) jointly for fixed a.
 *
 * @example
 * import { scanVjps } from './scan.vjp.js'
 * scanVjps.recurrence.linearIn // [[1, 2]]
 */
import * as B from '../build.js'
import { shapeOf } from '../node.js'
import type { VjpRulesOf, VjpSpec } from '../primitive.js'
import type { ScanOp } from './scan.js'

const cumsum: VjpSpec<'cumsum'> = {
  vjp: (ct, { attrs }) => [B.cumsum(ct, attrs.axis, !attrs.reverse, attrs.exclusive)],
  linearIn: [[0]],
}

const recurrence: VjpSpec<'recurrence'> = {
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

/** VJP rules of the scan group. @example scanVjps.cumsum.vjp */
export const scanVjps: VjpRulesOf<ScanOp> = { cumsum, recurrence }
