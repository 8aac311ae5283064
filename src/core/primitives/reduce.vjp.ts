/**
 * VJP rules of the reductions. ∂sum: the cotangent broadcast back over the
 * reduced axes. ∂max: routed to the maxima, split evenly among ties.
 *
 * @example
 * import { reduceVjps } from './reduce.vjp.js'
 * reduceVjps.sum.linearIn // [[0]]
 */
import * as E from 'fp-ts/lib/Either.js'
import * as B from '../build.js'
import { shapeOf, type Node } from '../node.js'
import type { VjpRulesOf, VjpSpec } from '../primitive.js'
import type { ReduceOp } from './reduce.js'
import { checkAxes, keepAxes } from './rules.js'

/** The reduced axes of `x`, normalised (the type rule has checked them). */
const axesOf = (x: Node, axes: readonly number[]): number[] =>
  E.getOrElse((): number[] => [])(checkAxes(axes, shapeOf(x).length))

/** A reduced cotangent reshaped with the reduced axes kept as extent 1. */
const kept = (ct: Node, x: Node, axes: readonly number[]): Node => B.reshape(ct, keepAxes(shapeOf(x), axesOf(x, axes)))

const sum: VjpSpec<'sum'> = {
  vjp: (ct, { inputs: [x], attrs }) => [B.broadcast(kept(ct, x!, attrs.axes), shapeOf(x!))],
  linearIn: [[0]],
}

const reduceMax: VjpSpec<'reduceMax'> = {
  vjp: (ct, { inputs: [x], output, attrs }) => {
    const axes = axesOf(x!, attrs.axes)
    const isMax = B.equal(x!, kept(output, x!, attrs.axes))
    const count = B.reshape(B.sum(isMax, axes), keepAxes(shapeOf(x!), axes))
    return [B.mul(isMax, B.div(kept(ct, x!, attrs.axes), count))]
  },
  linearIn: [],
}

/** VJP rules of the reduce group. @example reduceVjps.reduceMax.vjp */
export const reduceVjps: VjpRulesOf<ReduceOp> = { sum, reduceMax }
