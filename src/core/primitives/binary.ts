/**
 * Broadcasting binary primitives. Cotangents are returned at the output's
 * (broadcast) shape; the VJP transform sums them back to each input's shape.
 *
 * ∂(a/b) = (1/b, −a/b²); ∂aᵇ = (b·aᵇ⁻¹, aᵇ·ln a) with ln a taken as 0 where
 * a ≤ 0; ∂atan2(y, x) = (x, −y)/(x² + y²); max/min route the cotangent to the
 * larger/smaller input and split it evenly on ties.
 *
 * @example
 * import * as B from '../build.js'
 * B.mul(B.input('x', [4, 1]), B.input('y', [3]))  // shape [4, 3]
 */
import * as B from '../build.js'
import type { Node } from '../node.js'
import type { OpName } from '../ops.js'
import type { PrimitiveSpec, VjpRule } from '../primitive.js'
import { broadcastType } from './rules.js'

type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum' | 'atan2'

const binary = <K extends BinaryOp & OpName>(
  vjp: VjpRule<K>,
  linearIn: PrimitiveSpec<K>['linearIn'] = [],
): PrimitiveSpec<K> => ({ arity: 2, type: broadcastType, vjp, linearIn })

/** Weight of `a` in max(a, b): 1 where a > b, ½ on ties, 0 elsewhere. */
const winner = (a: Node, b: Node): Node => B.add(B.less(b, a), B.mul(B.scalar(0.5), B.equal(a, b)))

export const add = binary<'add'>((ct) => [ct, ct], [[0, 1]])
export const sub = binary<'sub'>((ct) => [ct, B.neg(ct)], [[0, 1]])
export const mul = binary<'mul'>((ct, { inputs: [a, b] }) => [B.mul(ct, b!), B.mul(ct, a!)], [[0], [1]])
export const div = binary<'div'>(
  (ct, { inputs: [, b], output }) => [B.div(ct, b!), B.neg(B.div(B.mul(ct, output), b!))],
  [[0]],
)
export const pow = binary<'pow'>((ct, { inputs: [a, b], output }) => {
  const positive = B.less(B.scalar(0), a!)
  const safeA = B.select(positive, a!, B.scalar(1))
  const da = B.mul(ct, B.mul(b!, B.pow(a!, B.sub(b!, B.scalar(1)))))
  const db = B.mul(ct, B.mul(output, B.select(positive, B.log(safeA), B.scalar(0))))
  return [da, db]
})
export const maximum = binary<'maximum'>((ct, { inputs: [a, b] }) => [
  B.mul(ct, winner(a!, b!)),
  B.mul(ct, winner(b!, a!)),
])
export const minimum = binary<'minimum'>((ct, { inputs: [a, b] }) => [
  B.mul(ct, winner(b!, a!)),
  B.mul(ct, winner(a!, b!)),
])
export const atan2 = binary<'atan2'>((ct, { inputs: [y, x] }) => {
  const r2 = B.add(B.mul(x!, x!), B.mul(y!, y!))
  return [B.div(B.mul(ct, x!), r2), B.neg(B.div(B.mul(ct, y!), r2))]
})
