/**
 * Shapes: static tensor extents, the broadcasting rule and axis arithmetic.
 *
 * Every node in a signal graph has a static shape, checked when the node is
 * built (like XLA). Broadcasting follows NumPy: align trailing axes; an axis of
 * 1 stretches.
 *
 * @example
 * import { broadcastShapes, sizeOf } from './shape.js'
 * broadcastShapes([4, 1, 3], [5, 3]) // Right([4, 5, 3])
 * sizeOf([4, 5, 3])                  // 60
 */
import * as E from 'fp-ts/lib/Either.js'

/** A tensor's extents, outermost first. `[]` is a scalar. */
export type Shape = readonly number[]

/** The static type of a node: only the shape; every value is a real float. */
export interface TensorType {
  readonly shape: Shape
}

/**
 * Number of elements of a shape.
 * @example sizeOf([2, 3]) // 6
 */
export const sizeOf = (shape: Shape): number => shape.reduce((n, d) => n * d, 1)

/**
 * Row-major strides of a shape (elements, not bytes).
 * @example stridesOf([2, 3, 4]) // [12, 4, 1]
 */
export const stridesOf = (shape: Shape): number[] => {
  const s = new Array<number>(shape.length)
  let acc = 1
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc
    acc *= shape[i] ?? 1
  }
  return s
}

/** Whether two shapes are equal. @example sameShape([2], [2]) // true */
export const sameShape = (a: Shape, b: Shape): boolean =>
  a.length === b.length && a.every((d, i) => d === b[i])

/** `[2, 3]` as text, for error messages. @example showShape([2, 3]) // '[2,3]' */
export const showShape = (s: Shape): string => `[${s.join(',')}]`

/**
 * NumPy broadcasting of any number of shapes.
 * @returns `Left(message)` if two extents differ and neither is 1.
 * @example broadcastShapes([3, 1], [1, 4]) // Right([3, 4])
 */
export const broadcastShapes = (...shapes: readonly Shape[]): E.Either<string, Shape> => {
  const rank = Math.max(0, ...shapes.map((s) => s.length))
  const out = new Array<number>(rank).fill(1)
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const o = rank - s.length + i
      const d = s[i] ?? 1
      const cur = out[o] ?? 1
      if (cur === 1) out[o] = d
      else if (d !== 1 && d !== cur)
        return E.left(`cannot broadcast shapes ${shapes.map(showShape).join(' and ')}`)
    }
  }
  return E.right(out)
}

/**
 * Resolves a possibly negative axis against a rank.
 * @returns the axis in `[0, rank)`, or `undefined` if out of range.
 * @example normalizeAxis(-1, 3) // 2
 */
export const normalizeAxis = (axis: number, rank: number): number | undefined => {
  const a = axis < 0 ? axis + rank : axis
  return Number.isInteger(a) && a >= 0 && a < rank ? a : undefined
}

/** Whether `n` is a valid extent (a non-negative integer). */
export const isExtent = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0

/** Whether `s` is a valid shape. @example isShape([2, 0]) // true */
export const isShape = (s: unknown): s is Shape => Array.isArray(s) && s.every(isExtent)

/** The axes along which `from` was broadcast to reach `to` (for summing a cotangent back). */
export const broadcastAxes = (from: Shape, to: Shape): number[] => {
  const lead = to.length - from.length
  const axes: number[] = []
  for (let i = 0; i < to.length; i++) {
    const f = i < lead ? undefined : from[i - lead]
    if (f === undefined || (f === 1 && to[i] !== 1)) axes.push(i)
  }
  return axes
}

/** Number of rfft bins for length n: ⌊n/2⌋ + 1. @example binsOf(8) // 5 */
export const binsOf = (n: number): number => Math.floor(n / 2) + 1
