import { describe, expect, it } from 'vitest'
import { input } from '../core/signal.js'
import { run } from '../../testing/run.js'
import { dctMatrix, hzToMelSlaney, melFilterbank, melSpectrogram, melToHzSlaney, mfcc } from './mel.js'

const sr = 16000

describe('Slaney mel scale (librosa htk=False)', () => {
  it('is linear at 200/3 Hz per mel below 1 kHz and logarithmic (27 mels per ln 6.4) above', () => {
    expect(hzToMelSlaney(1000)).toBeCloseTo(15, 12)
    expect(hzToMelSlaney(440)).toBeCloseTo(6.6, 12)
    expect(hzToMelSlaney(6400)).toBeCloseTo(42, 12)
    for (const f of [0, 123, 999, 1000, 3000, 11025]) expect(melToHzSlaney(hzToMelSlaney(f))).toBeCloseTo(f, 8)
  })
})

describe('melFilterbank (Slaney area norm)', () => {
  const w = melFilterbank(sr, 2048, 40)
  const df = sr / 2048
  it('has nMels rows of nFft/2 + 1 non-negative weights', () => {
    expect(w.length).toBe(40)
    w.forEach((r) => expect(r.length).toBe(1025))
    expect(Math.min(...w.flat())).toBeGreaterThanOrEqual(0)
  })
  it('each triangle has unit area in Hz (Σ_k W[m,k]·Δf ≈ 1) and peaks 2/(e₂ − e₀) at its centre', () => {
    w.forEach((r) => expect(r.reduce((a, b) => a + b, 0) * df).toBeCloseTo(1, 1))
    const edges = [0, 1, 2].map((i) => melToHzSlaney((hzToMelSlaney(sr / 2) * i) / 41))
    const peak = Math.max(...w[0]!)
    expect(peak).toBeLessThanOrEqual(2 / (edges[2]! - edges[0]!) + 1e-12)
    expect(peak).toBeGreaterThan(0.5 * (2 / (edges[2]! - edges[0]!)))
  })
  it('un-normalised triangles sum to 1 between the first and last centres (a partition of unity)', () => {
    const e = Array.from({ length: 42 }, (_, i) => melToHzSlaney((hzToMelSlaney(sr / 2) * i) / 41))
    for (let k = 0; k < 1025; k++) {
      const f = k * df
      if (f < e[1]! || f > e[40]!) continue
      const s = w.reduce((acc, r, m) => acc + (r[k]! * (e[m + 2]! - e[m]!)) / 2, 0)
      expect(s).toBeCloseTo(1, 10)
    }
  })
  it('fMin/fMax bound the support', () => {
    const v = melFilterbank(sr, 512, 10, 300, 4000)
    v.forEach((r) => r.forEach((x, k) => (k * sr) / 512 < 300 || (k * sr) / 512 > 4000 ? expect(x).toBe(0) : undefined))
  })
})

describe('melSpectrogram and mfcc', () => {
  const n = 4096
  const f0 = 1500
  const x = Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * f0 * i) / sr))
  const sig = input('x', [1, n], 'audio')
  it('a sine lands in the band whose triangle is largest at its frequency; shape [B, frames, nMels]', () => {
    const m = melSpectrogram(sig, { sampleRate: sr, nFft: 1024, hop: 256, nMels: 40 })
    expect(m.shape).toEqual([1, 17, 40])
    const o = run({ m }, { x })['m']!
    const row = o.slice(8 * 40, 9 * 40)
    const w = melFilterbank(sr, 1024, 40)
    const k = Math.round((f0 * 1024) / sr)
    const expected = w.map((r) => r[k]!).indexOf(Math.max(...w.map((r) => r[k]!)))
    expect(row.indexOf(Math.max(...row))).toBe(expected)
  })
  it('the DCT-II ortho matrix is orthogonal', () => {
    const d = dctMatrix(8)
    d.forEach((a, i) => d.forEach((b, j) => expect(a.reduce((s, v, m) => s + v * b[m]!, 0)).toBeCloseTo(i === j ? 1 : 0, 12)))
  })
  it('mfcc = DCT(log(mel + ε)): c0 is √nMels · mean log-mel', () => {
    const o = { sampleRate: sr, nFft: 1024, hop: 256, nMels: 32, nMfcc: 5 }
    const r = run({ c: mfcc(sig, o), m: melSpectrogram(sig, o) }, { x })
    expect(mfcc(sig, o).shape).toEqual([1, 17, 5])
    const logMel = r['m']!.slice(0, 32).map((v) => Math.log(v + 1e-5))
    expect(r['c']![0]).toBeCloseTo(logMel.reduce((a, b) => a + b, 0) / Math.sqrt(32), 9)
    const c3 = dctMatrix(32, 5)[3]!.reduce((s, v, m) => s + v * logMel[m]!, 0)
    expect(r['c']![3]).toBeCloseTo(c3, 9)
  })
  it('bad options are graph errors', () => {
    expect(() => run({ m: melSpectrogram(sig, { sampleRate: sr, fMax: 9000 }) }, { x })).toThrow(/fMax/)
    expect(() => run({ m: mfcc(sig, { sampleRate: sr, nMels: 10, nMfcc: 20 }) }, { x })).toThrow(/nMfcc/)
  })
})
