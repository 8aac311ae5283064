/**
 * VJP rules of the elementwise primitives. Cotangents of binary ops are
 * returned at the output's (broadcast) shape; the VJP transform sums them
 * back to each input's shape.
 *
 * Unary d/dx: −1, eˣ, 1/x, cos x, −sin x, 1/(2√x), 1 − tanh²x, sign x;
 * `sign`, `floor` and `stopGradient` have zero derivative.
 * Binary: ∂(a/b) = (1/b, −a/b²); ∂aᵇ = (b·aᵇ⁻¹, aᵇ·ln a) with ln a taken as 0
 * where a ≤ 0; ∂atan2(y, x) = (x, −y)/(x² + y²); max/min route the cotangent
 * to the larger/smaller input and split it evenly on ties.
 * `less` has no gradient; `select` is linear in (a, b) and routes the
 * cotangent to the chosen branch.
 *
 * @example
 * import * as B from '../build.js'
 * const x = B.input('x', [4])
 * B.select(B.less(x, B.scalar(0)), B.neg(x), x) // |x|
 */
import * as B from '../build.js'
import type { Node } from '../node.js'
import type { VjpRule, VjpRulesOf, VjpSpec } from '../primitive.js'
import type { BinaryOp, ElementwiseOp, UnaryOp } from './elementwise.js'

const unary = <K extends UnaryOp>(vjp: VjpRule<K>, linear = false): VjpSpec<K> => ({ vjp, linearIn: linear ? [[0]] : [] })
const zero = () => [undefined]

const neg = unary<'neg'>((ct) => [B.neg(ct)], true)
const exp = unary<'exp'>((ct, { output }) => [B.mul(ct, output)])
const log = unary<'log'>((ct, { inputs: [x] }) => [B.div(ct, x!)])
const sin = unary<'sin'>((ct, { inputs: [x] }) => [B.mul(ct, B.cos(x!))])
const cos = unary<'cos'>((ct, { inputs: [x] }) => [B.neg(B.mul(ct, B.sin(x!)))])
// d√x = 1/(2√x)
const sqrt = unary<'sqrt'>((ct, { output }) => [B.div(ct, B.mul(B.scalar(2), output))])
// d tanh x = 1 − tanh² x
const tanh = unary<'tanh'>((ct, { output }) => [B.mul(ct, B.sub(B.scalar(1), B.mul(output, output)))])
const abs = unary<'abs'>((ct, { inputs: [x] }) => [B.mul(ct, B.sign(x!))])
const sign = unary<'sign'>(zero)
const floor = unary<'floor'>(zero)
const stopGradient = unary<'stopGradient'>(zero)

const binary = <K extends BinaryOp>(vjp: VjpRule<K>, linearIn: VjpSpec<K>['linearIn'] = []): VjpSpec<K> => ({ vjp, linearIn })

/** Weight of `a` in max(a, b): 1 where a > b, ½ on ties, 0 elsewhere. */
const winner = (a: Node, b: Node): Node => B.add(B.less(b, a), B.mul(B.scalar(0.5), B.equal(a, b)))

const add = binary<'add'>((ct) => [ct, ct], [[0, 1]])
const sub = binary<'sub'>((ct) => [ct, B.neg(ct)], [[0, 1]])
const mul = binary<'mul'>((ct, { inputs: [a, b] }) => [B.mul(ct, b!), B.mul(ct, a!)], [[0], [1]])
const div = binary<'div'>(
  (ct, { inputs: [, b], output }) => [B.div(ct, b!), B.neg(B.div(B.mul(ct, output), b!))],
  [[0]],
)
const pow = binary<'pow'>((ct, { inputs: [a, b], output }) => {
  const positive = B.less(B.scalar(0), a!)
  const safeA = B.select(positive, a!, B.scalar(1))
  const da = B.mul(ct, B.mul(b!, B.pow(a!, B.sub(b!, B.scalar(1)))))
  const db = B.mul(ct, B.mul(output, B.select(positive, B.log(safeA), B.scalar(0))))
  return [da, db]
})
const maximum = binary<'maximum'>((ct, { inputs: [a, b] }) => [
  B.mul(ct, winner(a!, b!)),
  B.mul(ct, winner(b!, a!)),
])
const minimum = binary<'minimum'>((ct, { inputs: [a, b] }) => [
  B.mul(ct, winner(b!, a!)),
  B.mul(ct, winner(a!, b!)),
])
const atan2 = binary<'atan2'>((ct, { inputs: [y, x] }) => {
  const r2 = B.add(B.mul(x!, x!), B.mul(y!, y!))
  return [B.div(B.mul(ct, x!), r2), B.neg(B.div(B.mul(ct, y!), r2))]
})

const less: VjpSpec<'less'> = {
  vjp: () => [undefined, undefined],
  linearIn: [],
  nondiff: [0, 1],
}

const select: VjpSpec<'select'> = {
  vjp: (ct, { inputs: [mask] }) => {
    const z = B.scalar(0)
    return [undefined, B.select(mask!, ct, z), B.select(mask!, z, ct)]
  },
  linearIn: [[1, 2]],
  nondiff: [0],
}

/** VJP rules of the elementwise group. @example elementwiseVjps.mul.linearIn // [[0], [1]] */
export const elementwiseVjps: VjpRulesOf<ElementwiseOp> = {
  neg, exp, log, sin, cos, sqrt, tanh, abs, sign, floor, stopGradient,
  add, sub, mul, div, pow, maximum, minimum, atan2,
  less, select,
}
