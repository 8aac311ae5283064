/**
 * cumsum along an axis: the Cumsum kernel in √T blocks (`blockedCumsum`)
 * where the backend has it, else a log-step (Hillis–Steele) additive scan,
 * ⌈log₂T⌉ rounds of whole-tensor slice/add/concat (Blelloch, "Prefix sums
 * and their applications", 1990). The linear recurrence has its own
 * lowerings in `scan-recurrence.ts`.
 *
 * @example
 * import { scanKernels } from './scan.js'
 * scanKernels('native').cumsum([x], { axis: 0, reverse: false, exclusive: false }, [64])
 */
import * as tf from '@tensorflow/tfjs-core'
import { sizeOf } from '../../core/shape.js'
import { axisOf, dims, input, type KernelsOf } from './common.js'

/** How cumsum is lowered on a backend. @example const l: CumsumLowering = 'native' */
export type CumsumLowering = 'native' | 'scan'

/** Along axis `axis` of x: rows `[from, from + len)`. */
const rows = (x: tf.Tensor, from: number, len: number, axis = 0): tf.Tensor =>
  tf.slice(x, x.shape.map((_, i) => (i === axis ? from : 0)), x.shape.map((d, i) => (i === axis ? len : d)))

/** Inclusive additive scan along axis 1 of `[B, T, Q]` by log-step shifted adds. */
const addScan = (x0: tf.Tensor): tf.Tensor => {
  const T = x0.shape[1] ?? 1
  let x = x0
  for (let d = 1; d < T; d *= 2) x = tf.concat([rows(x, 0, d, 1), tf.add(rows(x, d, T - d, 1), rows(x, 0, T - d, 1))], 1)
  return x
}

/** cumsum through the log-step scan, with reverse and exclusive. */
const scanCumsum = (x: tf.Tensor, axis: number, reverse: boolean, exclusive: boolean): tf.Tensor => {
  const T = x.shape[axis] ?? 1
  const v = tf.reshape(x, [sizeOf(x.shape.slice(0, axis)), T, sizeOf(x.shape.slice(axis + 1))])
  const r = reverse ? tf.reverse(v, 1) : v
  const shifted = exclusive ? tf.pad(rows(r, 0, T - 1, 1), [[0, 0], [1, 0], [0, 0]]) : r
  const s = addScan(shifted)
  return tf.reshape(reverse ? tf.reverse(s, 1) : s, x.shape)
}

/**
 * cumsum on the native Cumsum kernel, in blocks of m ≈ √T: a cumsum inside
 * each block, plus the exclusive cumsum of the block totals. float32
 * rounding then grows with m + T/m ≈ 2√T additions instead of T (phase
 * accumulated over 4000 samples: 10× smaller error), at the cost of two
 * short native cumsums.
 * @example blockedCumsum(tf.ones([2, 1000]), 1, false, false)
 */
export const blockedCumsum = (x: tf.Tensor, axis: number, reverse: boolean, exclusive: boolean): tf.Tensor => {
  const T = x.shape[axis] ?? 1
  // reversed by hand: tfjs-backend-webgpu 4.22's reverse Cumsum is wrong ([1, 2, 3] → [3, 2, 3])
  if (T <= 64) return reverse ? tf.reverse(tf.cumsum(tf.reverse(x, axis), axis, exclusive), axis) : tf.cumsum(x, axis, exclusive)
  const perm = x.shape.map((_, i) => i).filter((i) => i !== axis).concat([axis])
  const moved = tf.transpose(x, perm)
  const R = x.size / T
  const rows2 = tf.reshape(moved, [R, T])
  const v = reverse ? tf.reverse(rows2, 1) : rows2
  const m = Math.ceil(Math.sqrt(T))
  const nb = Math.ceil(T / m)
  const inner = tf.cumsum(tf.reshape(tf.pad(v, [[0, 0], [0, nb * m - T]]), [R, nb, m]), 2)
  const offsets = tf.cumsum(tf.slice(inner, [0, 0, m - 1], [R, nb, 1]), 1, true)
  const inclusive = tf.slice(tf.reshape(tf.add(inner, offsets), [R, nb * m]), [0, 0], [R, T])
  const shifted = exclusive ? tf.pad(tf.slice(inclusive, [0, 0], [R, T - 1]), [[0, 0], [1, 0]]) : inclusive
  const y = tf.reshape(reverse ? tf.reverse(shifted, 1) : shifted, moved.shape)
  const inverse = perm.map((_, i) => perm.indexOf(i))
  return tf.transpose(y, inverse)
}

/** The scan kernels for a cumsum lowering. @example scanKernels('scan').cumsum([x], { axis: 0, reverse: false, exclusive: true }, [3]) */
export const scanKernels = (cumsum: CumsumLowering): KernelsOf<'cumsum'> => ({
  cumsum: (inputs, attrs, shape) => {
    const x = input(inputs, 0)
    const axis = axisOf(attrs.axis, x.rank)
    if (sizeOf(shape) === 0) return tf.zeros(dims(shape))
    return cumsum === 'native'
      ? blockedCumsum(x, axis, attrs.reverse, attrs.exclusive)
      : scanCumsum(x, axis, attrs.reverse, attrs.exclusive)
  },
})
