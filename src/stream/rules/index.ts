/**
 * Stream rules of the primitives, one table keyed by op: how the time axis
 * moves through the op (`info`, or a reason it cannot stream) and how one
 * block is computed (`run`). Time-local ops run the reference kernel on the
 * block with the time extent rewritten; cumsum along time carries its running
 * sum, recurrence carries y[T−1] as the next y0, and pad before along time is
 * a delay line carrying the last d samples.
 *
 * @example
 * import { primRules } from './rules.js'
 * primRules.cumsum.info(eqn, [{ axis: 1, rate: 'audio' }]) // Right({ axis: 1, rate: 'audio' })
 */
import * as E from 'fp-ts/lib/Either.js'
import type { RefTensor } from '../../backends/reference/index.js'
import type { OpAttrs, OpName } from '../../core/ops.js'
import type { PrimEqn } from '../../core/program.js'
import { sizeOf } from '../../core/shape.js'
import { alignAll, joinAxis, sliceAxis, zerosOf, type BlockCtx } from './align.js'
import { delayRead } from './delay.js'
import { extentOf, start, withTime, type Clock, type TimeInfo } from './types.js'

type T = NonNullable<TimeInfo>

/** A primitive's stream rule. */
export interface PrimRule {
  /** Time info of the output, given the inputs' (at least one is not null). */
  readonly info: (e: PrimEqn, ins: readonly TimeInfo[], shapes: ReadonlyArray<readonly number[]>, clock: Clock) => E.Either<string, T>
  /** The output block. */
  readonly run: (ctx: BlockCtx, e: PrimEqn, ins: readonly RefTensor[], infos: readonly TimeInfo[], out: T) => RefTensor
}

/** The common output axis of broadcasting operands, or a reason. */
const broadcastInfo: PrimRule['info'] = (e, ins, shapes) => {
  const r = e.shape.length
  const axes = ins.flatMap((t, i) => (t === null ? [] : [{ axis: t.axis + r - shapes[i]!.length, rate: t.rate }]))
  const first = axes[0]!
  return axes.every((a) => a.axis === first.axis && a.rate === first.rate)
    ? E.right(first)
    : E.left('operands have their time axes at different positions or rates')
}

const kernelOf = (ctx: BlockCtx, op: OpName) => ctx.kernels[op as Exclude<OpName, 'input' | 'param' | 'arg'>] as (i: readonly RefTensor[], a: unknown, s: readonly number[]) => RefTensor

/** Runs the kernel on aligned operands with the output's time extent rewritten. */
const local =
  (attrsFor: (e: PrimEqn, out: T, len: number) => unknown = (e) => e.attrs): PrimRule['run'] =>
  (ctx, e, ins, infos, out) => {
    const len = extentOf(out.rate, ctx.w)
    const shape = withTime(e.shape, out, len)
    return kernelOf(ctx, e.op)(alignAll(ctx, ins, infos, e.shape.length, out), attrsFor(e, out, len), shape)
  }

const elementwise: PrimRule = { info: broadcastInfo, run: local() }

/** Reductions and ops that must leave time alone on listed axes. */
const notOnTime = (axes: (e: PrimEqn, rank: number) => readonly number[], what: string) => (e: PrimEqn, t: T, rank: number) =>
  axes(e, rank).map((a) => (a < 0 ? a + rank : a)).includes(t.axis) ? `${what} along the time axis needs the whole signal` : undefined

const time0 = (ins: readonly TimeInfo[]): T => ins.find((t) => t !== null)!

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
const delayLine = (ctx: BlockCtx, x: RefTensor, axis: number, init: RefTensor): RefTensor => {
  const d = init.shape[axis]!
  const len = x.shape[axis]!
  if (d === 0) return x
  const hist = (ctx.get() as RefTensor | undefined) ?? init
  const all = joinAxis(ctx.kernels, hist, x, axis)
  ctx.put(sliceAxis(ctx.kernels, all, axis, len, d))
  return sliceAxis(ctx.kernels, all, axis, 0, len)
}

