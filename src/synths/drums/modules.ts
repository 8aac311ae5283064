/**
 * The building blocks of timbreremap's drum synths (Shier et al., NIME 2024,
 * `timbreremap/synth.py`), as closed forms over sample counts c = 1…N:
 * - exp-decay envelope: a linear attack over A = ⌊0.001·sr⌋ samples (c/A),
 *   then r^(c−1−A) with r = 1 − 6.91/(decay_ms·sr/1000) (−60 dB at decay_ms);
 * - sinusoid with a pitch envelope: ω[n] = ω0·(1 + mod·env[n]), ω0 = 2π·f/sr,
 *   phase[n] = Σ_{m<n} ω[m] (exclusive cumsum: initial phase 0), y = sin(phase);
 * - dB gain 10^(g/20).
 * Parameters arrive in [0, 1] and map linearly to their physical range.
 *
 * @example
 * const env = expDecayEnvelope(param01, 44100, 44100)   // [B, N]
 */
import { div, exp, less, log, mul, pow, select, sin, sub, add } from '../../core/math.js'
import { withRate, type Operand, type Signal } from '../../core/signal.js'
import { cumsum, slice } from '../../core/tensor.js'
import { sampleCounts } from '../time.js'

/** A linear map from [0, 1] to a physical range (timbreremap's `ParamaterNormalizer`). */
export interface Range {
  readonly min: number
  readonly max: number
}

/** `min + (max − min)·p` for a [0, 1] parameter. */
export const fromUnit = (p: Signal<'static'>, r: Range): Signal<'static'> => add(r.min, mul(r.max - r.min, p))

/** `(v − min)/(max − min)`: a physical value as a [0, 1] parameter. */
export const toUnit = (v: number, r: Range): number => (v - r.min) / (r.max - r.min)

/** Column `i` of a `[B, P]` parameter matrix, as `[B, 1]`. */
export const column = (params: Signal<'static'>, i: number): Signal<'static'> =>
  slice(params, [0, i], [params.shape?.[0] ?? 1, 1])

/** Decay times, 10–2000 ms. */
export const DECAY_MS: Range = { min: 10, max: 2000 }

/**
 * The exp-decay envelope with its 1 ms linear attack.
 * @param decay [0, 1] → 10–2000 ms, static `[B, 1]`  @returns audio `[B, n]`
 * @example expDecayEnvelope(column(params, 4), 44100, 44100)
 */
export const expDecayEnvelope = (decay: Signal<'static'>, n: number, sampleRate: number): Signal<'audio'> => {
  const attack = Math.floor(0.001 * sampleRate)
  const c = sampleCounts(n)
  const decaySamples = mul(fromUnit(decay, DECAY_MS), sampleRate / 1000)
  const logRate = log(sub(1, div(6.91, decaySamples)))
  const tail = exp(mul(sub(c, 1 + attack), logRate))
  return withRate(select(less(c, attack + 0.5), div(c, Math.max(attack, 1)), tail).node, 'audio')
}

/**
 * A sinusoid whose frequency follows f·(1 + mod·env), zero initial phase.
 * @param freqHz static `[B, 1]`  @param env audio `[B, n]`  @param mod static `[B, 1]` (ratio)
 * @example pitchedSine(fromUnit(column(p, 0), { min: 20, max: 2000 }), fenv, modRatio, 44100)
 */
export const pitchedSine = (freqHz: Signal<'static'>, env: Signal<'audio'>, mod: Signal<'static'>, sampleRate: number): Signal<'audio'> => {
  const w0 = mul((2 * Math.PI) / sampleRate, freqHz)
  const w = mul(w0, add(1, mul(mod, env)))
  return sin(cumsum(w, 1, false, true))
}

/** 10^(g/20) for g in dB. @example dbGain(fromUnit(p, { min: -60, max: 6 })) */
export const dbGain = (gDb: Signal<'static'>): Signal<'static'> => pow(10, div(gDb, 20))

/**
 * A decay that starts `start` samples in: 0 before, then r^(c−1−start) with
 * r = 1 − 6.91/(decay_ms·sr/1000) (−60 dB after decay_ms), no attack.
 * @param start samples (number or static)  @param decayMs milliseconds, static `[B, 1]`
 * @example delayedDecay(sampleCounts(n), 0, constant(200), 44100)
 */
export const delayedDecay = (c: Signal<'audio'>, start: Operand, decayMs: Signal<'static'>, sampleRate: number): Signal<'audio'> => {
  const logRate = log(sub(1, div(6.91, mul(decayMs, sampleRate / 1000))))
  const since = sub(sub(c, 1), start)
  return withRate(select(less(since, 0), 0, exp(mul(since, logRate))).node, 'audio')
}
