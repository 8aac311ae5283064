import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { input } from '../core/signal.js'
import { run } from '../../testing/run.js'
import { aWeightingDb, loudness } from './loudness.js'
import { powerToDb } from './db.js'
import { constant } from '../core/signal.js'

const sr = 16000
const noise512 = (JSON.parse(readFileSync(new URL('./__fixtures__/uniform-noise-seed0.json', import.meta.url), 'utf8')) as { values: number[] }).values
const oneFrame = (x: number[]) =>
  run({ l: loudness(input('x', [1, 512], 'audio'), { sampleRate: sr, nFft: 512, center: false }) }, { x })['l']!

describe('A-weighting (ddsp-anchors Appendix A, 3 decimals)', () => {
  it.each([
    [0, -80],
    [31.25, -39.699],
    [100, -19.142],
    [1000, 0.0],
    [4000, 0.964],
    [8000, -1.147],
  ])('A(%s Hz) = %s dB', (f, db) => expect(Math.abs(aWeightingDb(f) - db)).toBeLessThan(0.0005 + 1e-9))
})

describe('loudness (DDSP compute_loudness, corrected)', () => {
  it('one 512-sample frame of a unit 440 Hz sine at 16 kHz, no padding, ref 0 dB: 15.71 dB', () => {
    const x = Array.from({ length: 512 }, (_, i) => Math.sin((2 * Math.PI * 440 * i) / sr))
    const l = oneFrame(x)
    expect(l.length).toBe(1)
    expect(Math.abs(l[0]! - 15.71)).toBeLessThan(0.01)
  })
  it('one frame of U(−1, 1) noise (numpy default_rng(0) draw): 18.26 dB', () => {
    expect(noise512.length).toBe(512)
    expect(Math.abs(oneFrame(noise512)[0]! - 18.26)).toBeLessThan(0.01)
  })
  it('refDb shifts and rangeDb floors; silence gives −rangeDb', () => {
    const x = Array.from({ length: 512 }, (_, i) => Math.sin((2 * Math.PI * 440 * i) / sr))
    const s = input('x', [1, 512], 'audio')
    const o = run({ l: loudness(s, { sampleRate: sr, center: false, refDb: 10 }), z: loudness(input('z', [1, 512], 'audio'), { sampleRate: sr, center: false, rangeDb: 60 }) }, { x, z: new Array(512).fill(0) })
    expect(o['l']![0]).toBeCloseTo(5.71, 2)
    expect(o['z']![0]).toBeCloseTo(-60, 10)
  })
  it('defaults: hop ⌊sr/250⌋ = 64 and centred frames N/hop + 1 (64000 samples → 1001)', () => {
    expect(loudness(input('x', [2, 64000], 'audio'), { sampleRate: sr }).shape).toEqual([2, 1001])
    expect(loudness(input('x', [1, 64000], 'audio'), { sampleRate: sr, center: false }).shape).toEqual([1, 993])
  })
  it('bad options give a graph error, not a throw', () => {
    expect(() => run({ l: loudness(input('x', [1, 512], 'audio'), { sampleRate: -1 }) })).toThrow(/sampleRate/)
    expect(() => run({ l: loudness(input('x', [512], 'audio'), { sampleRate: sr }) })).toThrow(/batch, samples/)
  })
  it('powerToDb is 10·log10 with floor', () => {
    const o = run({ a: powerToDb(constant([1, 100, 0, 1e-3], [4]), 0, 20) })['a']!
    expect(o).toEqual([0, 20, -20, -20].map((v) => expect.closeTo(v, 12)))
  })
})
