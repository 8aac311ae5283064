/**
 * Stream rules of the scan group: `cumsum` along time carries its running
 * sum (a reverse cumsum along time needs the future and is refused), and
 * `recurrence` carries y[T−1] of a block as y0 of the next; along other axes
 * both are time-local.
 *
 * @example
 * import { scanRules } from './scan.js'
 * scanRules.cumsum.info(eqn, [{ axis: 1, rate: 'audio' }], [[1, 64]], clock) // Right({ axis: 1, rate: 'audio' })
 */
import * as E from 'fp-ts/lib/Either.js'
import type { HostTensor } from '../../core/backend.js'
import type { OpAttrs, OpName } from '../../core/ops.js'
import { alignAll, sliceAxis, zerosOf } from '../align.js'
import { extentOf, withTime } from '../types.js'
import { local, time0, type PrimRule } from './common.js'

/** cumsum along time: the running sum of everything before the block is carried. */
const cumsum: PrimRule = {
  info: (e, ins) => {
    const a = e.attrs as OpAttrs['cumsum']
    const t = time0(ins)
    return a.reverse && (a.axis < 0 ? a.axis + e.shape.length : a.axis) === t.axis ? E.left('reverse cumsum along time needs the future') : E.right(t)
  },
  run: (ctx, e, [x], _i, out) => {
    const a = e.attrs as OpAttrs['cumsum']
    const k = ctx.kernels
    if ((a.axis < 0 ? a.axis + e.shape.length : a.axis) !== out.axis) return local()(ctx, e, [x!], [out], out)
    const carryShape = withTime(x!.shape, out, 1)
    const carry = (ctx.get() as HostTensor | undefined) ?? zerosOf(k, carryShape)
    const y = k.add([k.cumsum([x!], a, x!.shape), carry], {}, x!.shape)
    ctx.put(k.add([carry, k.reshape([k.sum([x!], { axes: [out.axis] }, carryShape.filter((_, i) => i !== out.axis))], { shape: carryShape }, carryShape)], {}, carryShape))
    return y
  },
}

/** recurrence along time: y[T−1] of a block is y0 of the next. */
const recurrence: PrimRule = {
  info: (_e, ins, shapes) => {
    const [ta, tx, ty] = ins
    const r = shapes[1]!.length
    if (ty !== null) return E.left('recurrence with a time-varying initial state')
    const t = (tx ?? ta)!
    if (t.axis === r - 1) return E.left('recurrence with time on the state axis')
    if (ta !== null && tx !== null && ta!.axis !== tx!.axis) return E.left('recurrence: a and x have time on different axes')
    return E.right(t)
  },
  run: (ctx, e, ins, infos, out) => {
    const r = e.shape.length
    if (out.axis !== r - 2) return local()(ctx, e, ins, infos, out)
    const len = extentOf(out.rate, ctx.w)
    const shape = withTime(e.shape, out, len)
    if (len === 0) return zerosOf(ctx.kernels, shape)
    // a [..., T, k, k] and x [..., T, k] keep time at the same index; y0 [..., k] has none
    const a = alignAll(ctx, [ins[0]!], [infos[0]!], r + 1, out)[0]!
    const x = alignAll(ctx, [ins[1]!], [infos[1]!], r, out)[0]!
    const init = (ctx.get() as HostTensor | undefined) ?? ins[2]!
    const y = ctx.kernels.recurrence([a, x, init], {}, shape)
    ctx.put(ctx.kernels.reshape([sliceAxis(ctx.kernels, y, out.axis, len - 1, 1)], { shape: init.shape }, init.shape))
    return y
  },
}

/** Rules of the scan primitives. @example scanRules.recurrence */
export const scanRules: Readonly<Partial<Record<OpName, PrimRule>>> = { cumsum, recurrence }
