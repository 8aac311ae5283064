/**
 * VJP rules of `gather` and `scatterAdd`: each is the other's transpose; the
 * indices carry no gradient.
 *
 * @example
 * import { indexingVjps } from './indexing.vjp.js'
 * indexingVjps.gather.nondiff // [1]
 */
import * as B from '../build.js'
import { shapeOf } from '../node.js'
import type { VjpRulesOf, VjpSpec } from '../primitive.js'
import type { IndexingOp } from './indexing.js'

const gather: VjpSpec<'gather'> = {
  vjp: (ct, { inputs: [x, idx], attrs }) => {
    const xs = shapeOf(x!)
    const axis = attrs.axis < 0 ? attrs.axis + xs.length : attrs.axis
    return [B.scatterAdd(ct, idx!, axis, xs[axis]!, attrs.batchDims), undefined]
  },
  linearIn: [[0]],
  nondiff: [1],
}

const scatterAdd: VjpSpec<'scatterAdd'> = {
  vjp: (ct, { inputs: [, idx], attrs }) => [B.gather(ct, idx!, attrs.axis, attrs.batchDims), undefined],
  linearIn: [[0]],
  nondiff: [1],
}

/** VJP rules of the indexing group. @example indexingVjps.scatterAdd.vjp */
export const indexingVjps: VjpRulesOf<IndexingOp> = { gather, scatterAdd }
