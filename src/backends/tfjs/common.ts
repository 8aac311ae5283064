/**
 * Shared helpers of the tfjs kernels: input access, float32 host uploads and
 * a per-backend cache of constant tensors (twiddles, DFT matrices) that are
 * made once and kept out of every `tf.tidy`.
 *
 * @example
 * import { cached, input } from './common.js'
 * const w = cached('dft:8', () => tf.tensor2d(new Float32Array(80), [8, 10]))
 * const x = input([w], 0)
 */
import * as tf from '@tensorflow/tfjs-core'
import type { Kernels } from '../../core/backend.js'
import type { Shape } from '../../core/shape.js'

/** A subset of the tfjs kernel table, as each kernel file returns it. @example type U = KernelsOf<'sin'> */
export type KernelsOf<K extends keyof Kernels<tf.Tensor>> = Pick<Kernels<tf.Tensor>, K>

/** The `i`-th kernel input, or a thrown error if the interpreter passed too few. @example input([x], 0) // x */
export const input = (inputs: readonly tf.Tensor[], i: number): tf.Tensor => {
  const x = inputs[i]
  if (x === undefined) throw new Error(`tfjs kernel: missing input ${i}`)
  return x
}

/** A mutable copy of a shape, as tfjs wants it. @example dims([2, 3]) // [2, 3] */
export const dims = (shape: Shape): number[] => [...shape]

/** Uploads host values as a float32 tensor. @example upload32(new Float64Array([1, 2]), [2]) */
export const upload32 = (data: ArrayLike<number>, shape: Shape): tf.Tensor =>
  tf.tensor(data instanceof Float32Array ? data : Float32Array.from(data), dims(shape), 'float32')

const store = new Map<string, tf.Tensor>()

/**
 * A constant tensor made once per tfjs backend and `key`, kept alive (tf.keep)
 * for the life of the process; callers must not dispose it.
 * @example cached('ones:4', () => tf.ones([4]))
 */
export const cached = (key: string, make: () => tf.Tensor): tf.Tensor => {
  const k = `${tf.getBackend()}:${key}`
  const hit = store.get(k)
  if (hit !== undefined && !hit.isDisposed) return hit
  const t = tf.keep(tf.tidy(make))
  store.set(k, t)
  return t
}

/** Normalises a possibly negative axis. @example axisOf(-1, 3) // 2 */
export const axisOf = (axis: number, rank: number): number => (axis < 0 ? axis + rank : axis)
