/**
 * Stream rule of `matmul`: time-local when time is a row of A (B static), a
 * column of B (A static), or a batch axis; refused when it is contracted.
 *
 * @example
 * import { matmulRules } from './matmul.js'
 * matmulRules.matmul.info(eqn, [{ axis: 1, rate: 'audio' }, null], [[1, 64, 3], [3, 2]], clock) // Right({ axis: 1, rate: 'audio' })
 */
import * as E from 'fp-ts/lib/Either.js'
import type { OpAttrs, OpName } from '../../core/ops.js'
import type { TimeInfo } from '../types.js'
import { local, type PrimRule } from './common.js'

const matmul: PrimRule = {
  info: (e, ins, shapes) => {
    const a = e.attrs as OpAttrs['matmul']
    const r = e.shape.length
    const [ta, tb] = ins
    const ra = shapes[0]!.length
    const rb = shapes[1]!.length
    const rowA = ta !== null && ta !== undefined && ta.axis === (a.transposeA ? ra - 1 : ra - 2)
    const colB = tb !== null && tb !== undefined && tb.axis === (a.transposeB ? rb - 2 : rb - 1)
    const batchOf = (t: TimeInfo | undefined, rank: number) => (t != null && t.axis < rank - 2 ? t.axis + r - rank : undefined)
    if (rowA && tb === null) return E.right({ axis: r - 2, rate: ta!.rate })
    if (colB && ta === null) return E.right({ axis: r - 1, rate: tb!.rate })
    const ba = batchOf(ta, ra)
    const bb = batchOf(tb, rb)
    if ((ta !== null && ba === undefined) || (tb !== null && bb === undefined) || (ba !== undefined && bb !== undefined && ba !== bb))
      return E.left('matmul contracts over the time axis')
    return E.right({ axis: (ba ?? bb)!, rate: (ta ?? tb)!.rate })
  },
  run: local(),
}

/** Rules of the matmul group. @example matmulRules.matmul */
export const matmulRules: Readonly<Partial<Record<OpName, PrimRule>>> = { matmul }
