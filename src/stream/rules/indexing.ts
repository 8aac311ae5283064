/**
 * Stream rules of the indexing group. `gather` is time-local when only its
 * operand or only its indices carry time (never along the time axis or in the
 * batch axes); with both time-indexed it is a variable delay read:
 * `gather(x, idx, axis 1, batchDims 1)` with x `[B, T]` and read positions
 * idx `[B, T]` both time-indexed (as `synths/delay` `variableDelay` builds
 * it): out[b, t] = x[b, round(idx[b, t])], 0 outside [0, T). The input
 * history is carried (all of it: the stream has the program's finite length),
 * so any delay works; a position at or past the end of the current block
 * reads the future and fails at run time. `scatterAdd` streams with static
 * indices, away from the time axis.
 *
 * @example
 * import { delayRead } from './indexing.js'
 * delayRead.info(eqn, [{ axis: 1, rate: 'audio' }, { axis: 1, rate: 'audio' }], [[1, 64], [1, 64]], clock)
 */
import * as E from 'fp-ts/lib/Either.js'
import type { HostTensor } from '../../core/backend.js'
import type { OpAttrs, OpName } from '../../core/ops.js'
import { joinAxis } from '../align.js'
import { withTime } from '../types.js'
import { local, type PrimRule } from './common.js'

/**
 * True when a gather is a per-row delay read of a time-indexed signal at time-indexed positions.
 * @example isDelayRead({ axis: 1, batchDims: 1 }, [[1, 64], [1, 64]], [1, 1]) // true
 */
export const isDelayRead = (a: OpAttrs['gather'], shapes: ReadonlyArray<readonly number[]>, axes: readonly number[]): boolean =>
  shapes[0]!.length === 2 && shapes[1]!.length === 2 && (a.axis === 1 || a.axis === -1) && a.batchDims === 1 && axes[0] === 1 && axes[1] === 1

/** The delay-read rule. @example delayRead.run(ctx, eqn, [x, idx], infos, { axis: 1, rate: 'audio' }) // x read at round(idx), history carried */
export const delayRead: PrimRule = {
  info: (e, ins, shapes) =>
    isDelayRead(e.attrs as OpAttrs['gather'], shapes, ins.map((t) => t?.axis ?? -1)) && ins[0]!.rate === 'audio' && ins[1]!.rate === 'audio'
      ? E.right(ins[0]!)
      : E.left('gather with time-varying indices into a time-varying signal is only streamed as a delay read (x [B, T], idx [B, T], axis 1, batchDims 1)'),
  run: (ctx, e, [x, idx], _infos, out) => {
    const [b, n] = x!.shape as [number, number]
    const total = ctx.clock.samples
    const hist = (ctx.get() as HostTensor | undefined) ?? { data: new Float64Array(0), shape: [b, 0] }
    const all = joinAxis(ctx.kernels, hist, x!, 1)
    const len = all.shape[1]!
    const y = new Float64Array(b * n)
    for (let r = 0; r < b; r++)
      for (let t = 0; t < n; t++) {
        const j = Math.round(idx!.data[r * n + t]!)
        if (j < 0 || j >= total) continue
        if (j >= len) throw new Error(`delay read at sample ${j} is ahead of the stream (block ends at ${len})`)
        y[r * n + t] = all.data[r * len + j]!
      }
    ctx.put(all)
    return { data: y, shape: withTime(e.shape, out, n) }
  },
}

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

/** Rules of the indexing primitives. @example indexingRules.gather */
export const indexingRules: Readonly<Partial<Record<OpName, PrimRule>>> = { gather, scatterAdd }