/** Zeroes block positions at or past `valid` (the end of the offline value's data along time). */
const zeroPast = (ctx: BlockCtx, y: RefTensor, out: T, valid: number): RefTensor => {
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

const guarded = (check: (e: PrimEqn, t: T, rank: number) => string | undefined, r: PrimRule): PrimRule => ({
  info: (e, ins, shapes, clock) => {
    const bad = check(e, time0(ins), shapes[ins.findIndex((t) => t !== null)]!.length)
    return bad !== undefined ? E.left(bad) : r.info(e, ins, shapes, clock)
  },
  run: r.run,
})

const reverse = guarded(notOnTime((e) => (e.attrs as OpAttrs['reverse']).axes, 'reverse'), { info: (_e, ins) => E.right(time0(ins)), run: local() })

const gather: PrimRule = {
  info: (e, ins, shapes) => {
    const a = e.attrs as OpAttrs['gather']
    const [tx, ti] = ins
    if (tx !== null && ti !== null) return delayRead.info(e, ins, shapes, { samples: 0, frames: 0 })
    const axis = a.axis < 0 ? a.axis + shapes[0]!.length : a.axis
    if (ti !== null && ti !== undefined)
      return ti.axis < a.batchDims ? E.left('gather: time in the batch axes') : E.right({ axis: axis + ti.axis - a.batchDims, rate: ti.rate })
    const t = tx!
    if (t.axis === axis) return E.left('gather along the time axis')
    if (t.axis < a.batchDims) return E.left('gather: time in the batch axes')
    const span = shapes[1]!.length - a.batchDims
    return E.right({ axis: t.axis < axis ? t.axis : t.axis + span - 1, rate: t.rate })
  },
  run: (ctx, e, ins, infos, out) => (infos[0] !== null && infos[1] !== null ? delayRead.run(ctx, e, ins, infos, out) : local()(ctx, e, ins, infos, out)),
}

const scatterAdd: PrimRule = {
  info: (e, ins, shapes) => {
    const a = e.attrs as OpAttrs['scatterAdd']
    const t = ins[0]
    if (t === null || t === undefined || ins[1] !== null) return E.left('scatterAdd with time-varying indices')
    const span = shapes[1]!.length - a.batchDims
    if (t.axis < a.batchDims || (t.axis >= a.axis && t.axis < a.axis + span)) return E.left('scatterAdd along the time axis')
    return E.right({ axis: t.axis < a.axis ? t.axis : t.axis - span + 1, rate: t.rate })
  },
  run: local(),
}

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
    const carry = (ctx.get() as RefTensor | undefined) ?? zerosOf(k, carryShape)
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
    const init = (ctx.get() as RefTensor | undefined) ?? ins[2]!
    const y = ctx.kernels.recurrence([a, x, init], {}, shape)
    ctx.put(ctx.kernels.reshape([sliceAxis(ctx.kernels, y, out.axis, len - 1, 1)], { shape: init.shape }, init.shape))
    return y
  },
}

const lastAxis = (what: string) => (_e: PrimEqn, t: T, rank: number) => (t.axis === rank - 1 || (what === 'irfft' && t.axis === rank - 2) ? `${what} over the time axis needs the whole signal` : undefined)

/** Rules of every non-source primitive. */
export const primRules: Readonly<Partial<Record<OpName, PrimRule>>> = {
  ...Object.fromEntries(
    ['neg', 'exp', 'log', 'sin', 'cos', 'sqrt', 'tanh', 'abs', 'sign', 'floor', 'stopGradient', 'add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'atan2', 'less', 'select'].map((op) => [op, elementwise]),
  ),
  sum: reduce,
  reduceMax: reduce,
  reshape,
  broadcast,
  transpose,
  slice,
  pad,
  concat,
  reverse,
  gather, scatterAdd, matmul, cumsum,
  rfft: guarded(lastAxis('rfft'), { info: (_e, ins) => E.right(time0(ins)), run: local() }),
  irfft: guarded(lastAxis('irfft'), { info: (_e, ins) => E.right(time0(ins)), run: local() }),
  recurrence,
}

/** Size check used by sources: does `shape` carry the audio time axis at axis 1? */
export const isAudioShaped = (shape: readonly number[], clock: Clock): boolean => shape.length >= 2 && shape[1] === clock.samples && sizeOf(shape) > 0
