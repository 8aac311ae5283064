/**
 * Stream rules of the layout group: `reshape`, `broadcast` and `transpose`
 * follow the time axis; `slice` from 0 along time keeps indices; `reverse`
 * is refused along time; `pad` before along time is a delay line carrying
 * the last d samples (zeros after start where the input's data ends), and
 * `concat` of static leading parts then one time part is a delay line primed
 * with them.
 *
 * @example
 * import { layoutRules } from './layout.js'
 * layoutRules.pad.info(eqn, [{ axis: 1, rate: 'audio' }], [[1, 64]], clock) // Right({ axis: 1, rate: 'audio' })
 */
import * as E from 'fp-ts/lib/Either.js'
import type { HostTensor } from '../../core/backend.js'
import type { OpAttrs, OpName } from '../../core/ops.js'
import { joinAxis, sliceAxis, zerosOf, type BlockCtx } from '../align.js'
import { start, withTime } from '../types.js'
import { broadcastInfo, guarded, local, notOnTime, time0, type PrimRule, type T } from './common.js'

const prod = (s: readonly number[]) => s.reduce((a, b) => a * b, 1)

const reshape: PrimRule = {
  info: (e, ins, shapes) => {
    const t = time0(ins)
    const s = shapes[0]!
    const target = (e.attrs as OpAttrs['reshape']).shape
    const before = prod(s.slice(0, t.axis))
    const b = target.findIndex((d, i) => d === s[t.axis] && prod(target.slice(0, i)) === before)
    return b < 0 ? E.left(`reshape ${JSON.stringify(s)} → ${JSON.stringify(target)} mixes the time axis with others`) : E.right({ axis: b, rate: t.rate })
  },
  run: local((e, out, len) => ({ shape: withTime(e.shape, out, len) })),
}

const broadcast: PrimRule = {
  info: (e, ins, shapes) => E.right({ axis: time0(ins).axis + e.shape.length - shapes[0]!.length, rate: time0(ins).rate }),
  run: local((e, out, len) => ({ shape: withTime(e.shape, out, len) })),
}

const transpose: PrimRule = {
  info: (e, ins) => E.right({ axis: (e.attrs as OpAttrs['transpose']).perm.indexOf(time0(ins).axis), rate: time0(ins).rate }),
  run: local(),
}

/** slice from 0 along time keeps indices; a shorter result is fine, as positions past its end never reach the stream (pad zeroes them). */
const slice: PrimRule = {
  info: (e, ins) => {
    const t = time0(ins)
    const a = e.attrs as OpAttrs['slice']
    return a.begin[t.axis] !== 0 ? E.left(`slice starting at ${a.begin[t.axis]} along time reads ahead (lookahead)`) : E.right(t)
  },
  run: local((e, out, len) => {
    const a = e.attrs as OpAttrs['slice']
    return { begin: a.begin, size: withTime(a.size, out, len) }
  }),
}

/**
 * A delay line: the block seen through `hist` (d earlier values, initially `init`), y[t] = x[t − d].
 * @returns the delayed block; the last d values are carried
 */
const delayLine = (ctx: BlockCtx, x: HostTensor, axis: number, init: HostTensor): HostTensor => {
  const d = init.shape[axis]!
  const len = x.shape[axis]!
  if (d === 0) return x
  const hist = (ctx.get() as HostTensor | undefined) ?? init
  const all = joinAxis(ctx.kernels, hist, x, axis)
  ctx.put(sliceAxis(ctx.kernels, all, axis, len, d))
  return sliceAxis(ctx.kernels, all, axis, 0, len)
}

/** Zeroes block positions at or past `valid` (the end of the offline value's data along time). */
const zeroPast = (ctx: BlockCtx, y: HostTensor, out: T, valid: number): HostTensor => {
  const at = start(out.rate, ctx.w)
  const len = y.shape[out.axis]!
  if (at + len <= valid) return y
  const keep = Math.max(0, valid - at)
  const head = sliceAxis(ctx.kernels, y, out.axis, 0, keep)
  return joinAxis(ctx.kernels, head, zerosOf(ctx.kernels, withTime(y.shape, out, len - keep)), out.axis)
}

/** pad: d zeros before along time are a delay line of d samples; zeros after start where the input's data ends. */
const pad: PrimRule = {
  info: (_e, ins) => E.right(time0(ins)),
  run: (ctx, e, [x], _infos, out) => {
    const a = e.attrs as OpAttrs['pad']
    const d = a.before[out.axis]!
    const before = a.before.map((v, i) => (i === out.axis ? 0 : v))
    const after = a.after.map((v, i) => (i === out.axis ? 0 : v))
    const padded = ctx.kernels.pad([x!], { before, after }, withTime(e.shape, out, x!.shape[out.axis]!))
    const y = delayLine(ctx, padded, out.axis, zerosOf(ctx.kernels, withTime(padded.shape, out, d)))
    return a.after[out.axis]! > 0 ? zeroPast(ctx, y, out, e.shape[out.axis]! - a.after[out.axis]!) : y
  },
}

/** concat: along other axes time-local; along time, static leading parts then the time part is a delay line primed with them. */
const concat: PrimRule = {
  info: (e, ins, shapes) => {
    const t = broadcastInfo(e, ins, shapes, { samples: 0, frames: 0 })
    const axis = (e.attrs as OpAttrs['concat']).axis
    const onTime = E.isRight(t) && (axis < 0 ? axis + e.shape.length : axis) === t.right.axis
    if (!onTime) return t
    return ins.slice(0, -1).every((i) => i === null) && ins.at(-1) !== null
      ? E.right(ins.at(-1)!)
      : E.left('concat along the time axis (only static leading parts before one time-varying part stream, as a delay line)')
  },
  run: (ctx, e, ins, infos, out) => {
    const axis = (e.attrs as OpAttrs['concat']).axis
    if ((axis < 0 ? axis + e.shape.length : axis) !== out.axis) return local()(ctx, e, ins, infos, out)
    const lead = ins.slice(0, -1)
    const shape = lead[0]!.shape.map((dd, i) => (i === out.axis ? lead.reduce((n, v) => n + v.shape[i]!, 0) : dd))
    const init = lead.length === 1 ? lead[0]! : ctx.kernels.concat(lead, { axis: out.axis }, shape)
    return delayLine(ctx, ins.at(-1)!, out.axis, init)
  },
}

const reverse = guarded(notOnTime((e) => (e.attrs as OpAttrs['reverse']).axes, 'reverse'), { info: (_e, ins) => E.right(time0(ins)), run: local() })

/** Rules of the layout primitives. @example layoutRules.concat */
export const layoutRules: Readonly<Partial<Record<OpName, PrimRule>>> = { reshape, broadcast, transpose, slice, pad, concat, reverse }
