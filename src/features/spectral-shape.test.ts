import { describe, expect, it } from 'vitest'
import { input } from '../core/signal.js'
import { lcgNoise, run } from '../../testing/run.js'
import { spectralBandwidth, spectralCentroid, spectralFlatness, spectralRolloff } from './spectral-shape.js'

const sr = 16000
const n = 8192
const sine = (f: number) => Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * f * i) / sr))
/** Deterministic uniform white noise in [−1, 1). */
const white = (seed: number) => lcgNoise(n, seed)
const x = input('x', [1, n], 'audio')
const opts = { sampleRate: sr, nFft: 1024, hop: 256 }
/** Frames away from the zero-padded edges. */
const inner = (v: number[]) => v.slice(4, -4)

describe('spectral shape', () => {
  it.each([440, 1000, 3000])('centroid of a %s Hz sine ≈ its frequency (±1 %), bandwidth small', (f) => {
    const o = run({ c: spectralCentroid(x, opts), b: spectralBandwidth(x, opts) }, { x: sine(f) })
    inner(o['c']!).forEach((c) => expect(Math.abs(c - f) / f).toBeLessThan(0.01))
    inner(o['b']!).forEach((b) => expect(b).toBeLessThan(60))
  })
  it('flatness: white noise near 1 (> 0.5), a sine near 0 (< 1e-3)', () => {
    const noise = run({ s: spectralFlatness(x, opts) }, { x: white(1) })['s']!
    const tone = run({ s: spectralFlatness(x, opts) }, { x: sine(1000) })['s']!
    const mean = inner(noise).reduce((a, b) => a + b, 0) / inner(noise).length
    expect(mean).toBeGreaterThan(0.5)
    inner(noise).forEach((v) => expect(v).toBeLessThanOrEqual(1 + 1e-12))
    inner(tone).forEach((v) => expect(v).toBeLessThan(1e-3))
  })
  it('white noise: centroid ≈ sr/4, bandwidth ≈ sr/(4√3) (uniform on [0, sr/2]), roll-off(0.85) ≈ 0.85·sr/2', () => {
    const o = run({ c: spectralCentroid(x, opts), b: spectralBandwidth(x, opts), r: spectralRolloff(x, opts) }, { x: white(7) })
    const avg = (v: number[]) => inner(v).reduce((a, b) => a + b, 0) / inner(v).length
    expect(Math.abs(avg(o['c']!) - sr / 4) / (sr / 4)).toBeLessThan(0.05)
    expect(Math.abs(avg(o['b']!) - sr / (4 * Math.sqrt(3))) / (sr / (4 * Math.sqrt(3)))).toBeLessThan(0.05)
    expect(Math.abs(avg(o['r']!) - 0.85 * (sr / 2)) / (0.85 * (sr / 2))).toBeLessThan(0.05)
  })
  it('roll-off of a sine lies within one bin below it; fraction is configurable', () => {
    const o = run({ r: spectralRolloff(x, opts), q: spectralRolloff(x, { ...opts, fraction: 0.5 }) }, { x: sine(2000) })
    inner(o['r']!).forEach((r) => expect(r).toBeGreaterThan(2000 - 2 * (sr / 1024)))
    inner(o['r']!).forEach((r) => expect(r).toBeLessThan(2000 + 2 * (sr / 1024)))
    inner(o['q']!).forEach((q, i) => expect(q).toBeLessThanOrEqual(inner(o['r']!)[i]!))
    expect(() => run({ r: spectralRolloff(x, { ...opts, fraction: 1.5 }) }, { x: sine(2000) })).toThrow(/fraction/)
  })
  it('silence gives finite values (centroid, bandwidth, roll-off, flatness = 1)', () => {
    const o = run({ c: spectralCentroid(x, opts), b: spectralBandwidth(x, opts), r: spectralRolloff(x, opts), s: spectralFlatness(x, opts) }, { x: new Array(n).fill(0) })
    Object.values(o).flat().forEach((v) => expect(Number.isFinite(v)).toBe(true))
    o['s']!.forEach((v) => expect(v).toBeCloseTo(1, 9))
  })
})
