/**
 * The `Backend` interface: one kernel per primitive (an exhaustive mapped
 * type, so a missing kernel fails `tsc`), optional fused lowerings of named
 * composites, upload/download and disposal. The generic loop in
 * `interpret.ts` serves every backend.
 *
 * @example
 * import type { Backend } from './backend.js'
 * declare const b: Backend<Float64Array>
 * b.kernels.sin // (inputs, attrs, shape) => value
 */
import type { OpAttrs, OpName } from './ops.js'
import type { Shape } from './shape.js'
import type { LoweringTable } from './composite-names.js'

/** Ops the interpreter supplies from feeds rather than kernels. */
export type FedOp = 'input' | 'param' | 'arg'

/** Ops a backend implements. */
export type KernelOp = Exclude<OpName, FedOp>

/**
 * A kernel: input values, attributes and the (checked) output shape → output value.
 * Written as a method signature so that its parameter is compared bivariantly:
 * a `Backend<RefTensor>` is then a `Backend<unknown>` (see `AnyBackend`).
 */
export type Kernel<T, K extends KernelOp> = { kernel(inputs: readonly T[], attrs: OpAttrs[K], shape: Shape): T }['kernel']

/** One kernel per primitive. */
export type Kernels<T> = { readonly [K in KernelOp]: Kernel<T, K> }

/** A fused lowering of a named composite: same contract as a kernel (and, like it, a method signature). */
export type FusedKernel<T> = { kernel(inputs: readonly T[], attrs: Readonly<Record<string, unknown>>, shape: Shape): T }['kernel']

/** Host-side tensor data. */
export interface HostTensor {
  readonly data: Float32Array | Float64Array
  readonly shape: Shape
}

/** A pluggable tensor backend. */
export interface Backend<T> {
  /** e.g. `'reference'`, `'wasm'`, `'tfjs-cpu'`, `'cuda'`. */
  readonly name: string
  readonly kernels: Kernels<T>
  readonly fused: LoweringTable<FusedKernel<T>>
  /** Copies host data into a backend value of `shape`. */
  readonly upload: (data: Float32Array | Float64Array, shape: Shape) => T
  /** Copies a value back to the host. */
  download(x: T): Promise<HostTensor>
  /** Synchronous download, where the backend can do it without blocking a device. */
  readSync?(x: T): HostTensor
  /** Frees a value (no-op where the garbage collector does it). */
  dispose(x: T): void
  /** Runs `f` in a scope that frees whatever `f` made and did not return (tf.tidy). */
  readonly scope: <A>(f: () => A) => A
  /** Element type of host arrays made by this backend. */
  readonly float: 'float32' | 'float64'
}

/**
 * A backend whose value type is not known to the caller: what `loadBackend`
 * returns and what library code that only runs programs takes. Every
 * `Backend<T>` is one, with no cast: the members that take a `T` are method
 * signatures (compared bivariantly), which is sound here because the
 * interpreter only ever hands a backend the values that backend made.
 *
 * @example
 * const b: AnyBackend = reference('float64')
 * await evaluate(b)(program, feeds)
 */
export type AnyBackend = Backend<unknown>
