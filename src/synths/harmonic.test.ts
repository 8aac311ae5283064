import { describe, expect, it } from 'vitest'
import { constant, withRate, type Signal } from '../core/signal.js'
import { expSigmoid } from '../dsp/scale.js'
import { evaluateOrThrow } from '../../testing/run.js'
import { harmonic } from './harmonic.js'

const render = (y: Signal<'audio'>, float: 'float32' | 'float64' = 'float64') => evaluateOrThrow({ y }, {}, float)['y']!.data
/** The same control frame repeated F times, `[1, F, len]`. */
const frames = (v: number[], F: number): Signal<'control'> =>
  withRate(constant(Array.from({ length: F }, () => v).flat(), [1, F, v.length]).node, 'control')
const maxError = (y: ArrayLike<number>, f: (t: number) => number) => {
  let worst = 0
  for (let t = 0; t < y.length; t++) worst = Math.max(worst, Math.abs(y[t]! - f(t)))
  return worst
}

describe('harmonic', () => {
  it('a constant 440 Hz tone over 60 s matches sin(2π·440·(t+1)/sr) to 1e-3 in float32', () => {
    const [sr, T, F] = [16000, 960000, 1000]
    const y = render(harmonic(frames([1], F), frames([1], F), frames([440], F), { samples: T, sampleRate: sr, scale: false }), 'float32')
    expect(maxError(y, (t) => Math.sin((2 * Math.PI * 440 * (t + 1)) / sr))).toBeLessThan(1e-3)
  })
  it('zeroes harmonics at or above Nyquist and renormalises the rest', () => {
    const [sr, T, F] = [16000, 1600, 10]
    // f0 = 5 kHz: harmonics 10 and 15 kHz are above Nyquist, so all the weight goes to the first
    const y = render(harmonic(frames([0.5], F), frames([0.2, 0.3, 0.5], F), frames([5000], F), { samples: T, sampleRate: sr, scale: false }))
    expect(maxError(y, (t) => 0.5 * Math.sin((2 * Math.PI * 5000 * (t + 1)) / sr))).toBeLessThan(1e-9)
  })
  it('normalises the distribution even without the Nyquist removal, as ddsp’s Harmonic (normalize_harmonics with sample_rate None)', () => {
    const [sr, T, F] = [16000, 1600, 10]
    // ddsp: c = [0.2, 0.3]/0.5 = [0.4, 0.6]; the 10 kHz harmonic is then silenced per sample by oscillator_bank
    const y = render(harmonic(frames([0.5], F), frames([0.2, 0.3], F), frames([5000], F), { samples: T, sampleRate: sr, scale: false, normalizeBelowNyquist: false }))
    expect(maxError(y, (t) => 0.5 * 0.4 * Math.sin((2 * Math.PI * 5000 * (t + 1)) / sr))).toBeLessThan(1e-9)
  })
  it('divides by a negative sum as it is (safe_divide replaces only an exactly 0 sum by 1e-7)', () => {
    const [sr, T, F] = [16000, 800, 4]
    // unscaled weights [−0.5, 0.25] sum to −0.25: c = [2, −1]
    const y = render(harmonic(frames([1], F), frames([-0.5, 0.25], F), frames([200], F), { samples: T, sampleRate: sr, scale: false }))
    const phi = (t: number) => (2 * Math.PI * 200 * (t + 1)) / sr
    expect(maxError(y, (t) => 2 * Math.sin(phi(t)) - Math.sin(2 * phi(t)))).toBeLessThan(1e-9)
  })
  it('is silent when f0 is above Nyquist', () => {
    const y = render(harmonic(frames([1], 4), frames([1, 1], 4), frames([8800], 4), { samples: 400, sampleRate: 16000, scale: false }))
    expect(y.every((v) => v === 0)).toBe(true)
  })
  it('with exp-sigmoid scaling follows ddsp: a = 2·σ(x)^ln10 + 1e-7', () => {
    const [sr, T, F] = [16000, 800, 4]
    const y = render(harmonic(frames([0], F), frames([3], F), frames([200], F), { samples: T, sampleRate: sr }))
    const a = 2 * 0.5 ** Math.LN10 + 1e-7
    expect(maxError(y, (t) => a * Math.sin((2 * Math.PI * 200 * (t + 1)) / sr))).toBeLessThan(1e-9)
  })
})

describe('golden numbers (ddsp-anchors Appendix A)', () => {
  it('the first phase of 440 Hz at 16 kHz is the inclusive cumsum 0.172788 rad', () => {
    const y = render(harmonic(frames([1], 2), frames([1], 2), frames([440], 2), { samples: 64, sampleRate: 16000, scale: false }))
    expect(Math.asin(y[0]!)).toBeCloseTo(0.172788, 6)
  })
  it('filtered noise starts at exp_sigmoid(−5) = 1.97931e-5 per band (FilteredNoise init)', () => {
    const v = render(withRate(expSigmoid(constant(-5, [1, 1])).node, 'audio'))
    expect(v[0]).toBeCloseTo(1.97931e-5, 10)
  })
})
