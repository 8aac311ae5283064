/**
 * Type rules of the source primitives: `constant`, `input`, `param`, `noise`
 * and composite `arg`s. They have no tensor inputs, and so no cotangents to
 * return (`sources.vjp.ts`).
 *
 * @example
 * import * as B from '../build.js'
 * B.noise(1, [4], 'normal') // four standard normal values, the same on every backend
 */
import * as E from 'fp-ts/lib/Either.js'
import type { TypeRule, TypeRulesOf } from '../type-rule.js'
import { sizeOf } from '../shape.js'
import { declaredShape } from './rules.js'

/** The sources group. */
export type SourceOp = 'constant' | 'input' | 'param' | 'noise' | 'arg'

const constant: TypeRule<'constant'> = {
  arity: 0,
  type: (_, a) =>
    E.flatMap(declaredShape(a.shape), (t) =>
      !Array.isArray(a.data) || !a.data.every((v) => typeof v === 'number' && Number.isFinite(v))
        ? E.left('constant data must be finite numbers')
        : a.data.length === 1 || a.data.length === sizeOf(t.shape)
          ? E.right(t)
          : E.left(`constant has ${a.data.length} values for shape [${t.shape.join(',')}]`),
    ),
}

const named =
  (kind: string) =>
  (name: unknown, shape: unknown) =>
    typeof name === 'string' && name.length > 0 ? declaredShape(shape) : E.left(`${kind} name must be a non-empty string`)

const input: TypeRule<'input'> = {
  arity: 0,
  type: (_, a) => named('input')(a.name, a.shape),
}

const param: TypeRule<'param'> = {
  arity: 0,
  type: (_, a) => named('param')(a.name, a.shape),
}

const noise: TypeRule<'noise'> = {
  arity: 0,
  type: (_, a) =>
    !Number.isInteger(a.seed) || !Number.isInteger(a.offset) || a.offset < 0
      ? E.left(`noise seed and offset must be integers (offset ≥ 0), got ${a.seed}, ${a.offset}`)
      : a.dist !== 'uniform' && a.dist !== 'normal'
        ? E.left(`noise dist must be 'uniform' or 'normal', got ${String(a.dist)}`)
        : declaredShape(a.shape),
}

const arg: TypeRule<'arg'> = {
  arity: 0,
  type: (_, a) => (Number.isInteger(a.index) && a.index >= 0 ? declaredShape(a.shape) : E.left('arg index must be ≥ 0')),
}

/** Type rules of the sources group. @example sourceTypes.noise.arity // 0 */
export const sourceTypes: TypeRulesOf<SourceOp> = { constant, input, param, noise, arg }
