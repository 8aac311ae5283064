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

/**
 * tf.pad with every unpadded axis folded into the axis before it (padding
 * scaled by its size), so at most the padded axes remain, and in steps of
 * at most 4 padded axes: tfjs-backend-webgpu 4.22 writes invalid WGSL for
 * PadV2 of rank 5 (`cannot index type 'vec5'`), which fails silently.
 * @example padFolded(tf.zeros([1, 2, 3, 2, 2]), [[0, 0], [0, 0], [1, 0], [0, 0], [0, 0]]).shape // [2, 16]
 */
export const padFolded = (x: tf.Tensor, pads: ReadonlyArray<readonly [number, number]>): tf.Tensor => {
  const dimsOut: number[] = []
  const padsOut: Array<[number, number]> = []
  x.shape.forEach((d, i) => {
    const [b, a] = pads[i] ?? [0, 0]
    const last = padsOut.length - 1
    if (b === 0 && a === 0 && last >= 0) {
      dimsOut[last] = dimsOut[last]! * d
      padsOut[last] = [padsOut[last]![0] * d, padsOut[last]![1] * d]
    } else {
      dimsOut.push(d)
      padsOut.push([b, a])
    }
  })
  const padded = padsOut.flatMap((p, i) => (p[0] !== 0 || p[1] !== 0 ? [i] : []))
  if (padded.length <= 4 && dimsOut.length <= 4) return tf.pad(tf.reshape(x, dimsOut), padsOut)
  // more than four padded axes: the first four now, the rest on the result
  const first = padded.slice(0, dimsOut.length > padded.length ? 3 : 4) // a leading unpadded axis takes a slot
  const step = tf.reshape(
    padFolded(tf.reshape(x, dimsOut), padsOut.map((p, i) => (first.includes(i) ? p : [0, 0]))),
    dimsOut.map((d, i) => (first.includes(i) ? d + padsOut[i]![0] + padsOut[i]![1] : d)),
  )
  return padFolded(step, padsOut.map((p, i) => (first.includes(i) ? [0, 0] : p)))
}

/**
 * tf.reverse with runs of adjacent axes that are all reversed or all kept
 * (size-1 axes join either) merged into one axis, in steps of at most 4
 * axes: tfjs-backend-webgpu 4.22's Reverse fails for rank 5 (a reshape of
 * the wrong size).
 * @example reverseFolded(tf.zeros([3, 3, 4, 1, 1]), [2]).shape // [9, 4]
 */
export const reverseFolded = (x: tf.Tensor, axes: readonly number[]): tf.Tensor => {
  const dimsOut: number[] = []
  const flags: boolean[] = []
  x.shape.forEach((d, i) => {
    const rev = axes.includes(i)
    const last = dimsOut.length - 1
    if (last >= 0 && (d === 1 || flags[last] === rev)) dimsOut[last] = dimsOut[last]! * d
    else if (last === 0 && dimsOut[0] === 1) [dimsOut[0], flags[0]] = [d, rev]
    else [dimsOut[last + 1], flags[last + 1]] = [d, rev]
  })
  const on = flags.flatMap((f, i) => (f ? [i] : []))
  const folded = tf.reshape(x, dimsOut)
  if (on.length === 0) return tf.clone(folded)
  if (dimsOut.length <= 4) return tf.reverse(folded, on)
  // five or more alternating runs: one reversed run per pass (at most 3 axes once folded)
  return reverseFolded(tf.reshape(reverseFolded(folded, on.slice(0, 1)), dimsOut), on.slice(1))
}

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
  pad: (inputs, { before, after }, shape) =>
    tf.reshape(padFolded(input(inputs, 0), before.map((b, i): [number, number] => [b, after[i] ?? 0])), dims(shape)),
  concat: (inputs, { axis }) => tf.concat([...inputs], axisOf(axis, input(inputs, 0).rank)),
  reverse: (inputs, { axes }) => {
    const x = input(inputs, 0)
    return axes.length === 0 ? tf.clone(x) : tf.reshape(reverseFolded(x, axes.map((a) => axisOf(a, x.rank))), x.shape)
  },
}
