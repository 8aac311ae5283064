/**
 * Type rules of the layout primitives: reshape, broadcast, transpose, slice,
 * pad, concat, reverse. All are linear; their VJP rules (`layout.vjp.ts`)
 * are each its pair.
 *
 * @example
 * import * as B from '../build.js'
 * const x = B.input('x', [2, 8])
 * B.slice(B.pad(x, [0, 1], [0, 1]), [0, 1], [2, 8]) // x again
 */
import * as E from 'fp-ts/lib/Either.js'
import type { TypeRule, TypeRulesOf } from '../type-rule.js'
import { broadcastShapes, isShape, sameShape, showShape, sizeOf } from '../shape.js'
import { checkAxes, perAxis, sameAsInput } from './rules.js'

/** The layout group. */
export type LayoutOp = 'reshape' | 'broadcast' | 'transpose' | 'slice' | 'pad' | 'concat' | 'reverse'

const reshape: TypeRule<'reshape'> = {
  arity: 1,
  type: ([x], a) =>
    !isShape(a.shape)
      ? E.left(`invalid target shape ${JSON.stringify(a.shape)}`)
      : sizeOf(a.shape) !== sizeOf(x!.shape)
        ? E.left(`cannot reshape ${showShape(x!.shape)} (${sizeOf(x!.shape)} values) to ${showShape(a.shape)}`)
        : E.right({ shape: a.shape }),
}

const broadcast: TypeRule<'broadcast'> = {
  arity: 1,
  type: ([x], a) =>
    !isShape(a.shape)
      ? E.left(`invalid target shape ${JSON.stringify(a.shape)}`)
      : E.flatMap(broadcastShapes(x!.shape, a.shape), (s) =>
          sameShape(s, a.shape) ? E.right({ shape: a.shape }) : E.left(`cannot broadcast ${showShape(x!.shape)} to ${showShape(a.shape)}`),
        ),
}

const isPermutation = (perm: readonly number[], rank: number): boolean =>
  Array.isArray(perm) && perm.length === rank && [...perm].sort((p, q) => p - q).every((p, i) => p === i)

const transpose: TypeRule<'transpose'> = {
  arity: 1,
  type: ([x], a) =>
    isPermutation(a.perm, x!.shape.length)
      ? E.right({ shape: a.perm.map((p) => x!.shape[p]!) })
      : E.left(`perm ${JSON.stringify(a.perm)} is not a permutation of ${x!.shape.length} axes`),
}

const slice: TypeRule<'slice'> = {
  arity: 1,
  type: ([x], a) => {
    const s = x!.shape
    const bad = perAxis('begin', a.begin, s) ?? perAxis('size', a.size, s)
    if (bad !== undefined) return E.left(bad)
    const i = s.findIndex((d, k) => a.begin[k]! < 0 || a.size[k]! < 0 || a.begin[k]! + a.size[k]! > d)
    return i >= 0
      ? E.left(`slice [${a.begin[i]}, ${a.begin[i]! + a.size[i]!}) out of range on axis ${i} of ${showShape(s)}`)
      : E.right({ shape: a.size })
  },
}

const pad: TypeRule<'pad'> = {
  arity: 1,
  type: ([x], a) => {
    const s = x!.shape
    const bad = perAxis('before', a.before, s) ?? perAxis('after', a.after, s)
    if (bad !== undefined) return E.left(bad)
    if ([...a.before, ...a.after].some((p) => p < 0)) return E.left('padding must be ≥ 0')
    return E.right({ shape: s.map((d, k) => d + a.before[k]! + a.after[k]!) })
  },
}

const concat: TypeRule<'concat'> = {
  arity: 'variadic',
  type: (ins, a) => {
    const first = ins[0]
    if (first === undefined) return E.left('concat needs at least one input')
    return E.flatMap(checkAxes([a.axis], first.shape.length, 'axis'), ([axis]) => {
      const bad = ins.find(
        (t) => t.shape.length !== first.shape.length || t.shape.some((d, k) => k !== axis && d !== first.shape[k]),
      )
      if (bad !== undefined)
        return E.left(`cannot concat ${ins.map((t) => showShape(t.shape)).join(', ')} along axis ${a.axis}`)
      return E.right({ shape: first.shape.map((d, k) => (k === axis ? ins.reduce((n, t) => n + t.shape[k]!, 0) : d)) })
    })
  },
}

const reverse: TypeRule<'reverse'> = {
  arity: 1,
  type: (ins, a) => E.flatMap(checkAxes(a.axes, ins[0]!.shape.length), () => sameAsInput(ins)),
}

/** Type rules of the layout group. @example layoutTypes.concat.arity // 'variadic' */
export const layoutTypes: TypeRulesOf<LayoutOp> = { reshape, broadcast, transpose, slice, pad, concat, reverse }
