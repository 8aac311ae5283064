/**
 * `Program`: the compiled, serialisable form of a signal graph (the jaxpr
 * analogue): declared inputs and params, a topologically sorted list of
 * equations, and named outputs. Composite equations hold their body (and
 * optional VJP) as nested Programs whose inputs are `arg` equations.
 *
 * @example
 * import { compile } from './compile.js'
 * // compile({ out: signal }) → Right({ inputs, params, eqns, outputs })
 */
import type { OpAttrs, OpName } from './ops.js'
import type { Shape } from './shape.js'

/** Version of the Program JSON format written by `encode`. */
export const FORMAT_VERSION = 1

/** A primitive equation: `v{id} = op(v{inputs}…; attrs)`. */
export interface PrimEqn<K extends OpName = OpName> {
  readonly id: number
  readonly op: K
  readonly inputs: readonly number[]
  readonly attrs: OpAttrs[K]
  readonly shape: Shape
}

/** A composite equation with its decomposition (and optional VJP) as sub-programs. */
export interface CompositeEqn {
  readonly id: number
  readonly op: 'composite'
  readonly name: string
  readonly attrs: Readonly<Record<string, unknown>>
  readonly inputs: readonly number[]
  readonly shape: Shape
  readonly body: Program
  readonly vjp: Program | undefined
}

/** One equation of a Program. */
export type Eqn = PrimEqn | CompositeEqn

/** A declared input or param. */
export interface Declaration {
  readonly name: string
  readonly shape: Shape
}

/** A named output and the equation that computes it. */
export interface Output {
  readonly name: string
  readonly id: number
}

/** A compiled signal graph. */
export interface Program {
  readonly inputs: readonly Declaration[]
  readonly params: readonly Declaration[]
  /** Shapes of the `arg`s of a composite body; empty for a top-level program. */
  readonly args: readonly Shape[]
  readonly eqns: readonly Eqn[]
  readonly outputs: readonly Output[]
}

/** How many times each equation's value is read (by equations and outputs). */
export const useCounts = (p: Program): Map<number, number> => {
  const uses = new Map<number, number>()
  const bump = (id: number) => uses.set(id, (uses.get(id) ?? 0) + 1)
  for (const e of p.eqns) e.inputs.forEach(bump)
  p.outputs.forEach((o) => bump(o.id))
  return uses
}

/** The output's shape, if the program has that output. */
export const outputShape = (p: Program, name: string): Shape | undefined => {
  const o = p.outputs.find((x) => x.name === name)
  return o === undefined ? undefined : p.eqns.find((e) => e.id === o.id)?.shape
}
