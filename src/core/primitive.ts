/**
 * A primitive's rules are two tables, one per interpretation: its type rule
 * (`TypeRule`, `type-rule.ts`, run by `mk`) and its VJP rule, written in
 * primitives, with where it is linear (`VjpSpec`, here, run by autodiff).
 * `PrimitiveSpec` is the two together.
 *
 * Type rules live in `primitives/<group>.ts`, VJP rules beside them in
 * `primitives/<group>.vjp.ts`; the tables are mapped types over `OpName`, so
 * a primitive without rules fails `tsc`.
 *
 * @example
 * const neg: VjpSpec<'neg'> = { vjp: (ct) => [B.neg(ct)], linearIn: [[0]] }
 */
import type { Node } from './node.js'
import type { OpAttrs, OpName } from './ops.js'
import type { TypeRule } from './type-rule.js'

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

/** A primitive's VJP rule and linearity. */
export interface VjpSpec<K extends OpName> {
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

/** The VJP rules of the ops `K` (one group's table). @example const v: VjpRulesOf<'matmul'> = matmulVjps */
export type VjpRulesOf<K extends OpName> = { readonly [P in K]: VjpSpec<P> }

/** The VJP table: exactly one VJP rule per op. */
export type VjpRules = VjpRulesOf<OpName>

/** A primitive's rules: its type rule and its VJP rule. */
export type PrimitiveSpec<K extends OpName> = TypeRule<K> & VjpSpec<K>

/** The registry type: exactly one spec per op. */
export type PrimitiveRegistry = { readonly [K in OpName]: PrimitiveSpec<K> }
