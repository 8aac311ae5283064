/**
 * Elementwise kernels: the unary maths functions, the broadcasting binary
 * operators, `less` (1/0) and `select(mask, a, b)` (mask ≠ 0 ? a : b). Binary
 * and ternary ops broadcast NumPy-style to the output shape the interpreter
 * passes in; equal shapes skip the index map.
 *
 * @example
 * import { elementwise } from './elementwise.js'
 * const k = elementwise((n) => new Float64Array(n))
 * k.add([x, y], {}, [4, 3]) // x: [4, 1], y: [3]
 */
import type { Shape } from '../../core/shape.js'
import { arg, readMap, sizeOf, type Alloc, type KernelsOf, type RefTensor } from './tensor.js'

type UnaryOp = 'neg' | 'exp' | 'log' | 'sin' | 'cos' | 'sqrt' | 'tanh' | 'abs' | 'sign' | 'floor' | 'stopGradient'
type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum' | 'atan2' | 'less'

/** A kernel that ignores its attributes (they are all `{}` here). */
type Plain = (inputs: readonly RefTensor[], attrs: unknown, shape: Shape) => RefTensor

const unary =
  (alloc: Alloc, f: (x: number) => number): Plain =>
  (inputs, _attrs, shape) => {
    const x = arg(inputs, 0).data
    const out = alloc(x.length)
    for (let i = 0; i < x.length; i++) out[i] = f(x[i]!)
    return { data: out, shape }
  }

const binary =
  (alloc: Alloc, f: (a: number, b: number) => number): Plain =>
  (inputs, _attrs, shape) => {
    const a = arg(inputs, 0)
    const b = arg(inputs, 1)
    const ia = readMap(a.shape, shape)
    const ib = readMap(b.shape, shape)
    const out = alloc(sizeOf(shape))
    for (let i = 0; i < out.length; i++) out[i] = f(a.data[ia ? ia[i]! : i]!, b.data[ib ? ib[i]! : i]!)
    return { data: out, shape }
  }

const select =
  (alloc: Alloc): Plain =>
  (inputs, _attrs, shape) => {
    const [m, a, b] = [arg(inputs, 0), arg(inputs, 1), arg(inputs, 2)]
    const [im, ia, ib] = [readMap(m.shape, shape), readMap(a.shape, shape), readMap(b.shape, shape)]
    const out = alloc(sizeOf(shape))
    for (let i = 0; i < out.length; i++)
      out[i] = m.data[im ? im[i]! : i]! !== 0 ? a.data[ia ? ia[i]! : i]! : b.data[ib ? ib[i]! : i]!
    return { data: out, shape }
  }

/** The scalar function behind each unary kernel. @example unaryFns.sign(-3) // -1 */
export const unaryFns: Readonly<Record<UnaryOp, (x: number) => number>> = {
  neg: (x) => -x,
  exp: Math.exp,
  log: Math.log,
  sin: Math.sin,
  cos: Math.cos,
  sqrt: Math.sqrt,
  tanh: Math.tanh,
  abs: Math.abs,
  sign: (x) => Math.sign(x) + 0, // + 0 turns −0 into 0, keeps NaN
  floor: Math.floor,
  stopGradient: (x) => x,
}

/** The scalar function behind each binary kernel. @example binaryFns.less(1, 2) // 1 */
export const binaryFns: Readonly<Record<BinaryOp, (a: number, b: number) => number>> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: Math.pow,
  maximum: Math.max,
  minimum: Math.min,
  atan2: Math.atan2,
  less: (a, b) => (a < b ? 1 : 0),
}

/** The elementwise kernels for a float type. @example elementwise(alloc).sin([x], {}, x.shape) */
export const elementwise = (alloc: Alloc): KernelsOf<UnaryOp | BinaryOp | 'select'> => {
  const u = (op: UnaryOp) => unary(alloc, unaryFns[op])
  const b = (op: BinaryOp) => binary(alloc, binaryFns[op])
  return {
    neg: u('neg'), exp: u('exp'), log: u('log'), sin: u('sin'), cos: u('cos'), sqrt: u('sqrt'),
    tanh: u('tanh'), abs: u('abs'), sign: u('sign'), floor: u('floor'), stopGradient: u('stopGradient'),
    add: b('add'), sub: b('sub'), mul: b('mul'), div: b('div'), pow: b('pow'),
    maximum: b('maximum'), minimum: b('minimum'), atan2: b('atan2'), less: b('less'),
    select: select(alloc),
  }
}
