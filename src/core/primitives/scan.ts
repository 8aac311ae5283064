/**
 * Type rules of the scans: `cumsum` along an axis, and the linear recurrence
 * `y[t] = a[t]·y[t−1] + x[t]`, `y[−1] = y0`, with a k-dimensional state:
 * `a: [..., T, k, k]`, `x: [..., T, k]`, `y0: [..., k]`, `y: [..., T, k]`.
 * The final state is `y[T−1]`, so streaming carries it into the next block
 * as `y0`. One-pole filters, envelopes and leaky integrators use k = 1;
 * biquads and state-variable filters use k = 2 (state-space form). VJP rules
 * in `scan.vjp.ts`.
 *
 * @example
 * import * as B from '../build.js'
 * // cumsum of x: [T, 1] as the case a = 1
 * B.recurrence(B.constant(1, [8, 1, 1]), B.input('x', [8, 1]), B.zeros([1]))
 */
import * as E from 'fp-ts/lib/Either.js'
import type { TypeRule, TypeRulesOf } from '../type-rule.js'
import { sameShape, showShape } from '../shape.js'
import { checkAxes, sameAsInput } from './rules.js'

/** The scan group. */
export type ScanOp = 'cumsum' | 'recurrence'

const cumsum: TypeRule<'cumsum'> = {
  arity: 1,
  type: (ins, a) => E.flatMap(checkAxes([a.axis], ins[0]!.shape.length, 'axis'), () => sameAsInput(ins)),
}

const recurrence: TypeRule<'recurrence'> = {
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
}

/** Type rules of the scan group. @example scanTypes.recurrence.arity // 3 */
export const scanTypes: TypeRulesOf<ScanOp> = { cumsum, recurrence }
