/**
 * Shared pieces of type rules: validity checks that return messages.
 *
 * @example
 * sameAsInput([{ shape: [3] }]) // Right({ shape: [3] })
 */
import * as E from 'fp-ts/lib/Either.js'
import { broadcastShapes, isShape, normalizeAxis, showShape, type Shape, type TensorType } from '../shape.js'

/** The type of an elementwise unary op: its input's. */
export const sameAsInput = (ins: readonly TensorType[]): E.Either<string, TensorType> =>
  ins[0] === undefined ? E.left('missing input') : E.right({ shape: ins[0].shape })

/** The type of a broadcasting elementwise op. */
export const broadcastType = (ins: readonly TensorType[]): E.Either<string, TensorType> =>
  E.map((shape: Shape) => ({ shape }))(broadcastShapes(...ins.map((t) => t.shape)))

/** A source's declared shape, checked. */
export const declaredShape = (shape: unknown): E.Either<string, TensorType> =>
  isShape(shape) ? E.right({ shape }) : E.left(`shape must be an array of non-negative integers, got ${JSON.stringify(shape)}`)

/** Normalised distinct axes, or a message. */
export const checkAxes = (axes: readonly number[], rank: number, what = 'axes'): E.Either<string, number[]> => {
  const out: number[] = []
  for (const a of axes) {
    const n = normalizeAxis(a, rank)
    if (n === undefined) return E.left(`${what} ${JSON.stringify(axes)} out of range for rank ${rank}`)
    if (out.includes(n)) return E.left(`${what} ${JSON.stringify(axes)} repeat an axis`)
    out.push(n)
  }
  return E.right(out)
}

/** Checks that an attribute array has one entry per axis. */
export const perAxis = (name: string, v: readonly number[], shape: Shape): string | undefined =>
  Array.isArray(v) && v.length === shape.length && v.every((x) => Number.isInteger(x))
    ? undefined
    : `${name} ${JSON.stringify(v)} needs one integer per axis of ${showShape(shape)}`

/** Shape with `axes` removed. */
export const dropAxes = (shape: Shape, axes: readonly number[]): Shape => shape.filter((_, i) => !axes.includes(i))

/** Shape with `axes` kept as extent 1. */
export const keepAxes = (shape: Shape, axes: readonly number[]): Shape => shape.map((d, i) => (axes.includes(i) ? 1 : d))
