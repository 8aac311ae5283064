/**
 * Block views of values: a value constant in time but as long as the stream
 * along the axis that meets the time axis (e.g. a constant table of T
 * samples) is sliced to the block; every other static value is used whole,
 * so broadcasting does the rest.
 *
 * @example
 * import { alignStatic } from './align.js'
 * // a static [1, 480] meeting time axis 1 of a [2, 480] block output → its [1, 128] slice
 */
import type { HostTensor, Kernels } from '../core/backend.js'
import { extentOf, fullOf, start, type Clock, type StateValue, type TimeInfo, type Window } from './types.js'

/** What a rule sees when it runs on one block. */
export interface BlockCtx {
  readonly kernels: Kernels<HostTensor>
  readonly clock: Clock
  readonly w: Window
  /** This equation's carried state (undefined on the first block). */
  readonly get: () => StateValue | undefined
  /** Stores this equation's state for the next block. */
  readonly put: (v: StateValue) => void
}

/**
 * Slices `x` along `axis` to [begin, begin + len).
 * @example sliceAxis(k, x, 1, 128, 64) // x[:, 128:192]
 */
export const sliceAxis = (k: Kernels<HostTensor>, x: HostTensor, axis: number, begin: number, len: number): HostTensor => {
  const b = x.shape.map((_, i) => (i === axis ? begin : 0))
  const size = x.shape.map((d, i) => (i === axis ? len : d))
  return k.slice([x], { begin: b, size }, size)
}

/**
 * The block view of a static operand of an op whose output (rank `outRank`) has time info `out`.
 * @param x the full static value  @returns x sliced to the block if its aligned axis spans the stream, else x
 * @example alignStatic(ctx, table, 2, { axis: 1, rate: 'audio' })
 */
export const alignStatic = (ctx: BlockCtx, x: HostTensor, outRank: number, out: NonNullable<TimeInfo>): HostTensor => {
  const ax = out.axis - (outRank - x.shape.length)
  const full = fullOf(out.rate, ctx.clock)
  if (ax < 0 || full === 1 || x.shape[ax] !== full) return x
  return sliceAxis(ctx.kernels, x, ax, start(out.rate, ctx.w), extentOf(out.rate, ctx.w))
}

/**
 * Block views of all operands: time operands as they are, static ones aligned.
 * @example alignAll(ctx, [x, table], [info, null], 2, info)
 */
export const alignAll = (
  ctx: BlockCtx,
  ins: readonly HostTensor[],
  infos: readonly TimeInfo[],
  outRank: number,
  out: NonNullable<TimeInfo>,
): HostTensor[] => ins.map((x, i) => (infos[i] === null ? alignStatic(ctx, x, outRank, out) : x))

/**
 * Concatenates two values along `axis` (history then block).
 * @example joinAxis(k, history, block, 1)
 */
export const joinAxis = (k: Kernels<HostTensor>, a: HostTensor, b: HostTensor, axis: number): HostTensor =>
  k.concat([a, b], { axis }, a.shape.map((d, i) => (i === axis ? d + b.shape[i]! : d)))

/**
 * Zeros of a shape.
 * @example zerosOf(k, [1, 3])
 */
export const zerosOf = (k: Kernels<HostTensor>, shape: readonly number[]): HostTensor => k.constant([], { shape, data: [0] }, shape)
