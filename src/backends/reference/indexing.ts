/**
 * `gather` (tf.gather with `batchDims`) and its exact transpose `scatterAdd`.
 *
 * Both view their operands as blocks: x as `[B, P, n, Q]` and idx as
 * `[B, I]`, where B spans the `batchDims` shared axes, P the axes of x
 * between them and `axis`, n the gathered axis, I the remaining index axes
 * and Q the axes after `axis`. Then `out[b, p, i, q] = x[b, p, idx[b, i], q]`
 * (gather) and `out[b, p, idx[b, i], q] += u[b, p, i, q]` (scatterAdd).
 * Indices are rounded; out-of-range ones read 0 (gather) or are dropped
 * (scatterAdd).
 *
 * @example
 * import { indexing } from './indexing.js'
 * indexing(alloc).gather([x, idx], { axis: 0, batchDims: 0 }, [2, 4]) // x: [16], idx: [2, 4]
 */
import type { OpAttrs } from '../../core/ops.js'
import type { Shape } from '../../core/shape.js'
import { arg, axisOf, extent, sizeOf, store, type Alloc, type FloatArray, type KernelsOf, type RefTensor } from './tensor.js'

/** Extents of the `[B, P, n, I, Q]` block view. */
interface Blocks {
  readonly B: number
  readonly P: number
  readonly n: number
  readonly I: number
  readonly Q: number
}

/** The rounded index, or −1 when outside `[0, n)` (or not a number). */
const indexAt = (idx: FloatArray, k: number, n: number): number => {
  const j = Math.round(idx[k]!)
  return j >= 0 && j < n ? j : -1
}

/** For every in-range index, calls `visit` with the `Q`-run numbers of block `[b, p, idx[b, i]]` (in `[B, P, n]`) and `[b, p, i]` (in `[B, P, I]`). */
const eachRun = (
  { B, P, n, I }: Blocks,
  idx: FloatArray,
  visit: (nRun: number, iRun: number) => void,
): void => {
  for (let b = 0; b < B; b++)
    for (let p = 0; p < P; p++)
      for (let i = 0; i < I; i++) {
        const j = indexAt(idx, b * I + i, n)
        if (j >= 0) visit((b * P + p) * n + j, (b * P + p) * I + i)
      }
}

const gather =
  (alloc: Alloc) =>
  (inputs: readonly RefTensor[], attrs: OpAttrs['gather'], shape: Shape): RefTensor => {
    const x = arg(inputs, 0)
    const idx = arg(inputs, 1)
    const axis = axisOf(attrs.axis, x.shape.length)
    const bd = attrs.batchDims
    const blocks: Blocks = {
      B: extent(x.shape, 0, bd),
      P: extent(x.shape, bd, axis),
      n: x.shape[axis] ?? 0,
      I: extent(idx.shape, bd),
      Q: extent(x.shape, axis + 1),
    }
    const Q = blocks.Q
    const out = alloc(sizeOf(shape))
    eachRun(blocks, idx.data, (xb, ob) => {
      for (let q = 0; q < Q; q++) out[ob * Q + q] = x.data[xb * Q + q]!
    })
    return { data: out, shape }
  }

const scatterAdd =
  (alloc: Alloc) =>
  (inputs: readonly RefTensor[], attrs: OpAttrs['scatterAdd'], shape: Shape): RefTensor => {
    const u = arg(inputs, 0)
    const idx = arg(inputs, 1)
    const { axis, batchDims: bd, size } = attrs
    const span = idx.shape.length - bd
    const blocks: Blocks = {
      B: extent(u.shape, 0, bd),
      P: extent(u.shape, bd, axis),
      n: size,
      I: extent(idx.shape, bd),
      Q: extent(u.shape, axis + span),
    }
    const Q = blocks.Q
    const acc = new Float64Array(sizeOf(shape))
    eachRun(blocks, idx.data, (ob, ub) => {
      for (let q = 0; q < Q; q++) acc[ob * Q + q]! += u.data[ub * Q + q]!
    })
    return { data: store(alloc, acc), shape }
  }

/** The indexing kernels for a float type. @example indexing(alloc).scatterAdd([u, idx], { axis: 0, batchDims: 0, size: 16 }, [16]) */
export const indexing = (alloc: Alloc): KernelsOf<'gather' | 'scatterAdd'> => ({
  gather: gather(alloc),
  scatterAdd: scatterAdd(alloc),
})
