/**
 * Stream rule of a variable delay read: `gather(x, idx, axis 1, batchDims 1)`
 * with x `[B, T]` and read positions idx `[B, T]` both time-indexed (as
 * `synths/delay` `variableDelay` builds it): out[b, t] = x[b, round(idx[b, t])],
 * 0 outside [0, T). The input history is carried (all of it: the stream has the
 * program's finite length), so any delay works; a position at or past the end
 * of the current block reads the future and fails at run time.
 *
 * @example
 * import { delayRead } from './delay.js'
 * delayRead.info(eqn, [{ axis: 1, rate: 'audio' }, { axis: 1, rate: 'audio' }], [[1, 64], [1, 64]], clock)
 */
import * as E from 'fp-ts/lib/Either.js'
import type { RefTensor } from '../../backends/reference/index.js'
import type { OpAttrs } from '../../core/ops.js'
import { joinAxis } from './align.js'
import type { PrimRule } from './rules.js'
import { withTime } from './types.js'

/** True when a gather is a per-row delay read of a time-indexed signal at time-indexed positions. */
export const isDelayRead = (a: OpAttrs['gather'], shapes: ReadonlyArray<readonly number[]>, axes: readonly number[]): boolean =>
  shapes[0]!.length === 2 && shapes[1]!.length === 2 && (a.axis === 1 || a.axis === -1) && a.batchDims === 1 && axes[0] === 1 && axes[1] === 1

/** The delay-read rule. */
export const delayRead: PrimRule = {
  info: (e, ins, shapes) =>
    isDelayRead(e.attrs as OpAttrs['gather'], shapes, ins.map((t) => t?.axis ?? -1)) && ins[0]!.rate === 'audio' && ins[1]!.rate === 'audio'
      ? E.right(ins[0]!)
      : E.left('gather with time-varying indices into a time-varying signal is only streamed as a delay read (x [B, T], idx [B, T], axis 1, batchDims 1)'),
  run: (ctx, e, [x, idx], _infos, out) => {
    const [b, n] = x!.shape as [number, number]
    const total = ctx.clock.samples
    const hist = (ctx.get() as RefTensor | undefined) ?? { data: new Float64Array(0), shape: [b, 0] }
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
