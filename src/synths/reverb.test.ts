import { describe, expect, it } from 'vitest'
import { constant, input, withRate } from '../core/signal.js'
import { rfft } from '../core/tensor.js'
import { filteredNoise } from './filtered-noise.js'
import { expDecayIr, reverb } from './reverb.js'
import { evaluateOrThrow as ev } from '../../testing/run.js'


describe('reverb', () => {
  it('an impulse through it gives the dry impulse plus the IR without its first tap', () => {
    const [N, L] = [64, 16]
    const impulse = Float64Array.from({ length: N }, (_, i) => (i === 3 ? 1 : 0))
    const ir = Float64Array.from({ length: L }, (_, i) => Math.cos(i) * 0.9 ** i)
    const out = ev({ y: reverb(input('x', [1, N], 'audio'), input('ir', [1, L])) }, { x: impulse, ir })['y']!.data
    for (let t = 0; t < N; t++) {
      const k = t - 3
      const wet = k >= 1 && k < L ? ir[k]! : 0
      expect(out[t]).toBeCloseTo(impulse[t]! + wet, 10)
    }
  })
  it('builds an exponentially decaying IR at 2 + e^decay per IR length', () => {
    const L = 2000
    const ir = Float64Array.from(ev({ ir: expDecayIr(constant(2, [1, 1]), constant(1, [1, 1]), L) })['ir']!.data)
    const rms = (a: number, b: number) => Math.sqrt(ir.slice(a, b).reduce((s, v) => s + v * v, 0) / (b - a))
    const rate = 2 + Math.E // per IR length
    const expected = Math.exp(-rate * (1000 / (L - 1)))
    expect(rms(1000, 1100) / rms(0, 100)).toBeGreaterThan(expected * 0.7)
    expect(rms(1000, 1100) / rms(0, 100)).toBeLessThan(expected * 1.4)
  })
})

describe('filteredNoise', () => {
  it('puts its energy where the band magnitudes are', () => {
    const [T, F, M] = [4096, 8, 33]
    const lowpass = Array.from({ length: F * M }, (_, i) => (i % M < 8 ? 1 : 0)) // bins 0…7 of 32: below 1/4 Nyquist
    const mags = withRate(constant(lowpass, [1, F, M]).node, 'control')
    const X = ev({ X: rfft(filteredNoise(mags, { samples: T, scale: false, windowSize: 0 }), T) })['X']!.data
    let [low, high] = [0, 0]
    for (let k = 0; k <= T / 2; k++) (k < T / 8 ? (low += X[2 * k]! ** 2 + X[2 * k + 1]! ** 2) : (high += X[2 * k]! ** 2 + X[2 * k + 1]! ** 2))
    expect(low).toBeGreaterThan(50 * high)
  })
  it('starts near silent with ddsp’s initial bias (−5 before exp-sigmoid)', () => {
    const mags = withRate(constant(0, [1, 4, 17]).node, 'control')
    const y = ev({ y: filteredNoise(mags, { samples: 256 }) })['y']!.data
    expect(Math.max(...y.map(Math.abs))).toBeLessThan(1e-3)
  })
})
