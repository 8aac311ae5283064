/**
 * Layout kernels on tfjs-core ops. Every kernel returns
 * a new tensor handle (reshape shares the buffer, reference-counted), never
 * one of its inputs, because the interpreter disposes inputs and outputs
 * separately.
 *
 * @example
 * import { layout } from './layout.js'
 * layout.pad([x], { before: [1], after: [0] }, [4]) // x: [3]
 */
import * as tf from '@tensorflow/tfjs-core'
import { sizeOf } from '../../core/shape.js'
import { axisOf, dims, input, type KernelsOf } from './common.js'

type LayoutOp = 'reshape' | 'broadcast' | 'transpose' | 'slice' | 'pad' | 'concat' | 'reverse'

/** The layout kernels. @example layout.pad([x], { before: [1], after: [0] }, [4]) */
export const layout: KernelsOf<LayoutOp> = {
  reshape: (inputs, _attrs, shape) => tf.reshape(input(inputs, 0), dims(shape)),
  broadcast: (inputs, _attrs, shape) => {
    const x = input(inputs, 0)
    const lead = shape.length - x.rank
    const x1 = lead > 0 ? tf.reshape(x, [...new Array<number>(lead).fill(1), ...x.shape]) : x
    // x·1 with NumPy broadcasting: exact (keeps −0, NaN, ±Inf) and an XNNPACK/vectorised multiply,
    // where tf.tile (also behind tf.broadcastTo) is a per-element gather: 3M floats 197 ms vs 20 ms on wasm
    return sizeOf(x1.shape) === sizeOf(shape) ? tf.reshape(x1, dims(shape)) : tf.mul(x1, tf.ones(dims(shape)))
  },
  transpose: (inputs, { perm }) => tf.transpose(input(inputs, 0), [...perm]),
  slice: (inputs, { begin, size }) => tf.slice(input(inputs, 0), [...begin], [...size]),
  pad: (inputs, { before, after }) =>
    tf.pad(input(inputs, 0), before.map((b, i): [number, number] => [b, after[i] ?? 0])),
  concat: (inputs, { axis }) => tf.concat([...inputs], axisOf(axis, input(inputs, 0).rank)),
  reverse: (inputs, { axes }) => {
    const x = input(inputs, 0)
    return axes.length === 0 ? tf.clone(x) : tf.reverse(x, axes.map((a) => axisOf(a, x.rank)))
  },
}
