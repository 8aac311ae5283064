/**
 * Comparison and selection: `less` (1 where a < b, else 0; no gradient) and
 * `select(mask, a, b)` (mask ≠ 0 ? a : b), which is linear in (a, b) and routes
 * the cotangent to the chosen branch.
 *
 * @example
 * import * as B from '../build.js'
 * const x = B.input('x', [4])
 * B.select(B.less(x, B.scalar(0)), B.neg(x), x) // |x|
 */
import * as B from '../build.js'
import type { PrimitiveSpec } from '../primitive.js'
import { broadcastType } from './rules.js'

export const less: PrimitiveSpec<'less'> = {
  arity: 2,
  type: broadcastType,
  vjp: () => [undefined, undefined],
  linearIn: [],
  nondiff: [0, 1],
}

export const select: PrimitiveSpec<'select'> = {
  arity: 3,
  type: broadcastType,
  vjp: (ct, { inputs: [mask] }) => {
    const z = B.scalar(0)
    return [undefined, B.select(mask!, ct, z), B.select(mask!, z, ct)]
  },
  linearIn: [[1, 2]],
  nondiff: [0],
}
