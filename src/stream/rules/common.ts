/**
 * What every primitive's stream rule shares: the `PrimRule` type (how the time
 * axis moves through an op, and how one block is computed), the broadcast rule
 * of time axes, and `local`, which runs the op's own kernel on the block with
 * the time extent rewritten (the rule of every time-local op).
 *
 * @example
 * import { local, time0, type PrimRule } from './common.js'
 * const sinRule: PrimRule = { info: (_e, ins) => E.right(time0(ins)), run: local() }
 */
import * as E from 'fp-ts/lib/Either.js'
import type { HostTensor } from '../../core/backend.js'
import type { OpName } from '../../core/ops.js'
import type { PrimEqn } from '../../core/program.js'
import { alignAll, type BlockCtx } from '../align.js'
import { extentOf, withTime, type Clock, type TimeInfo } from '../types.js'

/** A value's time info, known to be time-indexed. @example const t: T = { axis: 1, rate: 'audio' } */
export type T = NonNullable<TimeInfo>

/** A primitive's stream rule. */
export interface PrimRule {
  /** Time info of the output, given the inputs' (at least one is not null). */
  readonly info: (e: PrimEqn, ins: readonly TimeInfo[], shapes: ReadonlyArray<readonly number[]>, clock: Clock) => E.Either<string, T>
  /** The output block. */
  readonly run: (ctx: BlockCtx, e: PrimEqn, ins: readonly HostTensor[], infos: readonly TimeInfo[], out: T) => HostTensor
}

/**
 * The common output axis of broadcasting operands, or a reason.
 * @example broadcastInfo(addEqn, [{ axis: 1, rate: 'audio' }, null], [[1, 64], [1]], clock) // Right({ axis: 1, rate: 'audio' })
 */
export const broadcastInfo: PrimRule['info'] = (e, ins, shapes) => {
  const r = e.shape.length
  const axes = ins.flatMap((t, i) => (t === null ? [] : [{ axis: t.axis + r - shapes[i]!.length, rate: t.rate }]))
  const first = axes[0]!
  return axes.every((a) => a.axis === first.axis && a.rate === first.rate)
    ? E.right(first)
    : E.left('operands have their time axes at different positions or rates')
}

const kernelOf = (ctx: BlockCtx, op: OpName) => ctx.kernels[op as Exclude<OpName, 'input' | 'param' | 'arg'>] as (i: readonly HostTensor[], a: unknown, s: readonly number[]) => HostTensor

/**
 * Runs the kernel on aligned operands with the output's time extent rewritten.
 * @param attrsFor the attributes for a block of `len` (default: the equation's own)
 * @example const sinRule: PrimRule = { info: broadcastInfo, run: local() }
 */
export const local =
  (attrsFor: (e: PrimEqn, out: T, len: number) => unknown = (e) => e.attrs): PrimRule['run'] =>
  (ctx, e, ins, infos, out) => {
    const len = extentOf(out.rate, ctx.w)
    const shape = withTime(e.shape, out, len)
    return kernelOf(ctx, e.op)(alignAll(ctx, ins, infos, e.shape.length, out), attrsFor(e, out, len), shape)
  }

/**
 * Reductions and ops that must leave time alone on listed axes: a check for `guarded`.
 * @example notOnTime((e) => (e.attrs as OpAttrs['reverse']).axes, 'reverse')
 */
export const notOnTime = (axes: (e: PrimEqn, rank: number) => readonly number[], what: string) => (e: PrimEqn, t: T, rank: number) =>
  axes(e, rank).map((a) => (a < 0 ? a + rank : a)).includes(t.axis) ? `${what} along the time axis needs the whole signal` : undefined

/** The first time-indexed operand's time info. @example time0([null, { axis: 1, rate: 'audio' }]) // { axis: 1, rate: 'audio' } */
export const time0 = (ins: readonly TimeInfo[]): T => ins.find((t) => t !== null)!

/**
 * A rule that first refuses what `check` names (a message), then defers to `r`.
 * @example guarded(notOnTime((e) => (e.attrs as OpAttrs['reverse']).axes, 'reverse'), rule)
 */
export const guarded = (check: (e: PrimEqn, t: T, rank: number) => string | undefined, r: PrimRule): PrimRule => ({
  info: (e, ins, shapes, clock) => {
    const bad = check(e, time0(ins), shapes[ins.findIndex((t) => t !== null)]!.length)
    return bad !== undefined ? E.left(bad) : r.info(e, ins, shapes, clock)
  },
  run: r.run,
})
