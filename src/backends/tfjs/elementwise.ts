/**
 * Elementwise kernels on tfjs-core ops: unary maths, broadcasting binary
 * ops, `less` (cast to float 1/0) and `select` (mask ≠ 0 ? a : b).
 *
 * @example
 * import { elementwise } from './elementwise.js'
 * elementwise.add([tf.ones([4, 1]), tf.ones([3])], {}, [4, 3])
 */
import * as tf from '@tensorflow/tfjs-core'
import type { Shape } from '../../core/shape.js'
import { dims, input, type KernelsOf } from './common.js'

type UnaryOp = 'neg' | 'exp' | 'log' | 'sin' | 'cos' | 'sqrt' | 'tanh' | 'abs' | 'sign' | 'floor' | 'stopGradient'
type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum' | 'atan2' | 'less'
type Plain = (inputs: readonly tf.Tensor[], attrs: unknown, shape: Shape) => tf.Tensor

const unary =
  (f: (x: tf.Tensor) => tf.Tensor): Plain =>
  (inputs) =>
    f(input(inputs, 0))

const binary =
  (f: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor): Plain =>
  (inputs) =>
    f(input(inputs, 0), input(inputs, 1))

/** `mask != 0 ? a : b` with all three broadcast to the output shape. */
const select: Plain = (inputs, _attrs, shape) => {
  const s = dims(shape)
  const m = tf.notEqual(tf.broadcastTo(input(inputs, 0), s), tf.scalar(0))
  return tf.where(m, tf.broadcastTo(input(inputs, 1), s), tf.broadcastTo(input(inputs, 2), s))
}

/** The elementwise kernels. @example elementwise.sin([x], {}, x.shape) */
export const elementwise: KernelsOf<UnaryOp | BinaryOp | 'select'> = {
  neg: unary(tf.neg), exp: unary(tf.exp), log: unary(tf.log), sin: unary(tf.sin), cos: unary(tf.cos),
  sqrt: unary(tf.sqrt), tanh: unary(tf.tanh), abs: unary(tf.abs), sign: unary(tf.sign), floor: unary(tf.floor),
  stopGradient: unary(tf.clone),
  add: binary(tf.add), sub: binary(tf.sub), mul: binary(tf.mul), div: binary(tf.div), pow: binary(tf.pow),
  maximum: binary(tf.maximum), minimum: binary(tf.minimum), atan2: binary(tf.atan2),
  less: binary((a, b) => tf.cast(tf.less(a, b), 'float32')),
  select,
}
