/**
 * Reduction kernels on tfjs-core ops (`sum`, `reduceMax` over a set of
 * axes). Every kernel returns a new tensor handle, never one of its inputs,
 * because the interpreter disposes inputs and outputs separately.
 *
 * @example
 * import { reduce } from './reduce.js'
 * reduce.sum([x], { axes: [1] }, [2]) // x: [2, 3]
 */
import * as tf from '@tensorflow/tfjs-core'
import { axisOf, input, type KernelsOf } from './common.js'

/** A reduction over `axes`; no axes is the identity (a fresh handle). */
const reduction =
  (f: (x: tf.Tensor, axes: number[]) => tf.Tensor) =>
  (inputs: readonly tf.Tensor[], { axes }: { readonly axes: readonly number[] }): tf.Tensor => {
    const x = input(inputs, 0)
    return axes.length === 0 ? tf.clone(x) : f(x, axes.map((a) => axisOf(a, x.rank)))
  }

/** The reduction kernels. @example reduce.reduceMax([x], { axes: [] }, x.shape) // a fresh handle of x */
export const reduce: KernelsOf<'sum' | 'reduceMax'> = {
  sum: reduction((x, axes) => tf.sum(x, axes)),
  reduceMax: reduction((x, axes) => tf.max(x, axes)),
}
