/**
 * `PrimitiveSpec`: the one definition of a primitive, holding its type rule,
 * its VJP rule (written in primitives) and where it is linear.
 *
 * Specs live in `primitives/<group>.ts`; the registry is a mapped type over
 * `OpName`, so a primitive without rules fails `tsc`.
 *
 * @example
 * const neg: PrimitiveSpec<'neg'> = {
 *   arity: 1, type: ([x]) => E.right(x), linearIn: [[0]],
 *   vjp: (ct) => [B.neg(ct)],
 * }
 */
import type * as E from 'fp-ts/lib/Either.js'
import type { Node } from './node.js'
import type { OpAttrs, OpName } from './ops.js'
import type { TensorType } from './shape.js'

/** What a VJP rule sees of the equation it differentiates. */
export interface VjpContext<K extends OpName> {
  readonly inputs: readonly Node[]
  readonly output: Node
  readonly attrs: OpAttrs[K]
}

/**
 * Given the output cotangent, returns one cotangent per input (`undefined` for
 * a symbolic zero). A returned cotangent may have the broadcast output shape:
 * the VJP transform sums it back to the input's shape in one place.
 */
export type VjpRule<K extends OpName> = (ct: Node, ctx: VjpContext<K>) => ReadonlyArray<Node | undefined>

/** A primitive's rules. */
export interface PrimitiveSpec<K extends OpName> {
  /** Number of tensor inputs, or `'variadic'` (concat). */
  readonly arity: number | 'variadic'
  /** Output type from input types and attributes, or a message naming what is wrong. */
  readonly type: (inputs: readonly TensorType[], attrs: OpAttrs[K]) => E.Either<string, TensorType>
  readonly vjp: VjpRule<K>
  /**
   * Groups of input positions in which the op is jointly linear with the other
   * inputs held fixed (`'all'` = every input). The transpose property checks
   * ⟨A x, y⟩ = ⟨x, Aᵀ y⟩ for each group. `[]` for non-linear ops.
   */
  readonly linearIn: ReadonlyArray<readonly number[] | 'all'>
  /** Inputs that carry no gradient (indices, masks). */
  readonly nondiff?: readonly number[]
}

/** The registry type: exactly one spec per op. */
export type PrimitiveRegistry = { readonly [K in OpName]: PrimitiveSpec<K> }
