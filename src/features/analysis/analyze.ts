/**
 * One-call analysis of a recorded hit (`ddsp analyze <wav> --json`): the
 * level envelope's onset, attack and decay (`envelope.ts`), the pitch and its
 * glide over the first 200 ms (`pitch.ts`), spectral tilt and noise colour
 * (`colour.ts`), the decaying modes (`modes.ts`) and the noise part (its
 * decay above 500 Hz, energy share and peak-free spectrum), on one STFT of about
 * 90 ms frames (nextPow2(0.09·sr), at most a quarter of the hit, hop nFft/8: 10.8 Hz bins at 22.05 kHz,
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
import { zeroPhaseLowpass } from './lowpass.js'
import { magnitudeStft } from './stft.js'

const NOISE_FROM = 500 // Hz: below it a drum's spectrum is its modes (colour.ts)

/** The noise part: its decay (T60 of the part above 500 Hz), its share of the energy and the peak-free spectrum. @example a.noise.t60S */
export interface NoiseAnalysis {
  /** T60 of the envelope of x minus its zero-phase low-pass at 500 Hz, s */
  readonly t60S: number
  /** Σ power above 500 Hz / Σ power (energy-summed STFT) */
  readonly highShare: number
  /** the ±½-octave median of the energy-summed STFT power (sinusoid-amplitude² units summed over frames), per bin */
  readonly smoothed: Float64Array
  readonly binHz: number
  readonly nFft: number
  /** STFT hop, s */
  readonly hopS: number
}

/** Everything `analyzeHit` reads from a hit. @example const a: HitAnalysis = E.getOrElseW(() => undefined)(analyzeHit(x, sr))! */
export interface HitAnalysis {
  readonly sampleRate: number
  readonly seconds: number
  readonly envelope: EnvelopeTimes
  readonly pitch: HitPitch
  readonly colour: Omit<SpectralColour, 'power' | 'smoothed'>
  readonly modes: readonly Mode[]
  readonly noise: NoiseAnalysis
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
  // about 90 ms, but at most a quarter of a short hit (so most frames lie inside it), at least 256
  const nFft = Math.max(256, Math.min(nextPow2(0.09 * sampleRate), 2 ** Math.floor(Math.log2(x.length / 4))))
  const stft = magnitudeStft(x, sampleRate, { nFft, hop: nFft / 8 })
  const { power, smoothed, ...colour } = spectralColour(stft)
  const low = zeroPhaseLowpass(x, NOISE_FROM, sampleRate)
  const high = Float64Array.from(low, (v, i) => x[i]! - v)
  let hi = 0, all = 0
  for (let k = 0; k < power.length; k++) {
    all += power[k]!
    if (k * stft.binHz >= NOISE_FROM) hi += power[k]!
  }
  const noise: NoiseAnalysis = {
    t60S: envelopeTimes(levelEnvelope(high, sampleRate)).t60S, highShare: all > 0 ? hi / all : 0,
    smoothed, binHz: stft.binHz, nFft, hopS: stft.hop / sampleRate,
  }
  return E.right({
    sampleRate,
    seconds: x.length / sampleRate,
    envelope,
    pitch: hitPitch(x, sampleRate, envelope.onsetS),
    colour,
    modes: extractModes(stft, envelope.onsetS, o.modes),
    noise,
  })
}
