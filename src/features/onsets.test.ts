import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { input } from '../core/signal.js'
import { run } from '../../testing/run.js'
import { reference } from '../backends/reference/index.js'
import { onsets, pickOnsets } from './onsets.js'

const ref = reference('float64')
import { spectralFlux } from './spectral-flux.js'

const clickTrain = (sr: number, times: readonly number[], seconds = 1.2): Float32Array => {
  const y = new Float32Array(Math.round(seconds * sr))
  for (const t of times) y[Math.round(t * sr)] = 0.9
  return y
}
const tone = (sr: number, f: number, seconds: number) => Float32Array.from({ length: Math.round(seconds * sr) }, (_, i) => 0.5 * Math.sin((2 * Math.PI * f * i) / sr))
const ok = <A>(r: E.Either<{ message: string }, A>): A => {
  if (E.isLeft(r)) throw new Error(r.left.message)
  return r.right
}

describe('spectralFlux', () => {
  it('is 0 in frame 0 and for a steady tone, > 0 where a click enters', () => {
    const sr = 16000
    const x = Array.from(clickTrain(sr, [0.25], 0.5))
    const g = run({ g: spectralFlux(input('x', [1, x.length], 'audio'), { sampleRate: sr, nFft: 512, hop: 80 }) }, { x })['g']!
    expect(g[0]).toBe(0)
    expect(Math.max(...g)).toBeGreaterThan(1)
    expect(g.indexOf(Math.max(...g))).toBeGreaterThan(40)
  })
})

describe('onsets', () => {
  const times = [0.1, 0.3373, 0.52, 0.7861, 1.0]
  it.each([16000, 44100])('of a click train at %s Hz are within 10 ms of the clicks', (sr) => {
    const found = ok(onsets(clickTrain(sr, times), sr, ref))
    expect(found.length).toBe(times.length)
    found.forEach((t, i) => expect(Math.abs(t - times[i]!), `click ${times[i]} found at ${t}`).toBeLessThan(0.01))
  })
  it.each([16000, 44100])('a steady tone at %s Hz has one onset, where it starts the file, and none after', (sr) => {
    const found = ok(onsets(tone(sr, 440, 1), sr, ref))
    expect(found).toHaveLength(1)
    expect(found[0]!).toBeLessThan(0.02)
  })
  it.each([16000, 44100])('a click 4 ms into the file (%s Hz) is found: the start padding counts as silence', (sr) => {
    const found = ok(onsets(clickTrain(sr, [0.004, 0.5], 0.8), sr, ref))
    expect(found.length).toBe(2)
    expect(Math.abs(found[0]! - 0.004)).toBeLessThan(0.01)
  })
  it('a tone starting at 0.4 s has one onset near 0.4 s', () => {
    const sr = 16000
    const y = new Float32Array(sr)
    tone(sr, 330, 0.6).forEach((v, i) => (y[i + 0.4 * sr] = v))
    const found = ok(onsets(y, sr, ref))
    expect(found.length).toBe(1)
    expect(Math.abs(found[0]! - 0.4)).toBeLessThan(0.015)
  })
  it('pickOnsets respects the minimum gap and the threshold', () => {
    const env = [0, 0, 1, 0, 0.9, 0, 0, 0, 0, 0, 0.02, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    expect(pickOnsets(env, { sampleRate: 100, hop: 1, wait: 0.03 })).toEqual([0.02])
    expect(pickOnsets(env, { sampleRate: 100, hop: 1, wait: 0.01, preMax: 0.01, postMax: 0.01 })).toEqual([0.02, 0.04])
  })
  it('bad arguments are FeatureErrors', () => {
    expect(E.isLeft(onsets(new Float32Array(0), 16000, ref))).toBe(true)
    expect(E.isLeft(onsets(new Float32Array(10), -1, ref))).toBe(true)
  })
})
