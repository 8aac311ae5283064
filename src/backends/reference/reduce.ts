/**
 * Reductions over a set of axes (possibly negative), which are removed from
 * the shape: `sum` and `reduceMax`. Each input element is routed to its
 * output slot by an odometer whose strides are 0 on the reduced axes; the
 * accumulator is float64 and rounded to the backend's type once at the end.
 *
 * @example
 * import { reductions } from './reduce.js'
 * reductions(alloc).sum([x], { axes: [-1] }, [2]) // x: [2, 3] → row sums
 */
import type { Shape } from '../../core/shape.js'
import { arg, axesOf, sizeOf, store, stridedOffsets, stridesOf, type Alloc, type KernelsOf, type RefTensor } from './tensor.js'

type Reduction = (inputs: readonly RefTensor[], attrs: { readonly axes: readonly number[] }, shape: Shape) => RefTensor

const reduction =
  (alloc: Alloc, init: number, combine: (acc: number, x: number) => number): Reduction =>
  (inputs, attrs, shape) => {
    const x = arg(inputs, 0)
    const axes = axesOf(attrs.axes, x.shape.length)
    const kept = x.shape.map((d, i) => (axes.includes(i) ? 1 : d))
    const toOut = stridedOffsets(x.shape, stridesOf(kept).map((s, i) => (axes.includes(i) ? 0 : s)))
    const acc = new Float64Array(sizeOf(shape)).fill(init)
    for (let i = 0; i < toOut.length; i++) {
      const o = toOut[i]!
      acc[o] = combine(acc[o]!, x.data[i]!)
    }
    return { data: store(alloc, acc), shape }
  }

/** The reduction kernels for a float type. @example reductions(alloc).reduceMax([x], { axes: [0] }, [3]) */
export const reductions = (alloc: Alloc): KernelsOf<'sum' | 'reduceMax'> => ({
  sum: reduction(alloc, 0, (acc, x) => acc + x),
  reduceMax: reduction(alloc, -Infinity, Math.max),
})
