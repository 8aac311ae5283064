/**
 * One-call analysis of a recorded hit (`ddsp analyze <wav> --json`): the
 * level envelope's onset, attack and decay (`envelope.ts`), the pitch and its
 * glide over the first 200 ms (`pitch.ts`), spectral tilt and noise colour
 * (`colour.ts`) and the decaying modes (`modes.ts`), on one STFT of about
 * 90 ms frames (nextPow2(0.09·sr), hop nFft/8: 10.8 Hz bins at 22.05 kHz,
 * enough to part a kick's 50 Hz from its negative-frequency image).
 * Everything is host arithmetic on typed arrays, no backend.
 *
 * @example
 * const a = analyzeHit(x, 22050)   // Either<FeatureError, HitAnalysis>
 * if (E.isRight(a)) a.right.pitch.pitchHz
 */
import * as E from 'fp-ts/lib/Either.js'
import { nextPow2 } from '../../host/fft.js'
import { featureError, type FeatureError } from '../errors.js'
import { spectralColour, type SpectralColour } from './colour.js'
import { envelopeTimes, levelEnvelope, type EnvelopeTimes } from './envelope.js'
import { extractModes, type Mode, type ModeOptions } from './modes.js'
import { hitPitch, type HitPitch } from './pitch.js'
import { magnitudeStft } from './stft.js'

/** Everything `analyzeHit` reads from a hit. @example const a: HitAnalysis = E.getOrElseW(() => undefined)(analyzeHit(x, sr))! */
export interface HitAnalysis {
  readonly sampleRate: number
  readonly seconds: number
  readonly envelope: EnvelopeTimes
  readonly pitch: HitPitch
  readonly colour: Omit<SpectralColour, 'power' | 'smoothed'>
  readonly modes: readonly Mode[]
}

/** Options of `analyzeHit`. @example const o: AnalyzeOptions = { modes: { maxModes: 8 } } */
export interface AnalyzeOptions {
  readonly modes?: ModeOptions
}

/**
 * Analyses a mono hit.
 * @param x samples (at least 64, finite)  @param sampleRate Hz (> 0)  @param o mode-extraction limits
 * @returns the analysis, or a FeatureError naming the bad input
 * @example analyzeHit(Float32Array.from({ length: 8000 }, (_, i) => Math.exp(-i / 800) * Math.sin(i / 10)), 16000)
 */
export const analyzeHit = (x: ArrayLike<number>, sampleRate: number, o: AnalyzeOptions = {}): E.Either<FeatureError, HitAnalysis> => {
  if (!(sampleRate > 0) || !Number.isFinite(sampleRate)) return E.left(featureError(`sample rate must be a positive number, got ${sampleRate}`))
  if (x.length < 64) return E.left(featureError(`audio holds ${x.length} samples; the analysis needs at least 64`))
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i]!)) return E.left(featureError(`audio sample ${i} is ${x[i]}`))
  const envelope = envelopeTimes(levelEnvelope(x, sampleRate))
  const nFft = nextPow2(0.09 * sampleRate)
  const stft = magnitudeStft(x, sampleRate, { nFft, hop: nFft / 8 })
  const { power: _p, smoothed: _s, ...colour } = spectralColour(stft)
  return E.right({
    sampleRate,
    seconds: x.length / sampleRate,
    envelope,
    pitch: hitPitch(x, sampleRate, envelope.onsetS),
    colour,
    modes: extractModes(stft, envelope.onsetS, o.modes),
  })
}
