import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { realFft } from '../../host/fft.js'
import { analyzeHit } from './analyze.js'
import { spectralColour } from './colour.js'
import { envelopeTimes, levelEnvelope } from './envelope.js'
import { matchFigures } from './figures.js'
import { lineFit } from './line-fit.js'
import { logMelDistance } from './log-mel.js'
import { extractModes } from './modes.js'
import { hitPitch } from './pitch.js'
import { magnitudeStft } from './stft.js'

const sr = 22050
const n = Math.round(0.8 * sr)

/** A 808-style decaying sine: f(t) = f∞·(1 + m·e^{−6.91 t/d}), amplitude e^{−6.91 t/T60}. */
const glidingSine = (fEnd: number, m: number, dMs: number, t60: number): Float64Array => {
  let ph = 0
  return Float64Array.from({ length: n }, (_, i) => {
    const t = i / sr
    const y = 0.8 * Math.exp((-6.91 * t) / t60) * Math.sin(ph)
    ph += (2 * Math.PI * fEnd * (1 + m * Math.exp((-6.91 * t) / (dMs / 1000)))) / sr
    return y
  })
}

const MODES = [
  { f: 183, a: 0.3, D: 9 },
  { f: 281, a: 0.2, D: 14 },
  { f: 696, a: 0.12, D: 22 },
  { f: 1130, a: 0.06, D: 30 },
]
const dampedModes = Float64Array.from({ length: n }, (_, i) => MODES.reduce((s, m, k) => s + m.a * Math.exp(-m.D * i / sr) * Math.sin(2 * Math.PI * m.f * i / sr + k), 0))

/** Noise with power ∝ f^(slope/3.01) (slope dB/octave), by shaping a random spectrum and inverting it. */
const tiltedNoise = (dbPerOctave: number, len = 16384): Float64Array => {
  const fft = realFft(len)
  const X = new Float64Array(len + 2)
  let s = 12345
  const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32) * 2 * Math.PI
  for (let k = 1; k <= len / 2; k++) {
    const mag = (k / 100) ** (dbPerOctave / 20 / Math.log10(2))
    const ph = rnd()
    X[2 * k] = mag * Math.cos(ph)
    X[2 * k + 1] = mag * Math.sin(ph)
  }
  const y = new Float64Array(len)
  fft.inverse(X, 0, y, 0)
  let peak = 0
  for (const v of y) peak = Math.max(peak, Math.abs(v))
  return y.map((v) => (0.5 * v) / peak)
}

