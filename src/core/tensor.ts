/**
 * Structural combinators on signals: reductions, layout, indexing, matrix
 * product, cumulative sum, the real FFT pair and the linear recurrence. Each
 * keeps its data operand's rate; mixing audio and control operands is an
 * error (at compile time where types allow, at graph construction always).
 *
 * @example
 * import { rfft, irfft, sum, recurrence } from 'ddsp-ts'
 * const spec = rfft(frames, 1024)            // [..., 513, 2]
 * const energy = sum(mul(spec, spec), [-1, -2])
 */
import { mk } from './node.js'
import type { OpAttrs, OpName } from './ops.js'
import type { Shape } from './shape.js'
import { joinRates, lift, rateOf, Signal, type Compatible, type JoinOf, type Operand, type Rate } from './signal.js'

const apply = <K extends OpName>(op: K, operands: readonly Operand[], attrs: OpAttrs[K]): Signal<Rate> => {
  const rates = operands.map(rateOf)
  const rate = joinRates(rates)
  const error = rate === undefined ? `cannot combine ${rates.join(' and ')} signals in ${op}` : undefined
  return new Signal(mk(op, operands.map(lift), attrs, error), rate ?? 'static')
}
const same = <R extends Rate, K extends OpName>(op: K, x: Signal<R>, attrs: OpAttrs[K]): Signal<R> =>
  new Signal<R>(mk(op, [x.node], attrs), x.rate)

/** Sum over `axes` (removed). @example sum(x, [-1]) */
export const sum = <R extends Rate>(x: Signal<R>, axes: readonly number[]): Signal<R> => same('sum', x, { axes })
/** Maximum over `axes` (removed); the gradient is split among ties. @example reduceMax(x, [0]) */
export const reduceMax = <R extends Rate>(x: Signal<R>, axes: readonly number[]): Signal<R> => same('reduceMax', x, { axes })
/** Same values, new shape of equal size. @example reshape(x, [2, -1 as never]) */
export const reshape = <R extends Rate>(x: Signal<R>, shape: Shape): Signal<R> => same('reshape', x, { shape })
/** NumPy broadcast to `shape`. @example broadcastTo(x, [4, 100]) */
export const broadcastTo = <R extends Rate>(x: Signal<R>, shape: Shape): Signal<R> => same('broadcast', x, { shape })
/** Permutes axes (`out.shape[i] = x.shape[perm[i]]`). @example transpose(x, [1, 0]) */
export const transpose = <R extends Rate>(x: Signal<R>, perm: readonly number[]): Signal<R> => same('transpose', x, { perm })
/** The box `[begin, begin + size)` on each axis. @example slice(x, [0, 10], [1, 100]) */
export const slice = <R extends Rate>(x: Signal<R>, begin: readonly number[], size: readonly number[]): Signal<R> =>
  same('slice', x, { begin, size })
/** Zero padding before and after each axis. @example pad(x, [0, 1], [0, 1]) */
export const pad = <R extends Rate>(x: Signal<R>, before: readonly number[], after: readonly number[]): Signal<R> =>
  same('pad', x, { before, after })
/** Reverses the order along `axes`. @example reverse(x, [-1]) */
export const reverse = <R extends Rate>(x: Signal<R>, axes: readonly number[]): Signal<R> => same('reverse', x, { axes })
/** Cumulative sum along `axis` (inclusive unless `exclusive`). @example cumsum(x, -1) */
export const cumsum = <R extends Rate>(x: Signal<R>, axis: number, reverse = false, exclusive = false): Signal<R> =>
  same('cumsum', x, { axis, reverse, exclusive })
/** Real FFT of the last axis (length n) → `[..., n/2+1, 2]` (re, im). @example rfft(frames, 512) */
export const rfft = <R extends Rate>(x: Signal<R>, n: number): Signal<R> => same('rfft', x, { n })
/** Inverse real FFT `[..., n/2+1, 2]` → `[..., n]` (NumPy irfft). @example irfft(spec, 512) */
export const irfft = <R extends Rate>(x: Signal<R>, n: number): Signal<R> => same('irfft', x, { n })

/**
 * Joins signals of one rate along `axis`.
 * @example concat([a, b], -1)
 */
export const concat = <R extends Rate>(xs: ReadonlyArray<Signal<R>>, axis: number): Signal<R> =>
  apply('concat', xs, { axis }) as Signal<R>

/**
 * Gathers slices of `x` along `axis` at `indices` (rounded; out of range reads 0).
 * @param batchDims leading axes shared by `x` and `indices` (tf.gather)
 * @example gather(table, phaseIndex, 0)
 */
export const gather = <R extends Rate, I extends Operand>(x: Signal<R>, indices: I & Compatible<Signal<R>, I>, axis: number, batchDims = 0): Signal<JoinOf<Signal<R>, I>> =>
  apply('gather', [x, indices], { axis, batchDims }) as Signal<JoinOf<Signal<R>, I>>

/**
 * Adds `updates` into `size` slots along `axis` at `indices` (the transpose of gather; overlap-add).
 * @example scatterAdd(frames, frameIndex, 0, 16000)
 */
export const scatterAdd = <R extends Rate, I extends Operand>(updates: Signal<R>, indices: I, axis: number, size: number, batchDims = 0): Signal<Rate> =>
  apply('scatterAdd', [updates, indices], { axis, batchDims, size })

/**
 * Batched matrix product over the last two axes (batch axes broadcast).
 * @example matmul(hidden, weights) // [B, T, 64] · [64, 32] → [B, T, 32]
 */
export const matmul = <A extends Operand, C extends Operand>(a: A, b: C & Compatible<A, C>, transposeA = false, transposeB = false): Signal<JoinOf<A, C>> =>
  apply('matmul', [a, b], { transposeA, transposeB }) as Signal<JoinOf<A, C>>

/**
 * The linear recurrence y[t] = a[t]·y[t−1] + x[t] with state size k.
 * @param a `[..., T, k, k]` transition  @param x `[..., T, k]` input  @param y0 `[..., k]` initial state
 * @returns `y: [..., T, k]`; the final state is `y[..., T−1, :]`.
 * @example recurrence(broadcastTo(constant(0.99), [1, T, 1, 1]), x, constant(0, [1, 1])) // one-pole
 */
export const recurrence = <R extends Rate>(a: Operand, x: Signal<R>, y0: Operand): Signal<R> =>
  apply('recurrence', [a, x, y0].map((o) => (typeof o === 'number' ? o : o.rate === x.rate ? o : new Signal(o.node, 'static'))), {}) as Signal<R>
