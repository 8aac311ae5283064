/**
 * Layout primitives: reshape, broadcast, transpose, slice, pad, concat,
 * reverse. All are linear; each VJP is its pair (slice/pad, broadcast/sum,
 * concat/slice, transpose/inverse permutation).
 *
 * @example
 * import * as B from '../build.js'
 * const x = B.input('x', [2, 8])
 * B.slice(B.pad(x, [0, 1], [0, 1]), [0, 1], [2, 8]) // x again
 */
import * as E from 'fp-ts/lib/Either.js'
import * as B from '../build.js'
import { shapeOf } from '../node.js'
import type { PrimitiveSpec } from '../primitive.js'
import { broadcastShapes, isShape, sameShape, showShape, sizeOf } from '../shape.js'
import { checkAxes, perAxis, sameAsInput } from './rules.js'

export const reshape: PrimitiveSpec<'reshape'> = {
  arity: 1,
  type: ([x], a) =>
    !isShape(a.shape)
      ? E.left(`invalid target shape ${JSON.stringify(a.shape)}`)
      : sizeOf(a.shape) !== sizeOf(x!.shape)
        ? E.left(`cannot reshape ${showShape(x!.shape)} (${sizeOf(x!.shape)} values) to ${showShape(a.shape)}`)
        : E.right({ shape: a.shape }),
  vjp: (ct, { inputs: [x] }) => [B.reshape(ct, shapeOf(x!))],
  linearIn: [[0]],
}

export const broadcast: PrimitiveSpec<'broadcast'> = {
  arity: 1,
  type: ([x], a) =>
    !isShape(a.shape)
      ? E.left(`invalid target shape ${JSON.stringify(a.shape)}`)
      : E.flatMap(broadcastShapes(x!.shape, a.shape), (s) =>
          sameShape(s, a.shape) ? E.right({ shape: a.shape }) : E.left(`cannot broadcast ${showShape(x!.shape)} to ${showShape(a.shape)}`),
        ),
  vjp: (ct, { inputs: [x] }) => [B.unbroadcast(ct, shapeOf(x!))],
  linearIn: [[0]],
}

const isPermutation = (perm: readonly number[], rank: number): boolean =>
  Array.isArray(perm) && perm.length === rank && [...perm].sort((p, q) => p - q).every((p, i) => p === i)

export const transpose: PrimitiveSpec<'transpose'> = {
  arity: 1,
  type: ([x], a) =>
    isPermutation(a.perm, x!.shape.length)
      ? E.right({ shape: a.perm.map((p) => x!.shape[p]!) })
      : E.left(`perm ${JSON.stringify(a.perm)} is not a permutation of ${x!.shape.length} axes`),
  vjp: (ct, { attrs }) => {
    const inv = new Array<number>(attrs.perm.length)
    attrs.perm.forEach((p, i) => (inv[p] = i))
    return [B.transpose(ct, inv)]
  },
  linearIn: [[0]],
}

export const slice: PrimitiveSpec<'slice'> = {
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
  vjp: (ct, { inputs: [x], attrs }) => {
    const s = shapeOf(x!)
    return [B.pad(ct, attrs.begin, s.map((d, k) => d - attrs.begin[k]! - attrs.size[k]!))]
  },
  linearIn: [[0]],
}

export const pad: PrimitiveSpec<'pad'> = {
  arity: 1,
  type: ([x], a) => {
    const s = x!.shape
    const bad = perAxis('before', a.before, s) ?? perAxis('after', a.after, s)
    if (bad !== undefined) return E.left(bad)
    if ([...a.before, ...a.after].some((p) => p < 0)) return E.left('padding must be ≥ 0')
    return E.right({ shape: s.map((d, k) => d + a.before[k]! + a.after[k]!) })
  },
  vjp: (ct, { inputs: [x], attrs }) => [B.slice(ct, attrs.before, shapeOf(x!))],
  linearIn: [[0]],
}

export const concat: PrimitiveSpec<'concat'> = {
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
  vjp: (ct, { inputs, attrs }) => {
    const rank = shapeOf(ct).length
    const axis = attrs.axis < 0 ? attrs.axis + rank : attrs.axis
    let offset = 0
    return inputs.map((x) => {
      const s = shapeOf(x)
      const begin = s.map((_, k) => (k === axis ? offset : 0))
      offset += s[axis]!
      return B.slice(ct, begin, s)
    })
  },
  linearIn: ['all'],
}

export const reverse: PrimitiveSpec<'reverse'> = {
  arity: 1,
  type: (ins, a) => E.flatMap(checkAxes(a.axes, ins[0]!.shape.length), () => sameAsInput(ins)),
  vjp: (ct, { attrs }) => [B.reverse(ct, attrs.axes)],
  linearIn: [[0]],
}
