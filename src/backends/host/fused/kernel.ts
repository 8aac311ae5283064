/**
 * `HostKernel`: the contract of a host fused lowering (the tables of
 * `index.ts`), which `backends/tfjs/host-fused.ts` adapts to a backend's
 * fused kernel.
 *
 * @example
 * import type { HostKernel } from './kernel.js'
 * const double: HostKernel = ([x]) => x!.map((v) => 2 * v)
 */
import type { Shape } from '../../../core/shape.js'

/**
 * A fused lowering on host float32 arrays (row-major): input data and shapes,
 * the composite's attributes and the output shape → the output data. Backends
 * whose tensors live in host memory (wasm, tfjs-cpu) adapt these to kernels.
 */
export type HostKernel = (
  inputs: readonly Float32Array[],
  shapes: readonly Shape[],
  attrs: Readonly<Record<string, unknown>>,
  shape: Shape,
) => Float32Array
