/**
 * Node builders: one function per primitive, plus the few helpers VJP rules
 * and composites need (`scalar`, `zerosLike`, `unbroadcast`). They are
 * untyped in rate; the public, rate-typed API is `signal.ts`.
 *
 * @example
 * import * as B from './build.js'
 * const x = B.input('x', [8])
 * const y = B.mul(B.sin(x), B.scalar(0.5))
 */
import { mk, shapeOf, type Node } from './node.js'
import { broadcastAxes, sameShape, type Shape } from './shape.js'

type NoAttrs = Record<string, never>
const none: NoAttrs = {}

// sources
/** A constant of `shape` from one fill value or all values. @example constant([1, 2], [2]) */
export const constant = (data: readonly number[] | number, shape: Shape = []): Node =>
  mk('constant', [], { shape, data: typeof data === 'number' ? [data] : data })
/** A scalar constant. @example scalar(0.5) */
export const scalar = (v: number): Node => constant(v, [])
/** A named input of fixed shape. @example input('f0', [1, 100]) */
export const input = (name: string, shape: Shape): Node => mk('input', [], { name, shape })
/** A named trainable parameter. @example param('gain', []) */
export const param = (name: string, shape: Shape): Node => mk('param', [], { name, shape })
/** Seeded noise: uniform in [-1, 1) or standard normal. @example noise(7, [16000]) */
export const noise = (seed: number, shape: Shape, dist: 'uniform' | 'normal' = 'uniform', offset = 0): Node =>
  mk('noise', [], { seed, shape, dist, offset })
/** The `index`-th argument placeholder of a composite body. */
export const arg = (index: number, shape: Shape): Node => mk('arg', [], { index, shape })

// unary
/** −x */ export const neg = (x: Node): Node => mk('neg', [x], none)
/** eˣ */ export const exp = (x: Node): Node => mk('exp', [x], none)
/** ln x */ export const log = (x: Node): Node => mk('log', [x], none)
/** sin x */ export const sin = (x: Node): Node => mk('sin', [x], none)
/** cos x */ export const cos = (x: Node): Node => mk('cos', [x], none)
/** √x */ export const sqrt = (x: Node): Node => mk('sqrt', [x], none)
/** tanh x */ export const tanh = (x: Node): Node => mk('tanh', [x], none)
/** |x| */ export const abs = (x: Node): Node => mk('abs', [x], none)
/** sign x ∈ {−1, 0, 1} */ export const sign = (x: Node): Node => mk('sign', [x], none)
/** ⌊x⌋ */ export const floor = (x: Node): Node => mk('floor', [x], none)
/** x, with no gradient */ export const stopGradient = (x: Node): Node => mk('stopGradient', [x], none)

// binary
/** a + b */ export const add = (a: Node, b: Node): Node => mk('add', [a, b], none)
/** a − b */ export const sub = (a: Node, b: Node): Node => mk('sub', [a, b], none)
/** a · b */ export const mul = (a: Node, b: Node): Node => mk('mul', [a, b], none)
/** a / b */ export const div = (a: Node, b: Node): Node => mk('div', [a, b], none)
/** aᵇ */ export const pow = (a: Node, b: Node): Node => mk('pow', [a, b], none)
/** max(a, b) */ export const maximum = (a: Node, b: Node): Node => mk('maximum', [a, b], none)
/** min(a, b) */ export const minimum = (a: Node, b: Node): Node => mk('minimum', [a, b], none)
/** atan2(y, x) */ export const atan2 = (y: Node, x: Node): Node => mk('atan2', [y, x], none)
/** 1 where a < b else 0 */ export const less = (a: Node, b: Node): Node => mk('less', [a, b], none)
/** mask ≠ 0 ? a : b */
export const select = (mask: Node, a: Node, b: Node): Node => mk('select', [mask, a, b], none)

// reductions
/** Sum over `axes` (removed). @example sum(x, [-1]) */
export const sum = (x: Node, axes: readonly number[]): Node => mk('sum', [x], { axes })
/** Maximum over `axes` (removed). */
export const reduceMax = (x: Node, axes: readonly number[]): Node => mk('reduceMax', [x], { axes })

