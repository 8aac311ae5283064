import { describe, expect, it } from 'vitest'
import { input } from '../core/signal.js'
import { run } from '../../testing/run.js'
import { kLoudness, kWeightingCoefficients } from './k-loudness.js'

describe('K-weighting (ITU-R BS.1770-4)', () => {
  it('reproduces Tables 1 and 2 at 48 kHz (to 1e-8)', () => {
    const [shelf, hp] = kWeightingCoefficients(48000)
    const t1 = { b0: 1.53512485958697, b1: -2.69169618940638, b2: 1.19839281085285, a1: -1.69065929318241, a2: 0.73248077421585 }
    const t2 = { b0: 1, b1: -2, b2: 1, a1: -1.99004745483398, a2: 0.99007225036621 }
    for (const [k, v] of Object.entries(t1)) expect(Math.abs(shelf[k as keyof typeof t1] - v)).toBeLessThan(1e-8)
    for (const [k, v] of Object.entries(t2)) expect(Math.abs(hp[k as keyof typeof t2] - v)).toBeLessThan(1e-8)
  })
  it.each([48000, 44100])('a full-scale 997 Hz sine reads −3.01 LKFS (±0.05) at %s Hz; silence is −120', (sr) => {
    const n = Math.round(1.2 * sr)
    const x = Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * 997 * i) / sr))
    const s = input('x', [2, n], 'audio')
    const l = kLoudness(s, { sampleRate: sr })
    expect(l.shape).toEqual([2, 9])
    const o = run({ l }, { x: [...x, ...new Array(n).fill(0)] })['l']!
    for (let j = 2; j < 9; j++) expect(Math.abs(o[j]! + 3.01)).toBeLessThan(0.05)
    for (let j = 9; j < 18; j++) expect(o[j]).toBeCloseTo(-120, 6)
  })
  it('−20 dB of amplitude is −20 LU', () => {
    const sr = 48000
    const x = Array.from({ length: sr }, (_, i) => Math.sin((2 * Math.PI * 997 * i) / sr))
    const s = input('x', [2, sr], 'audio')
    const o = run({ l: kLoudness(s, { sampleRate: sr }) }, { x: [...x, ...x.map((v) => v / 10)] })['l']!
    expect(o[10]! - o[3]!).toBeCloseTo(-20, 3)
  })
})
