/**
 * Stream rule of the reduce group (`sum`, `reduceMax`): over other axes
 * time-local (the time axis moves left by the reduced axes before it); over
 * the time axis refused, as it needs the whole signal.
 *
 * @example
 * import { reduceRules } from './reduce.js'
 * reduceRules.sum.info(eqn, [{ axis: 1, rate: 'audio' }], [[1, 64, 3]], clock) // Right(...) for axes [2]
 */
import * as E from 'fp-ts/lib/Either.js'
import type { OpAttrs, OpName } from '../../core/ops.js'
import { local, time0, type PrimRule } from './common.js'

const reduce: PrimRule = {
  info: (e, ins, shapes) => {
    const t = time0(ins)
    const rank = shapes[0]!.length
    const axes = (e.attrs as OpAttrs['sum']).axes.map((a) => (a < 0 ? a + rank : a))
    if (axes.includes(t.axis)) return E.left(`${e.op} over the time axis needs the whole signal`)
    return E.right({ axis: t.axis - axes.filter((a) => a < t.axis).length, rate: t.rate })
  },
  run: local(),
}

/** Rules of the reduce primitives. @example reduceRules.reduceMax */
export const reduceRules: Readonly<Partial<Record<OpName, PrimRule>>> = { sum: reduce, reduceMax: reduce }
