import { describe, expect, it } from 'vitest'
import { input, type Signal } from '../core/signal.js'
import { modDelay, variableDelay } from './delay.js'
import { crossfade, gainDb, mix, pan, tanhDrive } from './effects.js'
import { lfo } from './lfo.js'
import { evaluateOrThrow } from '../../testing/run.js'

const x = Float64Array.from({ length: 64 }, (_, i) => Math.sin(0.3 * i) + 0.1 * i)
const run = (outs: Record<string, Signal<'audio'>>) => evaluateOrThrow(outs, { x })
const X = input('x', [1, 64], 'audio')

describe('variableDelay', () => {
  it('delays by whole samples exactly and interpolates linearly between them', () => {
    const out = run({ d3: variableDelay(X, 3 / 8000, 8000), d25: variableDelay(X, 2.5 / 8000, 8000) })
    x.forEach((_, t) => {
      expect(out['d3']!.data[t]).toBeCloseTo(t >= 3 ? x[t - 3]! : 0, 12)
      if (t >= 3) expect(out['d25']!.data[t]).toBeCloseTo(0.5 * x[t - 2]! + 0.5 * x[t - 3]!, 12)
    })
  })
  it('modDelay with zero depth is dry + gain·delayed', () => {
    const out = run({ y: modDelay(X, lfo('sine', 3, 64, 8000), { centreMs: 1, depthMs: 0, gain: 0.5 }, 8000) })
    x.forEach((v, t) => expect(out['y']!.data[t]).toBeCloseTo(v + 0.5 * (t >= 8 ? x[t - 8]! : 0), 12))
  })
})

describe('effects', () => {
  it('gain, drive, pan, crossfade and mix follow their formulas', () => {
    const [l, r] = pan(X, 0)
    const out = run({ g: gainDb(X, -20), d: tanhDrive(X, 0, true), l, r, c: crossfade(X, gainDb(X, 6), 1), m: mix([X, X, X]) })
    x.forEach((v, t) => {
      expect(out['g']!.data[t]).toBeCloseTo(0.1 * v, 12)
      expect(out['d']!.data[t]).toBeCloseTo(Math.tanh(v) / Math.tanh(1), 12)
      expect(out['l']!.data[t]).toBeCloseTo(v * Math.SQRT1_2, 12) // centre: −3 dB each side
      expect(out['l']!.data[t]! ** 2 + out['r']!.data[t]! ** 2).toBeCloseTo(v * v, 12)
      expect(out['c']!.data[t]).toBeCloseTo(v * 10 ** (6 / 20), 12)
      expect(out['m']!.data[t]).toBeCloseTo(3 * v, 12)
    })
  })
})
