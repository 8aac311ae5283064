/**
 * The reference backend's value type, `RefTensor` (a flat row-major float
 * array and its shape), and the index arithmetic its kernels share: axis
 * normalisation, broadcast strides, and an odometer that lists the flat
 * offsets of a strided view. Every layout op is one such view: a transpose
 * permutes strides, a slice moves the base, a reverse negates strides, a
 * broadcast zeroes them.
 *
 * @example
 * import { stridedOffsets } from './tensor.js'
 * stridedOffsets([2, 2], [1, 2]) // Int32Array [0, 2, 1, 3]: a 2×2 matrix read transposed
 */
import type { Kernels } from '../../core/backend.js'
import { normalizeAxis, sameShape, sizeOf, stridesOf, type Shape } from '../../core/shape.js'

export { sizeOf, stridesOf }

/** A host float array: the storage of every reference value. */
export type FloatArray = Float32Array | Float64Array

/** A reference-backend value: immutable flat data in row-major order and its shape. */
export interface RefTensor {
  readonly data: FloatArray
  readonly shape: Shape
}

/** Allocates a zeroed array of the backend's float type. @example const alloc: Alloc = (n) => new Float64Array(n) */
export type Alloc = (n: number) => FloatArray

/** A subset of the kernel table, as each kernel file returns it. @example type E = KernelsOf<'neg' | 'exp'> */
export type KernelsOf<K extends keyof Kernels<RefTensor>> = Pick<Kernels<RefTensor>, K>

/** Wraps data and shape as a value. @example tensor(new Float64Array([1, 2]), [2]) */
export const tensor = (data: FloatArray, shape: Shape): RefTensor => ({ data, shape })

/** The `i`-th kernel input, or a thrown error if the interpreter passed too few. @example arg([x], 0) // x */
export const arg = (inputs: readonly RefTensor[], i: number): RefTensor => {
  const x = inputs[i]
  if (x === undefined) throw new Error(`reference kernel: missing input ${i}`)
  return x
}

/** Copies JS-number results into the backend's float type. @example store(alloc, new Float64Array([0.1])) */
export const store = (alloc: Alloc, values: Float64Array): FloatArray => {
  const out = alloc(values.length)
  out.set(values)
  return out
}

/** A possibly negative axis resolved against `rank` (throws if out of range). @example axisOf(-1, 3) // 2 */
export const axisOf = (axis: number, rank: number): number => {
  const a = normalizeAxis(axis, rank)
  if (a === undefined) throw new Error(`reference kernel: axis ${axis} out of range for rank ${rank}`)
  return a
}

/** Several axes resolved against `rank`. @example axesOf([0, -1], 3) // [0, 2] */
export const axesOf = (axes: readonly number[], rank: number): number[] => axes.map((a) => axisOf(a, rank))

/** Product of `shape[from:to]` (1 when empty). @example extent([2, 3, 4], 1, 3) // 12 */
export const extent = (shape: Shape, from: number, to: number = shape.length): number => sizeOf(shape.slice(from, to))

/**
 * Strides of a contiguous `from` as seen from the broadcast shape `to`
 * (trailing axes aligned; 0 on missing or stretched axes).
 * @example broadcastStrides([3, 1], [2, 3, 4]) // [0, 1, 0]
 */
export const broadcastStrides = (from: Shape, to: Shape): number[] => {
  const own = stridesOf(from)
  const lead = to.length - from.length
  return to.map((d, i) => {
    const f = i < lead ? undefined : from[i - lead]
    return f === undefined || (f === 1 && d !== 1) ? 0 : (own[i - lead] ?? 0)
  })
}

/**
 * The odometer: flat offsets `base + Σ idx[d]·strides[d]` for every index of
 * `shape`, in row-major order.
 * @example stridedOffsets([3], [-1], 2) // Int32Array [2, 1, 0]
 */
export const stridedOffsets = (shape: Shape, strides: readonly number[], base = 0): Int32Array => {
  const n = sizeOf(shape)
  const out = new Int32Array(n)
  const rank = shape.length
  const idx = new Int32Array(rank)
  let off = base
  for (let i = 0; i < n; i++) {
    out[i] = off
    for (let d = rank - 1; d >= 0; d--) {
      const s = strides[d] ?? 0
      off += s
      if (++idx[d]! < shape[d]!) break
      off -= s * shape[d]!
      idx[d] = 0
    }
  }
  return out
}

/**
 * Where each element of the broadcast shape `to` reads from a contiguous
 * `from`; `undefined` when the shapes are equal (identity).
 * @example readMap([3], [2, 3]) // Int32Array [0, 1, 2, 0, 1, 2]
 */
export const readMap = (from: Shape, to: Shape): Int32Array | undefined =>
  sameShape(from, to) ? undefined : stridedOffsets(to, broadcastStrides(from, to))

/** Copies the strided view `(shape, strides, base)` of `src` into a new array. @example gatherView(alloc, x.data, [2], [1], 1) */
export const gatherView = (alloc: Alloc, src: FloatArray, shape: Shape, strides: readonly number[], base = 0): FloatArray => {
  const map = stridedOffsets(shape, strides, base)
  const out = alloc(map.length)
  for (let i = 0; i < map.length; i++) out[i] = src[map[i]!]!
  return out
}

/** Writes contiguous `src` of `shape` into the strided view `(strides, base)` of `out`. @example scatterView(out, x.data, [2], [1], 3) */
export const scatterView = (out: FloatArray, src: FloatArray, shape: Shape, strides: readonly number[], base = 0): void => {
  const map = stridedOffsets(shape, strides, base)
  for (let i = 0; i < map.length; i++) out[map[i]!] = src[i]!
}
