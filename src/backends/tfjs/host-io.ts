/**
 * How a host fused lowering (`backends/host/fused`) reads its tfjs inputs and
 * where its result goes, per tfjs backend (issue 19: no fresh large typed
 * arrays per training step).
 *
 * - `copyIo` (tfjs-cpu, and any backend): inputs by `dataSync()`, the result
 *   a fresh array handed to `tf.tensor`. On tfjs-cpu `dataSync()` returns
 *   the tensor's own array and `tf.tensor` keeps the array it is given (no
 *   copy), so the result must never be reused: it is fresh.
 * - `wasmHeapIo` (wasm): the result tensor is allocated on the wasm heap
 *   first and the lowering writes straight into it (`arena.withOutput`);
 *   inputs are read-only views of their tensors' heap memory. Nothing is
 *   allocated on the JS heap or copied per call (`dataSync()` and
 *   `tf.tensor` would each copy: wasm's `readSync` slices the heap, its
 *   `write` copies into a fresh malloc). The views are taken after the one
 *   heap allocation and dropped before any other tfjs call, so a growing
 *   wasm memory never leaves them stale. The heap block is the result
 *   tensor's own, freed when that tensor is disposed, so no caller's buffer
 *   is ever handed out twice.
 *
 * `DDSP_HOST_ARENA=0` makes `wasmHeapIo` behave as `copyIo` (to measure).
 *
 * @example
 * const y = hostIo('wasm')(inputs, [4, 64000], (data) => harmonicBankForward(data, shapes, attrs, [4, 64000]))
 */
import * as tf from '@tensorflow/tfjs-core'
import type { Shape } from '../../core/shape.js'
import { arenaEnabled, withOutput } from '../host/fused/arena.js'

/** Runs a host lowering on tfjs tensors: `run` gets the inputs' data and returns the result's. */
export type HostIo = (inputs: readonly tf.Tensor[], shape: Shape, run: (data: readonly Float32Array[]) => Float32Array) => tf.Tensor

/** Inputs by `dataSync()`, result by `tf.tensor` of a fresh array. @example copyIo([x], [3], ([d]) => d!.map((v) => 2 * v)) */
export const copyIo: HostIo = (inputs, shape, run) => tf.tensor(run(inputs.map((t) => t.dataSync() as Float32Array)), [...shape], 'float32')

/** The parts of tfjs-backend-wasm 4.22's `BackendWasm` used here (public methods of the class). */
interface WasmHeap {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array | Uint8Array
  disposeData(dataId: tf.DataId, force?: boolean): boolean
}

const isWasmHeap = (b: unknown): b is WasmHeap =>
  typeof b === 'object' && b !== null && ['makeOutput', 'typedArrayFromHeap', 'disposeData'].every((k) => typeof (b as Record<string, unknown>)[k] === 'function')

/** The result in the result tensor's wasm memory, inputs as views of theirs. @example wasmHeapIo([x], [3], ([d]) => d!.map((v) => 2 * v)) */
export const wasmHeapIo: HostIo = (inputs, shape, run) => {
  const heap: unknown = tf.backend()
  if (!arenaEnabled() || tf.getBackend() !== 'wasm' || !isWasmHeap(heap)) return copyIo(inputs, shape, run)
  const info = heap.makeOutput([...shape], 'float32') // the only heap allocation: may grow the memory, so views come after it
  const result = heap.typedArrayFromHeap(info) as Float32Array
  const data = inputs.map((t) => (t.dtype === 'float32' ? (heap.typedArrayFromHeap(t) as Float32Array) : (t.dataSync() as Float32Array)))
  let handed = false
  const y = withOutput(
    (n) => {
      if (handed || n !== result.length) return new Float32Array(n)
      handed = true
      return result.fill(0)
    },
    () => run(data),
  )
  if (y === result) return tf.engine().makeTensorFromTensorInfo(info)
  // the lowering made its own array (e.g. a scalar); one on the heap (an input's view) is copied out before any allocation
  const own = y.buffer === result.buffer ? y.slice() : y
  heap.disposeData(info.dataId)
  return tf.tensor(own, [...shape], 'float32')
}

/** The I/O for a tfjs backend name (`caps.tfBackend`). @example hostIo('cpu') === copyIo // true */
export const hostIo = (tfBackend: string): HostIo => (tfBackend === 'wasm' ? wasmHeapIo : copyIo)
