import { describe, expect, it } from 'vitest'


import { constant, input } from '../core/signal.js'
import { amplitudeToDb, dbToAmplitude, expSigmoid, hzToMidi, midiToHz, sigmoid, softplus } from './scale.js'
import { run, close } from '../../testing/run.js'

describe('scale', () => {
  const xs = [-40, -3, -1, 0, 0.5, 2, 40]
  const x = constant(xs, [xs.length])
  it('sigmoid and softplus match their definitions and stay finite at ±40', () => {
    const o = run({ s: sigmoid(x), p: softplus(x) })
    close(o['s'], xs.map((v) => 1 / (1 + Math.exp(-v))), 1e-15)
    close(o['p'], xs.map((v) => Math.log1p(Math.exp(v))), 1e-12)
  })
  it('expSigmoid(0) = 2·0.5^ln10 + 1e-7 and matches the DDSP golden numbers (ddsp-anchors App. A)', () => {
    const o = run({ y: expSigmoid(constant([0, -3, -5], [3])) })
    expect(o['y']![0]).toBeCloseTo(2 * 0.5 ** Math.LN10 + 1e-7, 14)
    expect(o['y']![0]).toBeCloseTo(0.4053992, 7)
    expect(o['y']![1]).toBeCloseTo(1.78841e-3, 8)
    expect(o['y']![2]).toBeCloseTo(1.97931e-5, 10)
  })
  it('expSigmoid keeps the control rate and honours its parameters', () => {
    const y = expSigmoid(input('x', [1, 2, 1], 'control'), 5, 3, 0)
    expect(y.rate).toBe('control')
    const o = run({ y }, { x: [0, 1] })
    close(o['y'], [0, 1].map((v) => 3 * (1 / (1 + Math.exp(-v))) ** Math.log(5)), 1e-14)
  })
  it('midiToHz(69) = 440, an octave doubles, hzToMidi inverts it and maps f ≤ 0 to 0', () => {
    const o = run({ f: midiToHz(constant([69, 81, 60], [3])), m: hzToMidi(constant([440, 880, 261.6255653005986, 0, -5], [5])) })
    close(o['f'], [440, 880, 261.6255653005986], 1e-10)
    close(o['m'], [69, 81, 60, 0, 0], 1e-10)
  })
  it('dB conversions: 0 dB = 1, −20 dB = 0.1, amplitude 0 floors at −80 dB', () => {
    const o = run({ a: dbToAmplitude(constant([0, -20, 6], [3])), d: amplitudeToDb(constant([1, 0.1, 0, -2], [4])) })
    close(o['a'], [1, 0.1, 10 ** 0.3], 1e-12)
    close(o['d'], [0, -20, -80, 20 * Math.log10(2)], 1e-10)
  })
})
