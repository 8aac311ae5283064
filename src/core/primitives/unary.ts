/**
 * Elementwise unary primitives and their derivatives.
 *
 * d/dx: −1, eˣ, 1/x, cos x, −sin x, 1/(2√x), 1 − tanh²x, sign x; `sign`,
 * `floor` and `stopGradient` have zero derivative.
 *
 * @example
 * import * as B from '../build.js'
 * B.tanh(B.input('x', [3]))
 */
import * as B from '../build.js'
import type { PrimitiveSpec, VjpRule } from '../primitive.js'
import type { OpName } from '../ops.js'
import { sameAsInput } from './rules.js'

type UnaryOp = 'neg' | 'exp' | 'log' | 'sin' | 'cos' | 'sqrt' | 'tanh' | 'abs' | 'sign' | 'floor' | 'stopGradient'

const unary = <K extends UnaryOp & OpName>(vjp: VjpRule<K>, linear = false): PrimitiveSpec<K> => ({
  arity: 1,
  type: sameAsInput,
  vjp,
  linearIn: linear ? [[0]] : [],
})
const zero = () => [undefined]

export const neg = unary<'neg'>((ct) => [B.neg(ct)], true)
export const exp = unary<'exp'>((ct, { output }) => [B.mul(ct, output)])
export const log = unary<'log'>((ct, { inputs: [x] }) => [B.div(ct, x!)])
export const sin = unary<'sin'>((ct, { inputs: [x] }) => [B.mul(ct, B.cos(x!))])
export const cos = unary<'cos'>((ct, { inputs: [x] }) => [B.neg(B.mul(ct, B.sin(x!)))])
// d√x = 1/(2√x)
export const sqrt = unary<'sqrt'>((ct, { output }) => [B.div(ct, B.mul(B.scalar(2), output))])
// d tanh x = 1 − tanh² x
export const tanh = unary<'tanh'>((ct, { output }) => [B.mul(ct, B.sub(B.scalar(1), B.mul(output, output)))])
export const abs = unary<'abs'>((ct, { inputs: [x] }) => [B.mul(ct, B.sign(x!))])
export const sign = unary<'sign'>(zero)
export const floor = unary<'floor'>(zero)
export const stopGradient = unary<'stopGradient'>(zero)
