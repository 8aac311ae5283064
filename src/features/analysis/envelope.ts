/**
 * The level envelope of a hit and its times: RMS in dB over `winMs` windows
 * every `hopMs` (centred), the onset (first frame within `onsetDb` of the
 * peak), the attack (from the first frame within 20 dB of the peak to the
 * peak) and the decay, a line fitted to the dB envelope after the peak
 * (least squares, from the first frame 3 dB under the peak to the last frame
 * above max(peak − 60 dB, floor + 6 dB), the floor being the envelope's
 * 5th percentile): slope in dB/s and T60 = −60/slope s (the time to fall
 * 60 dB, Sabine's reverberation time read on a line, ISO 3382's "T" form).
 *
 * @example
 * const e = levelEnvelope(x, 22050)
 * const t = envelopeTimes(e)   // { onsetS, attackS, peakDb, decayDbPerS, t60S, … }
 */
import { lineFit } from './line-fit.js'

/** A dB envelope. @example const e: LevelEnvelope = levelEnvelope(x, 16000) */
export interface LevelEnvelope {
  /** 10·log10(mean x² + 1e-12) per frame, dB re full scale (a full-scale sine reads −3 dB) */
  readonly db: Float64Array
  /** seconds between frames; frame f is centred on f·hopS */
  readonly hopS: number
}

/** Options of `levelEnvelope`. @example const o: EnvelopeOptions = { hopMs: 5, winMs: 10 } */
export interface EnvelopeOptions {
  /** frame hop, ms (default 5) */
  readonly hopMs?: number
  /** window length, ms (default 10) */
  readonly winMs?: number
}

/**
 * The RMS envelope in dB.
 * @param x mono samples  @param sampleRate Hz  @param o hop and window (ms)
 * @example levelEnvelope(new Float32Array(16000), 16000).db.length // 201
 */
export const levelEnvelope = (x: ArrayLike<number>, sampleRate: number, o: EnvelopeOptions = {}): LevelEnvelope => {
  const hop = Math.max(1, Math.round(((o.hopMs ?? 5) * sampleRate) / 1000))
  const half = Math.max(1, Math.round(((o.winMs ?? 10) * sampleRate) / 2000))
  const frames = Math.floor(x.length / hop) + 1
  const db = new Float64Array(frames)
  for (let f = 0; f < frames; f++) {
    let s = 0
    for (let j = f * hop - half; j < f * hop + half; j++) if (j >= 0 && j < x.length) s += x[j]! * x[j]!
    db[f] = 10 * Math.log10(s / (2 * half) + 1e-12)
  }
  return { db, hopS: hop / sampleRate }
}

/** Times and levels read from an envelope. @example const t: EnvelopeTimes = envelopeTimes(levelEnvelope(x, sr)) */
export interface EnvelopeTimes {
  readonly peakDb: number
  readonly peakS: number
  /** first frame within `onsetDb` of the peak, s */
  readonly onsetS: number
  /** from the first frame within 20 dB of the peak to the peak, s */
  readonly attackS: number
  /** fitted decay slope, dB/s (negative for a decaying hit) */
  readonly decayDbPerS: number
  /** −60/slope, s (Infinity when the level does not fall) */
  readonly t60S: number
  /** the floor: the envelope's 5th percentile, dB */
  readonly floorDb: number
  /** the fitted range, s after the onset */
  readonly fitFromS: number
  readonly fitToS: number
}

/**
 * The onset, attack and decay of a dB envelope.
 * @param e the envelope  @param onsetDb the onset is the first frame within this many dB of the peak (default 30)
 * @example envelopeTimes(levelEnvelope(x, 22050)).t60S
 */
export const envelopeTimes = (e: LevelEnvelope, onsetDb = 30): EnvelopeTimes => {
  const { db, hopS } = e
  let p = 0
  for (let f = 1; f < db.length; f++) if (db[f]! > db[p]!) p = f
  const peak = db[p]!
  const sorted = Array.from(db).sort((a, b) => a - b)
  const floor = sorted[Math.floor(0.05 * (sorted.length - 1))]!
  const firstAbove = (lvl: number) => {
    for (let f = 0; f <= p; f++) if (db[f]! >= lvl) return f
    return p
  }
  const onset = firstAbove(peak - onsetDb)
  let from = p
  while (from < db.length - 1 && db[from]! > peak - 3) from++
  const stop = Math.max(peak - 60, floor + 6)
  let to = from
  for (let f = from; f < db.length; f++) if (db[f]! > stop) to = f
  const xs: number[] = []
  const ys: number[] = []
  for (let f = from; f <= to; f++) {
    xs.push(f * hopS)
    ys.push(Math.max(db[f]!, stop))
  }
  const line = xs.length >= 2 ? lineFit(xs, ys) : { slope: 0 }
  const slope = line.slope
  return {
    peakDb: peak, peakS: p * hopS, onsetS: onset * hopS, attackS: (p - firstAbove(peak - 20)) * hopS,
    decayDbPerS: slope, t60S: slope < 0 ? -60 / slope : Infinity, floorDb: floor,
    fitFromS: (from - onset) * hopS, fitToS: (to - onset) * hopS,
  }
}
