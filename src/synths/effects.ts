/**
 * Simple effects: gain in dB, tanh waveshaper with drive, constant-power pan
 * and crossfade, and mixing.
 *   gain:       y = 10^(g/20)·x
 *   waveshaper: y = tanh(10^(drive/20)·x)·(1/tanh(10^(drive/20))) when normalised
 *   pan:        θ = (pos + 1)·π/4, L = cos θ·x, R = sin θ·x   (pos ∈ [−1, 1]; L² + R² = x²)
 *   crossfade:  y = cos(m·π/2)·a + sin(m·π/2)·b                (m ∈ [0, 1], constant power;
 *               ddsp's `Mix` is not, despite its docstring)
 *
 * @example
 * const [l, r] = pan(tanhDrive(x, 6), -0.3)
 */
import { add, cos, div, mul, pow, sin, tanh } from '../core/math.js'
import { mixMonoid, withRate, type Operand, type Signal } from '../core/signal.js'

/** 10^(dB/20)·x. @example gainDb(x, -6) */
export const gainDb = (x: Signal<'audio'>, db: Operand): Signal<'audio'> => withRate(mul(x, pow(10, div(db, 20))).node, 'audio')

/**
 * tanh waveshaper with input drive in dB; `normalise` keeps a full-scale input at full scale.
 * @example tanhDrive(x, 12, true)
 */
export const tanhDrive = (x: Signal<'audio'>, driveDb: Operand, normalise = false): Signal<'audio'> => {
  const g = pow(10, div(driveDb, 20))
  const y = tanh(mul(g, x))
  return withRate((normalise ? div(y, tanh(g)) : y).node, 'audio')
}

/**
 * Constant-power pan of a mono signal.
 * @param position −1 (left) … 1 (right)  @returns [left, right], each `[B, T]`
 * @example pan(x, 0.5)
 */
export const pan = (x: Signal<'audio'>, position: Operand): [Signal<'audio'>, Signal<'audio'>] => {
  const theta = mul(Math.PI / 4, add(position, 1))
  return [withRate(mul(cos(theta), x).node, 'audio'), withRate(mul(sin(theta), x).node, 'audio')]
}

/** Constant-power crossfade from `a` (m = 0) to `b` (m = 1). @example crossfade(dry, wet, 0.3) */
export const crossfade = (a: Signal<'audio'>, b: Signal<'audio'>, m: Operand): Signal<'audio'> =>
  withRate(add(mul(cos(mul(Math.PI / 2, m)), a), mul(sin(mul(Math.PI / 2, m)), b)).node, 'audio')

/** Sum of signals (the mixing monoid's concat over a list; silence for none). @example mix([a, b, c]) */
export const mix = (xs: ReadonlyArray<Signal<'audio'>>): Signal<'audio'> => {
  const M = mixMonoid('audio')
  return xs.reduce(M.concat, M.empty)
}
