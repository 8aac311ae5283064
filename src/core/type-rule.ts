/**
 * `TypeRule`: a primitive's abstract evaluation, its arity and its output
 * type from input types and attributes. The type table
 * (`primitives/types.ts`, one file per op group) is all that `mk` needs to
 * build a node; the VJP rules are a table of their own (`primitive.ts`), as
 * JAX keeps `ad.primitive_jvps` apart from abstract evaluation.
 *
 * @example
 * const neg: TypeRule<'neg'> = { arity: 1, type: ([x]) => E.right(x!) }
 */
import type * as E from 'fp-ts/lib/Either.js'
import type { OpAttrs, OpName } from './ops.js'
import type { TensorType } from './shape.js'

/** A primitive's type rule. */
export interface TypeRule<K extends OpName> {
  /** Number of tensor inputs, or `'variadic'` (concat). */
  readonly arity: number | 'variadic'
  /** Output type from input types and attributes, or a message naming what is wrong. */
  readonly type: (inputs: readonly TensorType[], attrs: OpAttrs[K]) => E.Either<string, TensorType>
}

/** The type rules of the ops `K` (one group's table). @example const t: TypeRulesOf<'sum' | 'reduceMax'> = reduceTypes */
export type TypeRulesOf<K extends OpName> = { readonly [P in K]: TypeRule<P> }

/** The type table: exactly one type rule per op. */
export type TypeRules = TypeRulesOf<OpName>
