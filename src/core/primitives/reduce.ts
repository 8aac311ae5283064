/**
 * Type rule of the reductions over a set of axes (`sum`, `reduceMax`; the
 * axes are removed from the shape). VJP rules in `reduce.vjp.ts`.
 *
 * @example
 * import * as B from '../build.js'
 * B.sum(B.input('x', [2, 3]), [1]) // shape [2]
 */
import * as E from 'fp-ts/lib/Either.js'
import type { TypeRule, TypeRulesOf } from '../type-rule.js'
import type { TensorType } from '../shape.js'
import { checkAxes, dropAxes } from './rules.js'

/** The reduce group. */
export type ReduceOp = 'sum' | 'reduceMax'

const reduceType = (ins: readonly TensorType[], a: { readonly axes: readonly number[] }): E.Either<string, TensorType> =>
  E.map((axes: number[]) => ({ shape: dropAxes(ins[0]!.shape, axes) }))(checkAxes(a.axes, ins[0]!.shape.length))

const reduce: TypeRule<ReduceOp> = { arity: 1, type: reduceType }

/** Type rules of the reduce group. @example reduceTypes.sum.arity // 1 */
export const reduceTypes: TypeRulesOf<ReduceOp> = { sum: reduce, reduceMax: reduce }
