/**
 * Source primitives: `constant`, `input`, `param`, `noise` and composite
 * `arg`s. They have no tensor inputs and so no cotangents to return.
 *
 * @example
 * import * as B from '../build.js'
 * B.noise(1, [4], 'normal') // four standard normal values, the same on every backend
 */
import * as E from 'fp-ts/lib/Either.js'
import type { PrimitiveSpec } from '../primitive.js'
import { sizeOf } from '../shape.js'
import { declaredShape } from './rules.js'

const noCotangents = () => []

export const constant: PrimitiveSpec<'constant'> = {
  arity: 0,
  type: (_, a) =>
    E.flatMap(declaredShape(a.shape), (t) =>
      !Array.isArray(a.data) || !a.data.every((v) => typeof v === 'number' && Number.isFinite(v))
        ? E.left('constant data must be finite numbers')
        : a.data.length === 1 || a.data.length === sizeOf(t.shape)
          ? E.right(t)
          : E.left(`constant has ${a.data.length} values for shape [${t.shape.join(',')}]`),
    ),
  vjp: noCotangents,
  linearIn: [],
}

const named =
  (kind: string) =>
  (name: unknown, shape: unknown) =>
    typeof name === 'string' && name.length > 0 ? declaredShape(shape) : E.left(`${kind} name must be a non-empty string`)

export const input: PrimitiveSpec<'input'> = {
  arity: 0,
  type: (_, a) => named('input')(a.name, a.shape),
  vjp: noCotangents,
  linearIn: [],
}

export const param: PrimitiveSpec<'param'> = {
  arity: 0,
  type: (_, a) => named('param')(a.name, a.shape),
  vjp: noCotangents,
  linearIn: [],
}

export const noise: PrimitiveSpec<'noise'> = {
  arity: 0,
  type: (_, a) =>
    !Number.isInteger(a.seed) || !Number.isInteger(a.offset) || a.offset < 0
      ? E.left(`noise seed and offset must be integers (offset ≥ 0), got ${a.seed}, ${a.offset}`)
      : a.dist !== 'uniform' && a.dist !== 'normal'
        ? E.left(`noise dist must be 'uniform' or 'normal', got ${String(a.dist)}`)
        : declaredShape(a.shape),
  vjp: noCotangents,
  linearIn: [],
}

export const arg: PrimitiveSpec<'arg'> = {
  arity: 0,
  type: (_, a) => (Number.isInteger(a.index) && a.index >= 0 ? declaredShape(a.shape) : E.left('arg index must be ≥ 0')),
  vjp: noCotangents,
  linearIn: [],
}
