import { describe, expect, it } from 'vitest'
import { adsr, type AdsrParams, type Gate } from './adsr.js'
import { evaluateOrThrow } from '../../testing/run.js'

const render = (p: AdsrParams & Gate, n: number, sr: number): Float64Array =>
  evaluateOrThrow({ env: adsr(p, n, sr) })['env']!.data as Float64Array

describe('adsr', () => {
  it('with zero attack, decay and release and sustain 1 equals the gate', () => {
    const sr = 100
    const env = render({ attack: 0, decay: 0, sustain: 1, release: 0, onset: 0.2, offset: 0.5 }, 100, sr)
    const gate = Array.from({ length: 100 }, (_, i) => (i / sr >= 0.2 - 1e-12 && i / sr < 0.5 - 1e-12 ? 1 : 0))
    expect([...env].map((v, i) => `${i}:${v}`).filter((_, i) => env[i] !== gate[i])).toEqual([])
  })
  it('follows attack, decay, sustain and release at sample ends', () => {
    const sr = 1000
    const env = render({ attack: 0.1, decay: 0.1, sustain: 0.5, release: 0.2, onset: 0.1, offset: 0.5 }, 1000, sr)
    const at = (t: number) => env[Math.round(t * sr) - 1]! // value at the end time t
    expect(at(0.1)).toBeCloseTo(0, 12)
    expect(at(0.15)).toBeCloseTo(0.5, 12) // half way up the attack
    expect(at(0.2)).toBeCloseTo(1, 12)
    expect(at(0.25)).toBeCloseTo(0.75, 12) // half way down the decay
    expect(at(0.4)).toBeCloseTo(0.5, 12) // sustain
    expect(at(0.6)).toBeCloseTo(0.25, 12) // half way through the release
    expect(at(0.75)).toBeCloseTo(0, 12)
  })
  it('releases from the level reached, not from the sustain level', () => {
    const sr = 1000
    const env = render({ attack: 0.4, decay: 0.1, sustain: 0.9, release: 0.1, onset: 0, offset: 0.1 }, 300, sr)
    expect(env[99]).toBeCloseTo(0.25, 12) // attack at a quarter when the gate closes
    expect(env[149]).toBeCloseTo(0.125, 12) // half way through the release, from 0.25
    // continuous across the offset: no step larger than the steepest slope allows
    for (let i = 1; i < env.length; i++) expect(Math.abs(env[i]! - env[i - 1]!)).toBeLessThanOrEqual(0.25 / (0.1 * sr) + 1e-12)
  })
})
