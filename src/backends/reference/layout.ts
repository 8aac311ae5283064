/**
 * Layout kernels: reshape (shares the buffer, since values are never
 * mutated), broadcast, transpose, slice, pad, concat and reverse. Each is a
 * strided read or write: broadcast zeroes strides, transpose permutes them,
 * slice moves the base, reverse negates strides and starts at the far end,
 * pad and concat write the input into a window of a zeroed output.
 *
 * @example
 * import { layout } from './layout.js'
 * layout(alloc).transpose([x], { perm: [1, 0] }, [3, 2]) // x: [2, 3]
 */
import type { OpAttrs } from '../../core/ops.js'
import type { Shape } from '../../core/shape.js'
import {
  arg, axesOf, axisOf, broadcastStrides, gatherView, scatterView, sizeOf, stridesOf,
  type Alloc, type KernelsOf, type RefTensor,
} from './tensor.js'

type LayoutOp = 'reshape' | 'broadcast' | 'transpose' | 'slice' | 'pad' | 'concat' | 'reverse'
type K<Op extends LayoutOp> = (inputs: readonly RefTensor[], attrs: OpAttrs[Op], shape: Shape) => RefTensor

/** Flat offset of a multi-index under `strides`. */
const dot = (idx: readonly number[], strides: readonly number[]): number =>
  idx.reduce((s, v, d) => s + v * (strides[d] ?? 0), 0)

const transpose =
  (alloc: Alloc): K<'transpose'> =>
  (inputs, { perm }, shape) => {
    const x = arg(inputs, 0)
    const xs = stridesOf(x.shape)
    return { data: gatherView(alloc, x.data, shape, perm.map((p) => xs[p] ?? 0)), shape }
  }

const slice =
  (alloc: Alloc): K<'slice'> =>
  (inputs, { begin }, shape) => {
    const x = arg(inputs, 0)
    const xs = stridesOf(x.shape)
    return { data: gatherView(alloc, x.data, shape, xs, dot(begin, xs)), shape }
  }

const reverse =
  (alloc: Alloc): K<'reverse'> =>
  (inputs, { axes }, shape) => {
    const x = arg(inputs, 0)
    const rev = axesOf(axes, x.shape.length)
    const xs = stridesOf(x.shape)
    const last = x.shape.map((d, i) => (rev.includes(i) ? Math.max(d - 1, 0) : 0))
    const strides = xs.map((s, i) => (rev.includes(i) ? -s : s))
    return { data: gatherView(alloc, x.data, shape, strides, dot(last, xs)), shape }
  }

const pad =
  (alloc: Alloc): K<'pad'> =>
  (inputs, { before }, shape) => {
    const x = arg(inputs, 0)
    const out = alloc(sizeOf(shape))
    const os = stridesOf(shape)
    scatterView(out, x.data, x.shape, os, dot(before, os))
    return { data: out, shape }
  }

const concat =
  (alloc: Alloc): K<'concat'> =>
  (inputs, attrs, shape) => {
    const axis = axisOf(attrs.axis, shape.length)
    const out = alloc(sizeOf(shape))
    const os = stridesOf(shape)
    let at = 0
    for (const x of inputs) {
      scatterView(out, x.data, x.shape, os, at * (os[axis] ?? 0))
      at += x.shape[axis] ?? 0
    }
    return { data: out, shape }
  }

/** The layout kernels for a float type. @example layout(alloc).pad([x], { before: [1], after: [0] }, [4]) */
export const layout = (alloc: Alloc): KernelsOf<LayoutOp> => ({
  reshape: (inputs, _attrs, shape) => ({ data: arg(inputs, 0).data, shape }),
  broadcast: (inputs, _attrs, shape) => {
    const x = arg(inputs, 0)
    return { data: gatherView(alloc, x.data, shape, broadcastStrides(x.shape, shape)), shape }
  },
  transpose: transpose(alloc),
  slice: slice(alloc),
  pad: pad(alloc),
  concat: concat(alloc),
  reverse: reverse(alloc),
})
