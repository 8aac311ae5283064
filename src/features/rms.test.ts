import { describe, expect, it } from 'vitest'
import { input } from '../core/signal.js'
import { run } from '../../testing/run.js'
import { rms } from './rms.js'
import { temporalCentroid } from './temporal-centroid.js'

describe('rms', () => {
  it('a unit sine gives 1/√2 in whole interior frames; a constant c gives |c|; shape [B, N/hop + 1]', () => {
    const n = 4096
    const x = Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * 500 * i) / 16000))
    const s = input('x', [2, n], 'audio')
    const r = rms(s, { frameLength: 512, hop: 128 })
    expect(r.shape).toEqual([2, 33])
    const o = run({ r }, { x: [...x, ...new Array(n).fill(-0.25)] })['r']!
    for (let f = 2; f < 31; f++) expect(o[f]).toBeCloseTo(Math.SQRT1_2, 6)
    for (let f = 35; f < 64; f++) expect(o[f]).toBeCloseTo(0.25, 9)
    expect(o[0]).toBeCloseTo(Math.sqrt(0.5 * 0.5), 1) // half the first centred frame is padding
  })
  it('silence gives 1e-9 (finite)', () => {
    expect(run({ r: rms(input('x', [1, 1024], 'audio'), { frameLength: 256 }) }, { x: new Array(1024).fill(0) })['r']![3]).toBeCloseTo(1e-9, 15)
  })
})

describe('temporalCentroid', () => {
  it('a click at sample 8000 of 16 kHz audio is at 0.5 s; two equal clicks average; silence is 0', () => {
    const n = 16000
    const one = new Array(n).fill(0)
    one[8000] = 1
    const two = new Array(n).fill(0)
    two[1600] = 0.5
    two[14400] = -0.5
    const z = new Array(n).fill(0)
    const x = input('x', [3, n], 'audio')
    const o = run({ t: temporalCentroid(x, 16000) }, { x: [...one, ...two, ...z] })['t']!
    expect(o[0]).toBeCloseTo(0.5, 9)
    expect(o[1]).toBeCloseTo(0.5, 9)
    expect(o[2]).toBe(0)
  })
})
