import { describe, expect, it } from 'vitest'


import { input } from '../core/signal.js'
import { istft, magnitude, stft, stftFrames } from './stft.js'
import { run } from '../../testing/run.js'

const sr = 16000
const sine = (f: number, n: number) => Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * f * i) / sr))

describe('stft', () => {
  it('of a bin-centred sine peaks at its bin in every frame, with |X| = nFft/4 for periodic Hann', () => {
    const nFft = 256
    const k = 20
    const x = sine((k * sr) / nFft, 2048)
    const m = magnitude(stft(input('x', [1, 2048], 'audio'), nFft, 64))
    expect(m.shape).toEqual([1, stftFrames(2048, nFft, 64), 129])
    const o = run({ m }, { x })['m']!
    for (let f = 0; f < 29; f++) {
      const row = o.slice(f * 129, (f + 1) * 129)
      expect(row.indexOf(Math.max(...row))).toBe(k)
      expect(row[k]).toBeCloseTo(nFft / 4, 8)
    }
  })
  it('center and padEnd change the frame count as librosa / tf.signal do', () => {
    expect(stft(input('x', [1, 1000], 'audio'), 256, 64, { center: true }).shape).toEqual([1, 16, 129, 2])
    expect(stft(input('x', [1, 1000], 'audio'), 256, 64, { padEnd: true }).shape).toEqual([1, 16, 129, 2])
    expect(stftFrames(64000, 2048, 512, { padEnd: true })).toBe(125)
  })
  it('magnitude is √(re² + im² + 1e-18): 5 for (3, 4) and 1e-9 at 0', () => {
    const o = run({ m: magnitude(input('s', [2, 2])) }, { s: [3, 4, 0, 0] })['m']!
    expect(o[0]).toBeCloseTo(5, 14)
    expect(o[1]).toBeCloseTo(1e-9, 20)
  })
  it.each([false, true])('istft ∘ stft reconstructs the signal where the window sum is non-zero (center %s)', (center) => {
    const n = 1024
    const x = Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) + 0.3 * Math.cos(i * 1.91))
    const sig = input('x', [1, n], 'audio')
    const y = run({ y: istft(stft(sig, 128, 32, { center }), 128, 32, { center }) }, { x })['y']!
    const skip = center ? 0 : 1 // sample 0 sees only w[0] = 0 without centring
    for (let i = skip; i < y.length; i++) expect(y[i]).toBeCloseTo(x[i]!, 10)
  })
})
