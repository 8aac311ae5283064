/**
 * Type rules of `gather` and its transpose `scatterAdd`, with tf.gather's
 * `batchDims` (VJP rules in `indexing.vjp.ts`).
 *
 * gather: `out[b, p, i, q] = x[b, p, idx[b, i], q]`, shape
 * `x.shape[:axis] + idx.shape[batchDims:] + x.shape[axis+1:]`. Index values
 * are rounded to the nearest integer; an index outside `[0, n)` reads 0 (and
 * scatterAdd drops it), so framing past the ends is zero padding.
 *
 * @example
 * import * as B from '../build.js'
 * const frames = B.gather(B.input('x', [16]), B.constant([0, 1, 2, 3, 2, 3, 4, 5], [2, 4]), 0) // [2, 4]
 */
import * as E from 'fp-ts/lib/Either.js'
import type { TypeRule, TypeRulesOf } from '../type-rule.js'
import { sameShape, showShape, type Shape } from '../shape.js'

/** The indexing group. */
export type IndexingOp = 'gather' | 'scatterAdd'

const checkBatch = (xs: Shape, idx: Shape, axis: number, b: number): string | undefined =>
  !Number.isInteger(b) || b < 0 || b > idx.length || b > axis
    ? `batchDims ${b} must be in [0, min(axis, rank of indices)]`
    : !sameShape(xs.slice(0, b), idx.slice(0, b))
      ? `batch axes differ: ${showShape(xs.slice(0, b))} vs ${showShape(idx.slice(0, b))}`
      : undefined

const gather: TypeRule<'gather'> = {
  arity: 2,
  type: ([x, idx], a) => {
    const xs = x!.shape
    const axis = a.axis < 0 ? a.axis + xs.length : a.axis
    if (!Number.isInteger(axis) || axis < 0 || axis >= xs.length) return E.left(`axis ${a.axis} out of range for ${showShape(xs)}`)
    const bad = checkBatch(xs, idx!.shape, axis, a.batchDims)
    return bad !== undefined
      ? E.left(bad)
      : E.right({ shape: [...xs.slice(0, axis), ...idx!.shape.slice(a.batchDims), ...xs.slice(axis + 1)] })
  },
}

const scatterAdd: TypeRule<'scatterAdd'> = {
  arity: 2,
  type: ([u, idx], a) => {
    const us = u!.shape
    const is = idx!.shape
    const axis = a.axis
    const span = is.length - a.batchDims
    if (!Number.isInteger(axis) || axis < 0 || axis + span > us.length)
      return E.left(`axis ${axis} with ${span} index axes does not fit updates ${showShape(us)}`)
    const bad = checkBatch(us, is, axis, a.batchDims)
    if (bad !== undefined) return E.left(bad)
    if (!sameShape(us.slice(axis, axis + span), is.slice(a.batchDims)))
      return E.left(`updates ${showShape(us)} do not match indices ${showShape(is)} at axis ${axis}`)
    if (!Number.isInteger(a.size) || a.size < 0) return E.left(`size must be a non-negative integer, got ${a.size}`)
    return E.right({ shape: [...us.slice(0, axis), a.size, ...us.slice(axis + span)] })
  },
}

/** Type rules of the indexing group. @example indexingTypes.gather.arity // 2 */
export const indexingTypes: TypeRulesOf<IndexingOp> = { gather, scatterAdd }