describe('analysis of generated hits', () => {
  it('lineFit recovers a line and its weighted form ignores zero-weight points', () => {
    const l = lineFit([0, 1, 2, 3], [1, 3, 5, 7])
    expect(l.slope).toBeCloseTo(2, 12)
    expect(l.intercept).toBeCloseTo(1, 12)
    expect(lineFit([0, 1, 2, 9], [0, 1, 2, 100], [1, 1, 1, 0]).slope).toBeCloseTo(1, 12)
  })

  it('envelope: a −60 dB-in-0.5 s decay reads T60 ≈ 0.5 s, onset at the start of the tone', () => {
    const x = Float64Array.from({ length: n }, (_, i) => (i < 2205 ? 0 : Math.exp((-6.91 * (i - 2205)) / sr / 0.5) * Math.sin(0.3 * i)))
    const t = envelopeTimes(levelEnvelope(x, sr))
    expect(Math.abs(t.t60S - 0.5)).toBeLessThan(0.03)
    expect(Math.abs(t.onsetS - 0.1)).toBeLessThan(0.01)
    expect(t.attackS).toBeLessThan(0.015)
  })

  it('pitch and glide of a decaying sine gliding from 120 to 55 Hz (d = 150 ms: a glide YIN frames of 2 periods can follow)', () => {
    const m = 120 / 55 - 1
    const p = hitPitch(glidingSine(55, m, 150, 0.6), sr, 0)
    expect(p.pitched).toBe(true)
    expect(Math.abs(1200 * Math.log2(p.pitchHz! / 55))).toBeLessThan(10)
    expect(Math.abs(1200 * Math.log2(p.glide!.endHz / 55))).toBeLessThan(15)
    expect(p.glide!.ratio).toBeGreaterThan(0.5 * m)
    expect(p.glide!.ratio).toBeLessThan(2 * m)
    expect(p.glide!.decayMs).toBeGreaterThan(75)
    expect(p.glide!.decayMs).toBeLessThan(300)
  })

  it('modes of a sum of four damped sinusoids: frequency within 1 %, amplitude within 1.5 dB, decay within 15 %', () => {
    const modes = extractModes(magnitudeStft(dampedModes, sr, { nFft: 2048, hop: 256 }), 0)
    expect(modes.length).toBeGreaterThanOrEqual(4)
    for (const want of MODES) {
      const got = modes.find((m) => Math.abs(m.freqHz / want.f - 1) < 0.01)
      expect(got, `${want.f} Hz`).toBeDefined()
      expect(Math.abs(20 * Math.log10(got!.amp / want.a))).toBeLessThan(1.5)
      expect(Math.abs(got!.decayPerS / want.D - 1)).toBeLessThan(0.15)
    }
    expect(modes.slice(0, 4).map((m) => Math.round(m.freqHz / 10) * 10).sort((a, b) => a - b)).toEqual([180, 280, 700, 1130])
  })

  it.each([0, -3, -6])('noise of %i dB/octave reads its tilt within 1 dB/octave', (slope) => {
    const x = tiltedNoise(slope)
    const c = spectralColour(magnitudeStft(x, sr, { nFft: 1024, hop: 256 }), { fLo: 100 })
    expect(Math.abs(c.tiltDbPerOctave - slope)).toBeLessThan(1)
    expect(Math.abs(c.noiseTiltDbPerOctave - slope)).toBeLessThan(1)
  })

  it('analyzeHit: one call gives envelope, pitch, colour and modes; bad input is a FeatureError', () => {
    const a = analyzeHit(glidingSine(55, 1, 60, 0.4), sr)
    expect(E.isRight(a)).toBe(true)
    if (E.isRight(a)) {
      expect(Math.abs(1200 * Math.log2(a.right.pitch.pitchHz! / 55))).toBeLessThan(10)
      expect(Math.abs(a.right.envelope.t60S - 0.4)).toBeLessThan(0.05)
      expect(a.right.modes.length).toBeGreaterThan(0)
    }
    const msg = (r: ReturnType<typeof analyzeHit>) => (E.isLeft(r) ? r.left.message : 'ok')
    expect(msg(analyzeHit(new Float32Array(10), sr))).toMatch(/at least 64/)
    expect(msg(analyzeHit(new Float32Array(100), 0))).toMatch(/sample rate/)
    expect(msg(analyzeHit(Float32Array.from({ length: 100 }, (_, i) => (i === 7 ? NaN : 0)), sr))).toMatch(/sample 7/)
  })

  it('matchFigures: 0 apart for the same sound; a tone a semitone up reads 100 cents; a faster decay reads an envelope error', () => {
    const t = glidingSine(110, 0, 60, 0.6)
    const same = matchFigures(t, t, sr)
    expect(same.centsApart).toBeCloseTo(0, 6)
    expect(same.envelopeErrorDb).toBe(0)
    expect(same.logMelDistance).toBe(0)
    const up = matchFigures(t, glidingSine(110 * 2 ** (1 / 12), 0, 60, 0.6), sr)
    expect(Math.abs(up.centsApart! - 100)).toBeLessThan(5)
    const short = matchFigures(t, glidingSine(110, 0, 60, 0.2), sr)
    expect(short.envelopeErrorDb).toBeGreaterThan(10)
    expect(logMelDistance(glidingSine(220, 0, 60, 0.6), t, sr)).toBeGreaterThan(same.logMelDistance + 0.1)
  })
})
