/**
 * Host fused lowerings on tfjs: a `HostKernel` (plain Float32Array loops)
 * adapted to a tfjs fused kernel: its inputs and output move by `host-io.ts`
 * (tfjs-cpu: `dataSync` and `tf.tensor`, no copies there; wasm: views of the
 * wasm heap, the output written straight into the result tensor's memory). Used for backends whose tensors live in host memory;
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
import { copyIo, hostIo, type HostIo } from './host-io.js'

/**
 * One host kernel as a tfjs fused kernel; `io` moves its data (`host-io.ts`: copies by default, the wasm heap itself on wasm).
 * @example hostFused(harmonicBankForward)([f0, amps], attrs, [1, 16000])
 */
export const hostFused =
  (k: HostKernel, io: HostIo = copyIo): FusedKernel<tf.Tensor> =>
  (inputs, attrs, shape) =>
    io(inputs, shape, (data) => k(data, inputs.map((t) => [...t.shape]), attrs, shape))

/**
 * The same backend with host lowerings registered for the named composites.
 * @example withHostLowerings(b, hostLowerings).fused['synth.harmonicBank'] // defined
 */
export const withHostLowerings = (b: TfjsBackend, table: LoweringTable<HostKernel>): TfjsBackend => {
  const io = hostIo(b.caps.tfBackend)
  return {
    ...b,
    fused: { ...b.fused, ...(Object.fromEntries(Object.entries(table).map(([name, k]) => [name, hostFused(k!, io)])) as LoweringTable<FusedKernel<tf.Tensor>>) },
  }
}
