/**
 * `gather` and `scatterAdd` on tfjs-core ops, with the reference semantics:
 * indices are rounded to nearest (Math.round, i.e. ⌊i + ½⌋); an index outside
 * `[0, n)` reads 0 (gather) or is dropped (scatterAdd).
 *
 * gather: view x as a table of `[B·n, P·Q]` rows (tfjs-wasm's own
 * `batchDims` path is wrong when axis > batchDims), gather rows
 * `b·n + clamp(idx)` with a plain axis-0 gather, zero the out-of-range reads
 * with `tf.where` and restore the layout. scatterAdd: view the
 * updates as `[B·I, P·Q]` rows and accumulate them with `tf.scatterND` (which
 * sums duplicates; tfjs-wasm has no UnsortedSegmentSum) into `[B, size, P·Q]`,
 * out-of-range rows zeroed and sent to row 0.
 *
 * @example
 * import { indexing } from './indexing.js'
 * indexing.gather([x, idx], { axis: 0, batchDims: 0 }, [2, 4]) // x: [16], idx: [2, 4]
 */
import * as tf from '@tensorflow/tfjs-core'
import { sizeOf, type Shape } from '../../core/shape.js'
import { axisOf, dims, input, type KernelsOf } from './common.js'

/** Rounded indices and a boolean mask of those inside `[0, n)`. */
const rounded = (idx: tf.Tensor, n: number): { readonly j: tf.Tensor; readonly ok: tf.Tensor } => {
  const r = tf.floor(tf.add(idx, tf.scalar(0.5)))
  const ok = tf.logicalAnd(tf.greaterEqual(r, tf.scalar(0)), tf.less(r, tf.scalar(n)))
  return { j: tf.cast(tf.where(ok, r, tf.zerosLike(r)), 'int32'), ok }
}

/** Row `r` of the `[B·I]` index rows belongs to batch ⌊r / I⌋. */
const batchOfRow = (B: number, I: number): tf.Tensor => {
  const b = new Int32Array(B * I)
  for (let r = 0; r < b.length; r++) b[r] = Math.floor(r / I)
  return tf.tensor1d(b, 'int32')
}

const gather: KernelsOf<'gather'>['gather'] = (inputs, attrs, shape) => {
  const x = input(inputs, 0)
  const idx = input(inputs, 1)
  const axis = axisOf(attrs.axis, x.rank)
  const bd = attrs.batchDims
  const [B, P, n, I, Q] = [sizeOf(x.shape.slice(0, bd)), sizeOf(x.shape.slice(bd, axis)), x.shape[axis] ?? 0, sizeOf(idx.shape.slice(bd)), sizeOf(x.shape.slice(axis + 1))]
  if (sizeOf(shape) === 0 || x.size === 0) return tf.zeros(dims(shape))
  const table = tf.reshape(tf.transpose(tf.reshape(x, [B, P, n, Q]), [0, 2, 1, 3]), [B * n, P * Q])
  const { j, ok } = rounded(tf.reshape(idx, [B * I]), n)
  const row = tf.add(j, tf.mul(batchOfRow(B, I), tf.scalar(n, 'int32')))
  const got = tf.gather(table, row, 0)
  const picked = tf.where(tf.broadcastTo(tf.reshape(ok, [B * I, 1]), got.shape), got, tf.zerosLike(got))
  return tf.reshape(tf.transpose(tf.reshape(picked, [B, I, P, Q]), [0, 2, 1, 3]), dims(shape))
}

const scatterAdd: KernelsOf<'scatterAdd'>['scatterAdd'] = (inputs, { axis, batchDims: bd, size }, shape: Shape) => {
  const u = input(inputs, 0)
  const idx = input(inputs, 1)
  const span = idx.rank - bd
  const [B, P, I, Q] = [sizeOf(u.shape.slice(0, bd)), sizeOf(u.shape.slice(bd, axis)), sizeOf(idx.shape.slice(bd)), sizeOf(u.shape.slice(axis + span))]
  if (sizeOf(shape) === 0 || u.size === 0) return tf.zeros(dims(shape))
  const rows = tf.reshape(tf.transpose(tf.reshape(u, [B, P, I, Q]), [0, 2, 1, 3]), [B * I, P * Q])
  const { j, ok } = rounded(tf.reshape(idx, [B * I]), size)
  const okRows = tf.broadcastTo(tf.reshape(ok, [B * I, 1]), rows.shape)
  const updates = tf.where(okRows, rows, tf.zerosLike(rows))
  const at = tf.stack([batchOfRow(B, I), j], 1)
  const acc = tf.scatterND(at, updates, [B, size, P * Q])
  return tf.reshape(tf.transpose(tf.reshape(acc, [B, size, P, Q]), [0, 2, 1, 3]), dims(shape))
}

/** The indexing kernels. @example indexing.scatterAdd([u, idx], { axis: 0, batchDims: 0, size: 16 }, [16]) */
export const indexing: KernelsOf<'gather' | 'scatterAdd'> = { gather, scatterAdd }
