/**
 * A parallel, differentiable ADSR envelope: a closed form per sample (no
 * recurrence, no loop), differentiable in attack, decay, sustain, release and
 * in the note's onset and offset times.
 *
 * With τ = u − onset (u the end time of the sample, see `sampleTimes`) and
 * a' = max(a, 1/sr) (likewise d', r'), the gated envelope is (computed in
 * units of samples, so sample counts stay exact integers)
 *   g(τ) = clip(τ/a', 0, 1) − (1 − s)·clip((τ − a)/d', 0, 1),
 * linear attack to 1, linear decay to s, then s. After the offset the release
 * starts from the level actually reached, L = g(offset − onset), not from s
 * (derum's approximation), so a note released during its attack fades from
 * where it was and the envelope is continuous across the offset:
 *   env(u) = g(τ)                                   while u − 1/sr < offset
 *   env(u) = L · clip(1 − (u − offset)/r', 0, 1)    after.
 * With a = d = r = 0 and s = 1 the envelope equals the gate.
 *
 * @example
 * const env = adsr({ attack: 0.01, decay: 0.1, sustain: 0.6, release: 0.3, onset: 0, offset: 0.5 }, 16000, 16000)
 */
import { div, less, max, min, mul, select, sub } from '../core/math.js'
import { withRate, type Operand, type Signal } from '../core/signal.js'
import { sampleCounts } from './time.js'

/** ADSR times in seconds and the sustain level in [0, 1]; each a number or a static signal `[B, 1]`. */
export interface AdsrParams {
  readonly attack: Operand
  readonly decay: Operand
  readonly sustain: Operand
  readonly release: Operand
}

/** A note's gate, in seconds: on at `onset`, off at `offset`. Numbers or static `[B, 1]`. */
export interface Gate {
  readonly onset: Operand
  readonly offset: Operand
}

const clip01 = (x: Operand) => min(max(x, 0), 1)

/** Seconds to samples. */
const samples = (x: Operand, sr: number) => mul(x, sr)

/** g(τ) with τ in samples: attack, decay and sustain while the gate is on. */
const gated = (tau: Operand, p: AdsrParams, sr: number) => {
  const attack = clip01(div(tau, max(samples(p.attack, sr), 1)))
  const decay = clip01(div(sub(tau, samples(p.attack, sr)), max(samples(p.decay, sr), 1)))
  return sub(attack, mul(sub(1, p.sustain), decay))
}

/**
 * The ADSR envelope of one note per batch row.
 * @param p attack, decay, release (s) and sustain level, and the gate's onset and offset (s)
 * @param n number of samples  @param sampleRate Hz
 * @returns audio `[B, n]` (B from the parameters' shapes, 1 for numbers)
 * @example adsr({ attack: 0.005, decay: 0.2, sustain: 0.5, release: 0.5 , onset: 0.1, offset: 0.6 }, 48000, 48000)
 */
export const adsr = (p: AdsrParams & Gate, n: number, sampleRate: number): Signal<'audio'> => {
  // in samples: u = 1…n (exact), so the degenerate envelope equals the gate exactly
  const u = sampleCounts(n)
  const [onset, offset] = [samples(p.onset, sampleRate), samples(p.offset, sampleRate)]
  const level = gated(sub(offset, onset), p, sampleRate)
  const release = clip01(sub(1, div(sub(u, offset), max(samples(p.release, sampleRate), 1))))
  const on = less(sub(u, 1), offset)
  return withRate(select(on, gated(sub(u, onset), p, sampleRate), mul(level, release)).node, 'audio')
}
