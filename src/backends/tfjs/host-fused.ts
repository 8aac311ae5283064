/**
 * Host fused lowerings on tfjs: a `HostKernel` (plain Float32Array loops)
 * adapted to a tfjs fused kernel by reading its inputs (`dataSync`, which on
 * wasm and tfjs-cpu is a host-memory copy, not a device transfer) and
 * uploading its output. Used for backends whose tensors live in host memory;
 * the cuda backend keeps the decompositions.
 *
 * @example
 * import { withHostLowerings } from './host-fused.js'
 * const fast = withHostLowerings(wasmBackend, { 'synth.harmonicBank': harmonicBankForward })
 */
import * as tf from '@tensorflow/tfjs-core'
import type { FusedKernel } from '../../core/backend.js'
import type { HostKernel } from '../host/fused/kernel.js'
import type { LoweringTable } from '../../core/composite-names.js'
import type { TfjsBackend } from './backend.js'

/** One host kernel as a tfjs fused kernel. @example hostFused(harmonicBankForward)([f0, amps], attrs, [1, 16000]) */
export const hostFused =
  (k: HostKernel): FusedKernel<tf.Tensor> =>
  (inputs, attrs, shape) => {
    const data = inputs.map((t) => t.dataSync() as Float32Array)
    return tf.tensor(k(data, inputs.map((t) => [...t.shape]), attrs, shape), [...shape], 'float32')
  }

/**
 * The same backend with host lowerings registered for the named composites.
 * @example withHostLowerings(b, hostLowerings).fused['synth.harmonicBank'] // defined
 */
export const withHostLowerings = (b: TfjsBackend, table: LoweringTable<HostKernel>): TfjsBackend => ({
  ...b,
  fused: { ...b.fused, ...(Object.fromEntries(Object.entries(table).map(([name, k]) => [name, hostFused(k!)])) as LoweringTable<FusedKernel<tf.Tensor>>) },
})