// layout
/** Same values, new shape of equal size. */
export const reshape = (x: Node, shape: Shape): Node => mk('reshape', [x], { shape })
/** NumPy broadcast to `shape`. */
export const broadcast = (x: Node, shape: Shape): Node => mk('broadcast', [x], { shape })
/** Permutes axes: `out.shape[i] = x.shape[perm[i]]`. */
export const transpose = (x: Node, perm: readonly number[]): Node => mk('transpose', [x], { perm })
/** The box `[begin, begin + size)` per axis. */
export const slice = (x: Node, begin: readonly number[], size: readonly number[]): Node =>
  mk('slice', [x], { begin, size })
/** Zero padding per axis. */
export const pad = (x: Node, before: readonly number[], after: readonly number[]): Node =>
  mk('pad', [x], { before, after })
/** Joins along `axis`. */
export const concat = (xs: readonly Node[], axis: number): Node => mk('concat', xs, { axis })
/** Reverses the order along `axes`. */
export const reverse = (x: Node, axes: readonly number[]): Node => mk('reverse', [x], { axes })

// indexing, algebra, signal
/** `x[..., idx[...], ...]` along `axis` (tf.gather semantics; out-of-range reads 0). */
export const gather = (x: Node, idx: Node, axis: number, batchDims = 0): Node =>
  mk('gather', [x, idx], { axis, batchDims })
/** Transpose of gather: adds `updates` into `size` slots along `axis`. */
export const scatterAdd = (updates: Node, idx: Node, axis: number, size: number, batchDims = 0): Node =>
  mk('scatterAdd', [updates, idx], { axis, batchDims, size })
/** Batched matrix product with broadcasting batch axes. */
export const matmul = (a: Node, b: Node, transposeA = false, transposeB = false): Node =>
  mk('matmul', [a, b], { transposeA, transposeB })
/** Cumulative sum along `axis`. */
export const cumsum = (x: Node, axis: number, reverse = false, exclusive = false): Node =>
  mk('cumsum', [x], { axis, reverse, exclusive })
/** Real FFT of the last axis (length n) → `[..., n/2+1, 2]` (re, im). */
export const rfft = (x: Node, n: number): Node => mk('rfft', [x], { n })
/** Inverse real FFT `[..., n/2+1, 2]` → `[..., n]`. */
export const irfft = (x: Node, n: number): Node => mk('irfft', [x], { n })
/** y[t] = a[t]·y[t−1] + x[t] with `a: [..., T, k, k]`, `x: [..., T, k]`, `y0: [..., k]`. */
export const recurrence = (a: Node, x: Node, y0: Node): Node => mk('recurrence', [a, x, y0], {})

// helpers
/** Zeros with the shape of `x`. */
export const zerosLike = (x: Node): Node => constant(0, shapeOf(x))
/** Zeros of a shape. */
export const zeros = (shape: Shape): Node => constant(0, shape)
/** Ones with the shape of `x`. */
export const onesLike = (x: Node): Node => constant(1, shapeOf(x))
/** 1 where a = b else 0 (from `less`). */
export const equal = (a: Node, b: Node): Node => sub(scalar(1), add(less(a, b), less(b, a)))

/**
 * Sums a cotangent of a broadcast shape back to `shape` (the one `unbroadcast`
 * of the VJP transform).
 */
export const unbroadcast = (ct: Node, shape: Shape): Node => {
  const from = shapeOf(ct)
  if (sameShape(from, shape)) return ct
  const axes = broadcastAxes(shape, from)
  const summed = axes.length > 0 ? sum(ct, axes) : ct
  return sameShape(shapeOf(summed), shape) ? summed : reshape(summed, shape)
}

/** Adds two optional cotangents (undefined = symbolic zero). */
export const addCt = (a: Node | undefined, b: Node | undefined): Node | undefined =>
  a === undefined ? b : b === undefined ? a : add(a, b)
