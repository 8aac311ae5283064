/**
 * What a pointwise emitter sees while the block compiler generates one loop
 * nest: the loop variables of the output's dims (the time dim runs to the
 * block's length), how to read each operand at the current point (a local
 * variable when its producer is fused into the same loop and read at the same
 * point, else an arena read), and how to allocate carried state, tables and
 * function constants, all once per Program.
 *
 * @example
 * import type { Emitter } from './compile-emit.js'
 * const neg: Emitter = (c) => ({ body: `const ${c.out} = -(${c.read(0)});` })
 */
import type { PrimEqn, Eqn } from '../core/program.js'
import type { Access, Slot } from './compile-layout.js'

/** The emission context of one node inside a loop nest. */
export interface EmitCtx {
  readonly eqn: Eqn
  /** Loop variable (or '0') per output dim. */
  readonly vars: readonly string[]
  /** Output block extents (capacity on the time axis). */
  readonly dims: readonly number[]
  readonly timeAxis: number
  /** Name of the block start at the output's rate ('p' or 'fp') and of its length ('n' or 'm'). */
  readonly start: string
  readonly len: string
  /** Full length at the output's rate (T samples or F frames). */
  readonly full: number
  /** Operand j at the current point (broadcast read, or a custom access: then read from the arena). */
  readonly read: (j: number, access?: Access) => string
  /** The index expression of operand j under `access` in its arena buffer (forces a new loop if its producer is in this one). */
  readonly at: (j: number, access: Access) => string
  /** Arena buffer name of operand j (its value must be complete: forces a new loop). */
  readonly buf: (j: number) => string
  readonly slot: (j: number) => Slot
  /** The output's arena buffer name and slot (a node that reads its own earlier outputs). */
  readonly outBuf: () => string
  readonly outSlot: Slot
  /** A carried-state buffer of `size` values (reset to `init`, or zeros); its name. */
  readonly state: (size: number, init?: Float64Array) => string
  /** A constant table; its name. */
  readonly table: (data: Float64Array | Int32Array) => string
  /** A function constant; its name. */
  readonly fn: (f: (...a: number[]) => number) => string
  /** Index of the current point with the time axis removed (carried state per channel), and the state count. */
  readonly stateIndex: string
  readonly stateCount: number
  /** The local variable the node must define (`const out = …`). */
  readonly out: string
  /** A fresh local name. */
  readonly fresh: () => string
}

/** A node's code: the loop body; code before the loop (forces a new loop) and after it. */
export interface Emitted {
  readonly body: string
  readonly pre?: string
  readonly post?: string
}

/** A pointwise emitter, or a reason it cannot compile. */
export type Emitter = (c: EmitCtx) => Emitted

/** The primitive equation of a context (emitters of primitives). @example prim(c).attrs */
export const prim = (c: EmitCtx): PrimEqn => c.eqn as PrimEqn

/**
 * Row-major strides of the output dims without the time axis (the carried-state layout), as an index expression.
 * @example stateIndexOf(['i0', 'i1', 'i2'], [2, 128, 3], 1) // { expr: 'i0*3+i2', count: 6 }
 */
export const stateIndexOf = (vars: readonly string[], dims: readonly number[], timeAxis: number): { expr: string; count: number } => {
  let stride = 1
  const terms: string[] = []
  for (let d = dims.length - 1; d >= 0; d--) {
    if (d === timeAxis) continue
    if (vars[d] !== '0') terms.push(stride === 1 ? vars[d]! : `${vars[d]}*${stride}`)
    stride *= dims[d]!
  }
  return { expr: terms.length === 0 ? '0' : terms.reverse().join('+'), count: stride }
}
