import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { compile } from '../core/program-api.js'
import { input } from '../core/signal.js'
import { lcgNoise as noiseOf, pairLoss } from '../../testing/run.js'
import { melSpectralLoss, type MelLossOptions } from './mel.js'

const N = 2048
const evalLoss = (pred: number[], target: number[], o: MelLossOptions) => pairLoss((p, t) => melSpectralLoss(p, t, o), [pred], [target])
const opts = { sampleRate: 16000, nFft: 256, hop: 64, nMels: 32 }

describe('melSpectralLoss', () => {
  it('is 0 for identical signals', () => {
    const x = noiseOf(N, 1)
    expect(evalLoss(x, x, opts)).toBe(0)
  })
  it('halving a broadband signal moves every log-mel bin by ln 2 (mel is linear in |X|): L1 = ln 2, L2 = ln² 2', () => {
    const x = noiseOf(N, 2)
    const half = x.map((v) => 0.5 * v)
    expect(evalLoss(half, x, { ...opts, eps: 1e-12 })).toBeCloseTo(Math.LN2, 7)
    expect(evalLoss(half, x, { ...opts, eps: 1e-12, distance: 'L2' })).toBeCloseTo(Math.LN2 ** 2, 7)
    // the default ε = 1e-5 compresses quiet bins slightly: a little below ln 2
    const d = evalLoss(half, x, opts)
    expect(d).toBeLessThan(Math.LN2)
    expect(d).toBeGreaterThan(0.99 * Math.LN2)
  })
  it('silence against a signal is finite', () => {
    expect(Number.isFinite(evalLoss(new Array<number>(N).fill(0), noiseOf(N, 3), opts))).toBe(true)
  })
  it('refuses pred and target of different shapes, naming both', () => {
    const r = compile({ l: melSpectralLoss(input('p', [1, 256], 'audio'), input('t', [1, 512], 'audio'), opts) })
    expect(E.isLeft(r) && JSON.stringify(r.left)).toMatch(/melSpectralLoss: pred \[1, 256\] and target \[1, 512\] differ in shape/)
  })
})
