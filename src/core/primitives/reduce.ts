/**
 * Reductions over a set of axes (removed from the shape).
 *
 * ∂sum: the cotangent broadcast back over the reduced axes. ∂max: routed to
 * the maxima, split evenly among ties.
 *
 * @example
 * import * as B from '../build.js'
 * B.sum(B.input('x', [2, 3]), [1]) // shape [2]
 */
import * as E from 'fp-ts/lib/Either.js'
import * as B from '../build.js'
import { shapeOf, type Node } from '../node.js'
import type { PrimitiveSpec } from '../primitive.js'
import type { TensorType } from '../shape.js'
import { checkAxes, dropAxes, keepAxes } from './rules.js'

const reduceType = (ins: readonly TensorType[], a: { readonly axes: readonly number[] }): E.Either<string, TensorType> =>
  E.map((axes: number[]) => ({ shape: dropAxes(ins[0]!.shape, axes) }))(checkAxes(a.axes, ins[0]!.shape.length))

/** The reduced axes of `x`, normalised (the type rule has checked them). */
const axesOf = (x: Node, axes: readonly number[]): number[] =>
  E.getOrElse((): number[] => [])(checkAxes(axes, shapeOf(x).length))

/** A reduced cotangent reshaped with the reduced axes kept as extent 1. */
const kept = (ct: Node, x: Node, axes: readonly number[]): Node => B.reshape(ct, keepAxes(shapeOf(x), axesOf(x, axes)))

export const sum: PrimitiveSpec<'sum'> = {
  arity: 1,
  type: reduceType,
  vjp: (ct, { inputs: [x], attrs }) => [B.broadcast(kept(ct, x!, attrs.axes), shapeOf(x!))],
  linearIn: [[0]],
}

export const reduceMax: PrimitiveSpec<'reduceMax'> = {
  arity: 1,
  type: reduceType,
  vjp: (ct, { inputs: [x], output, attrs }) => {
    const axes = axesOf(x!, attrs.axes)
    const isMax = B.equal(x!, kept(output, x!, attrs.axes))
    const count = B.reshape(B.sum(isMax, axes), keepAxes(shapeOf(x!), axes))
    return [B.mul(isMax, B.div(kept(ct, x!, attrs.axes), count))]
  },
  linearIn: [],
}
