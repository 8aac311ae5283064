import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { input } from '../core/signal.js'
import { lcgNoise, run } from '../../testing/run.js'
import { reference } from '../backends/reference/index.js'
import { holdUnvoiced, yin, yinLags } from './yin.js'

const ref = reference('float64')
import { yinDifference } from './yin-difference.js'

/** A harmonic tone: Σ_k sin(2πk·f0·t + k)/k for k·f0 < 0.45·sr, 0.5 s, peak-normalised to 0.8. */
const harmonicTone = (f0: number, sr: number): Float32Array => {
  const n = Math.round(0.5 * sr)
  const y = new Float64Array(n)
  for (let k = 1; k * f0 < 0.45 * sr; k++) for (let i = 0; i < n; i++) y[i] = y[i]! + Math.sin((2 * Math.PI * k * f0 * i) / sr + k) / k
  const peak = y.reduce((m, v) => Math.max(m, Math.abs(v)), 0)
  return Float32Array.from(y, (v) => (0.8 * v) / peak)
}
const cents = (a: number, b: number) => 1200 * Math.abs(Math.log2(a / b))
/** Frames whose whole analysis segment (W + maxLag after a W/2 lead) lies inside the signal. */
const interior = (n: number, hop: number, w: number, maxLag: number) => {
  const out: number[] = []
  for (let f = 0; f * hop + w + maxLag - Math.floor(w / 2) <= n; f++) if (f * hop - Math.floor(w / 2) >= 0) out.push(f)
  return out
}

describe('yinDifference', () => {
  it('equals Σ_{j<W} (x_j − x_{j+τ})² computed directly', () => {
    const x = Array.from({ length: 64 }, (_, i) => Math.sin(i * 0.7) + 0.3 * Math.cos(i * 2.1))
    const [w, maxLag, hop] = [10, 6, 8]
    const d = run({ d: yinDifference(input('x', [1, 64], 'audio'), { window: w, maxLag, hop }) }, { x })['d']!
    expect(d.length).toBe(9 * (maxLag + 1))
    const xp = [...new Array(5).fill(0), ...x, ...new Array(11).fill(0)]
    for (let f = 0; f < 9; f++)
      for (let t = 0; t <= maxLag; t++) {
        let s = 0
        for (let j = 0; j < w; j++) s += (xp[f * hop + j]! - xp[f * hop + j + t]!) ** 2
        expect(d[f * (maxLag + 1) + t]).toBeCloseTo(s, 9)
      }
  })
})

describe('yin f0', () => {
  const freqs = [50, 82.41, 110, 196, 261.63, 440, 737, 1000, 1500, 2000]
  it.each([16000, 44100])('harmonic tones 50 Hz … 2 kHz at %s Hz: within 10 cents, voiced, confidence > 0.9', (sr) => {
    const hop = Math.round(sr / 100)
    for (const f0 of freqs) {
      const audio = harmonicTone(f0, sr)
      const r = yin(audio, sr, ref, { hop })
      if (E.isLeft(r)) throw new Error(r.left.message)
      const l = yinLags(sr, { hop })
      if (E.isLeft(l)) throw new Error(l.left.message)
      const frames = interior(audio.length, hop, l.right.window, l.right.maxLag)
      expect(frames.length).toBeGreaterThan(5)
      for (const f of frames) {
        expect(r.right.voiced[f], `${f0} Hz frame ${f}`).toBe(true)
        expect(cents(r.right.f0Hz[f]!, f0), `${f0} Hz frame ${f}: ${r.right.f0Hz[f]}`).toBeLessThan(10)
        expect(r.right.confidence[f]).toBeGreaterThan(0.9)
      }
    }
  })
  it('white noise and silence are unvoiced; confidence stays in [0, 1]; frames = ⌊N/hop⌋ + 1', () => {
    const noise = Float32Array.from(lcgNoise(8000, 12345))
    for (const audio of [noise, new Float32Array(8000)]) {
      const r = yin(audio, 16000, ref, { hop: 160 })
      if (E.isLeft(r)) throw new Error(r.left.message)
      expect(r.right.voiced.length).toBe(51)
      const voicedShare = r.right.voiced.filter(Boolean).length / 51
      expect(voicedShare).toBeLessThan(0.05)
      r.right.confidence.forEach((c) => expect(c >= 0 && c <= 1).toBe(true))
    }
  })
  it('bad arguments are FeatureErrors', () => {
    expect(E.isLeft(yin(new Float32Array(100), 0, ref, { hop: 10 }))).toBe(true)
    expect(E.isLeft(yin(new Float32Array(0), 16000, ref, { hop: 10 }))).toBe(true)
    expect(E.isLeft(yin(new Float32Array(100), 16000, ref, { hop: 1.5 }))).toBe(true)
    expect(E.isLeft(yin(new Float32Array(100), 16000, ref, { hop: 10, fMin: 500, fMax: 100 }))).toBe(true)
  })
})

describe('holdUnvoiced', () => {
  it('holds the last voiced f0, fills leading gaps with the first, and gives 0 for an all-unvoiced track', () => {
    expect(Array.from(holdUnvoiced([null, 220, null, 230, null]))).toEqual([220, 220, 220, 230, 230])
    expect(Array.from(holdUnvoiced([null, null]))).toEqual([0, 0])
  })
})
