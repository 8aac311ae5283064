/**
 * Type rules of the elementwise primitives: unary maths (the input's type),
 * broadcasting binary ops (NumPy broadcasting), `less` (1 where a < b, else
 * 0) and `select(mask, a, b)` (mask ≠ 0 ? a : b, all three broadcast). Their
 * VJP rules are in `elementwise.vjp.ts`.
 *
 * @example
 * import * as B from '../build.js'
 * B.mul(B.input('x', [4, 1]), B.input('y', [3]))  // shape [4, 3]
 */
import type { TypeRule, TypeRulesOf } from '../type-rule.js'
import { broadcastType, sameAsInput } from './rules.js'

/** Elementwise unary ops. */
export type UnaryOp = 'neg' | 'exp' | 'log' | 'sin' | 'cos' | 'sqrt' | 'tanh' | 'abs' | 'sign' | 'floor' | 'stopGradient'
/** Broadcasting binary ops. */
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum' | 'atan2'
/** The elementwise group: unary, binary, comparison and selection. */
export type ElementwiseOp = UnaryOp | BinaryOp | 'less' | 'select'

const unary: TypeRule<UnaryOp> = { arity: 1, type: sameAsInput }
const binary: TypeRule<BinaryOp | 'less'> = { arity: 2, type: broadcastType }

/** Type rules of the elementwise group. @example elementwiseTypes.select.arity // 3 */
export const elementwiseTypes: TypeRulesOf<ElementwiseOp> = {
  neg: unary, exp: unary, log: unary, sin: unary, cos: unary, sqrt: unary, tanh: unary, abs: unary, sign: unary, floor: unary, stopGradient: unary,
  add: binary, sub: binary, mul: binary, div: binary, pow: binary, maximum: binary, minimum: binary, atan2: binary,
  less: binary,
  select: { arity: 3, type: broadcastType },
}
