/**
 * Shared machinery of the property suites: a primitive case as a Program,
 * evaluation on the float64 reference, dot products, and the two checks every
 * op gets (finite differences and the dot-product law).
 *
 * @example
 * const { fd, ad } = gradientCheck(someCase, 42)
 */
import * as E from 'fp-ts/lib/Either.js'
import * as B from '../src/core/build.js'
import { compileNodes } from '../src/core/compile.js'
import { vjp, valueAndGrad, gradName } from '../src/core/autodiff/vjp.js'
import { evaluateSync, type Feeds, type Outputs } from '../src/core/interpret.js'
import { mk, type Node } from '../src/core/node.js'
import type { Program } from '../src/core/program.js'
import { primitives } from '../src/core/primitives/index.js'
import { formatError } from '../src/core/errors.js'
import { reference } from '../src/backends/reference/index.js'
import { operand, rng, type OpCase } from '../testing/cases.js'

/** The float64 reference backend: the oracle. */
export const ref64 = reference('float64')

/** Unwraps a Right or throws with the formatted errors (tests only). */
export const ok = <A>(e: E.Either<unknown, A>): A => {
  if (E.isRight(e)) return e.right
  const errs = Array.isArray(e.left) ? e.left : [e.left]
  throw new Error(errs.map((x) => (typeof x === 'object' && x !== null && '_tag' in x ? formatError(x as never) : String(x))).join('\n'))
}

/** Evaluates on the float64 reference; throws on an EvalError (tests only). */
export const run = (p: Program, feeds: Feeds): Outputs => ok(evaluateSync(ref64)(p, feeds))

/** ⟨a, b⟩ */
export const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!
  return s
}

/** The case's op applied to params `p<i>` (the operands in `free`) and constants (the rest). */
export const applyCase = (c: OpCase, free: (i: number) => boolean): Node =>
  mk(c.op, c.operands.map((o, i) => (free(i) ? B.param(`p${i}`, o.shape) : B.constant([...o.values], o.shape))), c.attrs as never)

const feedsOf = (c: OpCase, free: (i: number) => boolean, shift?: (i: number) => Float64Array): Record<string, Float64Array> =>
  Object.fromEntries(c.operands.flatMap((o, i) => (free(i) ? [[`p${i}`, shift ? shift(i) : o.values] as const] : [])))

/**
 * The directional derivative of ⟨op(x), w⟩ along a random direction d, by
 * reverse mode (`ad`) and by float64 central differences (`fd`).
 */
export const gradientCheck = (c: OpCase, seed: number, h = 1e-6): { fd: number; ad: number } => {
  const r = rng(seed)
  const free = (i: number) => c.operands[i]!.diff
  const out = applyCase(c, free)
  const w = operand(r, (out.type as E.Right<{ shape: number[] }>).right.shape)
  const all = w.shape.map((_, i) => i)
  const loss = B.sum(B.mul(out, B.constant([...w.values], w.shape)), all)
  const p = ok(compileNodes({ loss }))
  const dirs = c.operands.map((o) => operand(r, o.shape).values)
  const at = (sign: number) =>
    run(p, feedsOf(c, free, (i) => c.operands[i]!.values.map((v, j) => v + sign * h * dirs[i]![j]!))).loss!.data[0]!
  const fd = (at(1) - at(-1)) / (2 * h)
  const g = run(ok(valueAndGrad(p, 'loss')), feedsOf(c, free))
  const ad = c.operands.reduce((s, o, i) => (o.diff ? s + dot(g[gradName(`p${i}`)]!.data, dirs[i]!) : s), 0)
  return { fd, ad }
}

/** Both sides of ⟨A x, y⟩ = ⟨x, Aᵀ y⟩ for the linear input group `group` of a case. */
export const transposeCheck = (c: OpCase, group: readonly number[], seed: number): { lhs: number; rhs: number } => {
  const r = rng(seed)
  const free = (i: number) => group.includes(i)
  const out = applyCase(c, free)
  const p = ok(compileNodes({ out }))
  const t = ok(vjp(p, { output: 'out', seed: 'input' }))
  const y = operand(r, (out.type as E.Right<{ shape: number[] }>).right.shape).values
  const res = run(t, { ...feedsOf(c, free), 'ct:out': y })
  const lhs = dot(res['out']!.data, y)
  const rhs = group.reduce((s, i) => s + dot(c.operands[i]!.values, res[gradName(`p${i}`)]!.data), 0)
  return { lhs, rhs }
}

/** The linear groups of an op, with `'all'` expanded for a case. */
export const linearGroups = (c: OpCase): number[][] =>
  primitives[c.op].linearIn.map((g) => (g === 'all' ? c.operands.map((_, i) => i) : [...g]))
