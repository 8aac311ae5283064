/**
 * The argument check every pairwise loss shares: pred and target must be audio
 * `[B, N]` of one shape. Returns a message naming the loss and both shapes
 * (the caller turns it into a graph error with `invalid`), or `undefined`.
 *
 * @example
 * const bad = checkPair('l1Loss', pred, target)
 * if (bad !== undefined) return invalid(pred, bad, 'static')
 */
import type { Signal } from '../core/signal.js'
import { dimsOf } from '../dsp/guard.js'

/**
 * A message if pred and target are not audio `[B, N]` of one shape, else `undefined`.
 * @param what the loss's name, for the message  @param pred audio `[B, N]`  @param target audio `[B, N]`
 * @example checkPair('siSdrLoss', pred, target) // undefined when both are [1, 16000]
 */
export const checkPair = (what: string, pred: Signal<'audio'>, target: Signal<'audio'>): string | undefined => {
  const [p, t] = [dimsOf(pred, 2), dimsOf(target, 2)]
  if (p === undefined || t === undefined) return `${what} needs pred and target audio [batch, samples]`
  return p[0] === t[0] && p[1] === t[1] ? undefined : `${what}: pred [${p.join(', ')}] and target [${t.join(', ')}] differ in shape`
}
