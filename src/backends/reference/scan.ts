/**
 * Scans along time: `cumsum` (tf.cumsum, with `reverse` and `exclusive`) and
 * the linear `recurrence` `y[t] = a[t]·y[t−1] + x[t]`, `y[−1] = y0`, with a
 * k-dimensional state (`a: [..., T, k, k]`, `x: [..., T, k]`, `y0: [..., k]`).
 *
 * The recurrence reads `y[t−1]` back from the stored output, so running two
 * blocks with the first block's last row as the second's `y0` gives exactly
 * the one-block result in either float type.
 *
 * @example
 * import { scans } from './scan.js'
 * scans(alloc).cumsum([x], { axis: 0, reverse: false, exclusive: true }, [3]) // [1, 2, 3] → [0, 1, 3]
 */
import type { OpAttrs } from '../../core/ops.js'
import type { Shape } from '../../core/shape.js'
import { arg, axisOf, extent, sizeOf, type Alloc, type KernelsOf, type RefTensor } from './tensor.js'

const cumsum =
  (alloc: Alloc) =>
  (inputs: readonly RefTensor[], attrs: OpAttrs['cumsum'], shape: Shape): RefTensor => {
    const x = arg(inputs, 0)
    const axis = axisOf(attrs.axis, shape.length)
    const n = shape[axis] ?? 0
    const inner = extent(shape, axis + 1)
    const outer = extent(shape, 0, axis)
    const out = alloc(sizeOf(shape))
    for (let o = 0; o < outer; o++)
      for (let q = 0; q < inner; q++) {
        let acc = 0
        for (let s = 0; s < n; s++) {
          const at = (o * n + (attrs.reverse ? n - 1 - s : s)) * inner + q
          const v = x.data[at]!
          if (attrs.exclusive) out[at] = acc
          acc += v
          if (!attrs.exclusive) out[at] = acc
        }
      }
    return { data: out, shape }
  }

const recurrence =
  (alloc: Alloc) =>
  (inputs: readonly RefTensor[], _attrs: unknown, shape: Shape): RefTensor => {
    const [a, x, y0] = [arg(inputs, 0).data, arg(inputs, 1).data, arg(inputs, 2).data]
    const k = shape.at(-1) ?? 1
    const T = shape.at(-2) ?? 1
    const batch = extent(shape, 0, shape.length - 2)
    const out = alloc(sizeOf(shape))
    for (let b = 0; b < batch; b++)
      for (let t = 0; t < T; t++) {
        const row = (b * T + t) * k // start of y[t] (and x[t]) in out
        const [prev, p] = t === 0 ? [y0, b * k] : [out, row - k]
        for (let i = 0; i < k; i++) {
          let s = x[row + i]!
          for (let j = 0; j < k; j++) s += a[(row + i) * k + j]! * prev[p + j]!
          out[row + i] = s
        }
      }
    return { data: out, shape }
  }

/** The scan kernels for a float type. @example scans(alloc).recurrence([a, x, y0], {}, x.shape) */
export const scans = (alloc: Alloc): KernelsOf<'cumsum' | 'recurrence'> => ({
  cumsum: cumsum(alloc),
  recurrence: recurrence(alloc),
})
