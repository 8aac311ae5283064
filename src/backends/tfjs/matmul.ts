/**
 * The batched matrix product on tfjs-core (`tf.matMul`), batch axes
 * broadcast as NumPy does.
 *
 * @example
 * import { matmul } from './matmul.js'
 * matmul.matmul([a, b], { transposeA: false, transposeB: false }, [4, 2, 5]) // a: [4, 2, 3], b: [3, 5]
 */
import * as tf from '@tensorflow/tfjs-core'
import { sameShape, sizeOf, type Shape } from '../../core/shape.js'
import { input, type KernelsOf } from './common.js'

/**
 * A matmul operand with its batch axes broadcast to the output's: tfjs
 * BatchMatMul pairs batches by index modulo each operand's batch count, which
 * is NumPy broadcasting only when that count is 1 or the batch shapes agree.
 */
const fullBatch = (x: tf.Tensor, out: Shape): tf.Tensor => {
  const batch = out.slice(0, -2)
  const own = x.shape.slice(0, -2)
  return sizeOf(own) === 1 || sameShape(own, batch) ? x : tf.broadcastTo(x, [...batch, ...x.shape.slice(-2)])
}

/** The matmul kernel. @example matmul.matmul([a, b], { transposeA: true, transposeB: false }, [3, 5]) // a: [2, 3], b: [2, 5] */
export const matmul: KernelsOf<'matmul'> = {
  matmul: (inputs, { transposeA, transposeB }, shape) =>
    tf.matMul(fullBatch(input(inputs, 0), shape), fullBatch(input(inputs, 1), shape), transposeA, transposeB),
}
