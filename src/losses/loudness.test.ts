import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { compile } from '../core/program-api.js'
import { input } from '../core/signal.js'
import { pairLoss } from '../../testing/run.js'
import { loudnessLoss, type LoudnessLossOptions } from './loudness.js'

const N = 4000
const sine = (amp: number) => Array.from({ length: N }, (_, i) => amp * Math.sin((2 * Math.PI * 440 * i) / 16000))
const evalLoss = (pred: number[], target: number[], o: LoudnessLossOptions) => pairLoss((p, t) => loudnessLoss(p, t, o), [pred], [target])

describe('loudnessLoss', () => {
  it('is 0 for identical signals', () => {
    expect(evalLoss(sine(0.3), sine(0.3), { sampleRate: 16000 })).toBe(0)
  })
  it('a 0.5× copy is 20·log10 2 ≈ 6.02 dB quieter in every frame (power scales by ¼, no frame at the floor)', () => {
    const db = 20 * Math.log10(2)
    expect(evalLoss(sine(0.5), sine(1), { sampleRate: 16000 })).toBeCloseTo(db, 9)
    expect(evalLoss(sine(0.5), sine(1), { sampleRate: 16000, distance: 'L2' })).toBeCloseTo(db * db, 8)
  })
  it('silence against a tone: finite, bounded by the 80 dB range plus the tone level', () => {
    const l = evalLoss(new Array<number>(N).fill(0), sine(1), { sampleRate: 16000 })
    expect(l).toBeGreaterThan(80)
    expect(l).toBeLessThan(120)
  })
  it('refuses pred and target of different shapes, naming both', () => {
    const r = compile({ l: loudnessLoss(input('p', [1, 256], 'audio'), input('t', [1, 512], 'audio'), { sampleRate: 16000 }) })
    expect(E.isLeft(r) && JSON.stringify(r.left)).toMatch(/loudnessLoss: pred \[1, 256\] and target \[1, 512\] differ in shape/)
  })
})
