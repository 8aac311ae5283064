/**
 * VJP rules of the layout primitives. All are linear; each VJP is its pair
 * (slice/pad, broadcast/sum, concat/slice, transpose/inverse permutation).
 *
 * @example
 * import { layoutVjps } from './layout.vjp.js'
 * layoutVjps.concat.linearIn // ['all']
 */
import * as B from '../build.js'
import { shapeOf } from '../node.js'
import type { VjpRulesOf, VjpSpec } from '../primitive.js'
import type { LayoutOp } from './layout.js'

const reshape: VjpSpec<'reshape'> = {
  vjp: (ct, { inputs: [x] }) => [B.reshape(ct, shapeOf(x!))],
  linearIn: [[0]],
}

const broadcast: VjpSpec<'broadcast'> = {
  vjp: (ct, { inputs: [x] }) => [B.unbroadcast(ct, shapeOf(x!))],
  linearIn: [[0]],
}

const transpose: VjpSpec<'transpose'> = {
  vjp: (ct, { attrs }) => {
    const inv = new Array<number>(attrs.perm.length)
    attrs.perm.forEach((p, i) => (inv[p] = i))
    return [B.transpose(ct, inv)]
  },
  linearIn: [[0]],
}

const slice: VjpSpec<'slice'> = {
  vjp: (ct, { inputs: [x], attrs }) => {
    const s = shapeOf(x!)
    return [B.pad(ct, attrs.begin, s.map((d, k) => d - attrs.begin[k]! - attrs.size[k]!))]
  },
  linearIn: [[0]],
}

const pad: VjpSpec<'pad'> = {
  vjp: (ct, { inputs: [x], attrs }) => [B.slice(ct, attrs.before, shapeOf(x!))],
  linearIn: [[0]],
}

const concat: VjpSpec<'concat'> = {
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

const reverse: VjpSpec<'reverse'> = {
  vjp: (ct, { attrs }) => [B.reverse(ct, attrs.axes)],
  linearIn: [[0]],
}

/** VJP rules of the layout group. @example layoutVjps.pad.vjp */
export const layoutVjps: VjpRulesOf<LayoutOp> = { reshape, broadcast, transpose, slice, pad, concat, reverse }
