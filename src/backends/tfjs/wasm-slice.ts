/**
 * tfjs-backend-wasm 4.22's `Slice` kernel reads its whole input with
 * `readSync`, a fresh JS copy of the tensor, before copying out the slice: a
 * training step that unpacks the fused lowerings' packed gradients pays that
 * copy (and its page faults, ~15 000 a step of the standard workload) for
 * every slice. This replaces it, for wasm only, with the same kernel reading
 * the input as a view of the wasm heap (`typedArrayFromHeap`, as tfjs's own
 * `Concat` does), taken after the output's allocation so a growing memory
 * cannot leave it stale. Strings keep the original kernel. Idempotent.
 * `DDSP_HOST_ARENA=0` keeps tfjs's kernel (to measure the difference).
 *
 * @example
 * registerWasmHeapSlice()        // once the wasm backend is registered
 * tf.slice(x, [0, 10], [4, 100])  // no JS copy of x
 */
import * as tf from '@tensorflow/tfjs-core'
import { arenaEnabled } from '../host/fused/arena.js'

interface WasmHeap {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array | Uint8Array
}

const MARK = Symbol.for('ddsp.wasmHeapSlice')

/**
 * Copies `x[begin : begin + size]` (row-major, any rank) from `xv` into `ov`, one innermost run at a time.
 * @example sliceInto(Float32Array.of(1, 2, 3, 4), [2, 2], [0, 1], [2, 1], out) // out = [2, 4]
 */
export const sliceInto = <A extends Float32Array | Int32Array | Uint8Array>(xv: A, shape: readonly number[], begin: readonly number[], size: readonly number[], ov: A): void => {
  const rank = size.length
  if (rank === 0) {
    ov[0] = xv[0]!
    return
  }
  if (size.some((s) => s === 0)) return
  const strides = tf.util.computeStrides([...shape])
  if (tf.slice_util.isSliceContinous([...shape], [...begin], [...size])) {
    const start = tf.slice_util.computeFlatOffset([...begin], strides)
    ov.set(xv.subarray(start, start + ov.length))
    return
  }
  const inner = size[rank - 1]!
  const idx = new Array<number>(rank - 1).fill(0)
  for (let o = 0; o < ov.length; o += inner) {
    let off = begin[rank - 1]!
    for (let d = 0; d < rank - 1; d++) off += (begin[d]! + idx[d]!) * strides[d]!
    ov.set(xv.subarray(off, off + inner), o)
    for (let d = rank - 2; d >= 0; d--) {
      if (++idx[d]! < size[d]!) break
      idx[d] = 0
    }
  }
}

/**
 * Registers the heap-reading `Slice` for the wasm backend (once; a no-op where wasm's `Slice` is not registered).
 * @example registerWasmHeapSlice()
 */
export const registerWasmHeapSlice = (): void => {
  const original = tf.getKernel('Slice', 'wasm')
  if (original === undefined || (original as unknown as Record<symbol, unknown>)[MARK] === true) return
  const kernelFunc: tf.KernelFunc = (args) => {
    const x = args.inputs['x'] as tf.TensorInfo
    const backend = args.backend as unknown as WasmHeap
    if (x.dtype === 'string' || !arenaEnabled()) return original.kernelFunc(args)
    const { begin, size } = args.attrs as unknown as { begin: number | number[]; size?: number | number[] }
    const [b, s] = tf.slice_util.parseSliceParams(x, begin, size)
    const out = backend.makeOutput(s!, x.dtype) // allocate first: views of the heap come after
    sliceInto(backend.typedArrayFromHeap(x), x.shape, b!, s!, backend.typedArrayFromHeap(out))
    return out
  }
  tf.unregisterKernel('Slice', 'wasm')
  tf.registerKernel({ ...original, kernelFunc, [MARK]: true } as tf.KernelConfig)
}
