/**
 * The figures that say whether a match sounds like its target (what
 * `ddsp match` prints and `bench:match` tabulates), all on host arrays:
 * - pitch: `hitPitch` of each (settled f0 over the first 200 ms), and the
 *   distance in cents 1200·log2(f_match/f_target);
 * - envelope error: mean |dB| between the two RMS envelopes (`levelEnvelope`,
 *   30 ms windows every 5 ms: at least 1.5 periods of a 50 Hz kick, so the
 *   window's phase does not ripple the level), both floored at the target's peak − 60 dB, over
 *   the frames from the target's onset to its last frame above that floor;
 * - log-mel distance (`logMelDistance`, ε 80 dB under the target's peak).
 *
 * @example
 * const f = matchFigures(target, match, 22050)
 * f.centsApart       // 4.2
 * f.envelopeErrorDb  // 1.8
 */
import { envelopeTimes, levelEnvelope } from './envelope.js'
import { logMelDistance } from './log-mel.js'
import { hitPitch } from './pitch.js'

/** How close a sound is to a target. @example const f: MatchFigures = matchFigures(t, m, 16000) */
export interface MatchFigures {
  /** the target's settled pitch, Hz (null when unpitched) */
  readonly targetPitchHz: number | null
  readonly matchPitchHz: number | null
  /** 1200·log2(match/target), null unless both are pitched */
  readonly centsApart: number | null
  /** whether the target is pitched (≥ half its sounding frames voiced) */
  readonly pitched: boolean
  readonly envelopeErrorDb: number
  readonly logMelDistance: number
}

/**
 * Mean |dB| between the envelopes of `match` and `target` (see the module note).
 * @example envelopeError(target, match, 22050) // 2.4
 */
export const envelopeError = (target: ArrayLike<number>, match: ArrayLike<number>, sampleRate: number): number => {
  const t = levelEnvelope(target, sampleRate, { winMs: 30 })
  const m = levelEnvelope(match, sampleRate, { winMs: 30 })
  const times = envelopeTimes(t)
  const floor = times.peakDb - 60
  const from = Math.round(times.onsetS / t.hopS)
  let to = from
  for (let f = from; f < t.db.length; f++) if (t.db[f]! > floor) to = f
  let s = 0
  for (let f = from; f <= to; f++) s += Math.abs(Math.max(t.db[f]!, floor) - Math.max(m.db[f] ?? floor, floor))
  return s / (to - from + 1)
}

/**
 * Pitch, envelope and log-mel figures of a match against its target.
 * @param target reference samples  @param match the sound judged (same rate; compared over the shorter length)
 * @param sampleRate Hz
 * @example matchFigures(target, preset, 22050).logMelDistance
 */
export const matchFigures = (target: ArrayLike<number>, match: ArrayLike<number>, sampleRate: number): MatchFigures => {
  const onsetT = envelopeTimes(levelEnvelope(target, sampleRate)).onsetS
  const onsetM = envelopeTimes(levelEnvelope(match, sampleRate)).onsetS
  const pt = hitPitch(target, sampleRate, onsetT)
  const pm = hitPitch(match, sampleRate, onsetM)
  const tp = pt.pitchHz ?? null
  const mp = pm.pitchHz ?? null
  return {
    targetPitchHz: tp,
    matchPitchHz: mp,
    centsApart: tp !== null && mp !== null ? 1200 * Math.log2(mp / tp) : null,
    pitched: pt.pitched,
    envelopeErrorDb: envelopeError(target, match, sampleRate),
    logMelDistance: logMelDistance(match, target, sampleRate),
  }
}
