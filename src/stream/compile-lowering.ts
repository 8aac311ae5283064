/**
 * The real-time lowering table's type: block kernels keyed by composite
 * name, the third lowering of a composite after its decomposition and the
 * host fused lowerings used in training (JAX's `register_lowering(…,
 * platform=)`: the table lists what it can run, the compiler decomposes the
 * rest). `src/stream` takes the table as a parameter (it imports no backend
 * and no kernel); `realtime/lowerings.ts` fills it with the wasm kernels.
 *
 * @example
 * import type { LoweringTable } from './compile-lowering.js'
 * const none: LoweringTable = {}
 */
import type { LoweringTable as ByName } from '../core/composite-names.js'
import type { CompositeEqn } from '../core/program.js'
import type { KernelBuilder } from './compile-kernels.js'
import type { TimeInfo } from './types.js'

/** A library composite's name (`core/composite-names.ts`). */
export type { CompositeName } from '../core/composite-names.js'

/** What a lowering may require of the compiled stream. */
export interface LoweringContext {
  readonly blockSize: number
  readonly fixedBlocks: boolean
}

/** A block kernel for one composite: when it applies, and how it is built over the arena. */
export interface KernelLowering {
  /** Why it does not apply to this equation (then the composite decomposes), or undefined. */
  readonly applies: (e: CompositeEqn, infos: readonly TimeInfo[], ctx: LoweringContext) => string | undefined
  readonly build: KernelBuilder
}

/** Lowerings by composite name (core's `LoweringTable`: a misspelt name fails `tsc`; read with core's `lowering`). */
export type LoweringTable = ByName<KernelLowering>
