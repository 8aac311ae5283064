/**
 * Shape guards shared by the dsp composites: read a signal's static shape and
 * turn a bad argument into an invalid node (errors are values: the message
 * flows downstream and `compile` reports it with the call site).
 *
 * @example
 * const [b, n] = dimsOf(x, 2) ?? [1, 1]
 * if (n < len) return invalid(x, `frame: signal of ${n} samples is shorter than ${len}`, x.rate)
 */
import { mk } from '../core/node.js'
import { Signal, type Rate } from '../core/signal.js'

/** The shape of `x` if it is valid and has `rank` axes, else `undefined`. */
export const dimsOf = (x: Signal<Rate>, rank: number): readonly number[] | undefined => {
  const s = x.shape
  return s !== undefined && s.length === rank ? s : undefined
}

/**
 * A signal of rate `rate` that carries `message` as its graph error (compile reports it).
 * @example invalid(x, 'nFft must be a power of two', 'audio')
 */
export const invalid = <R extends Rate>(x: Signal<Rate>, message: string, rate: R): Signal<R> =>
  new Signal(mk('stopGradient', [x.node], {}, message), rate)

/** Whether `n` is a positive integer. */
export const isPosInt = (n: number): boolean => Number.isInteger(n) && n > 0
