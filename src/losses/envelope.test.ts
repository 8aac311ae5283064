import { describe, expect, it } from 'vitest'
import { input } from '../core/signal.js'
import { run } from '../../testing/run.js'
import { envelopeLoss } from './envelope.js'

const sr = 8000
const N = 4000
const tone = (gain: number, decay: number) => Array.from({ length: N }, (_, i) => gain * Math.exp(-decay * i / sr) * Math.sin((2 * Math.PI * 200 * i) / sr))

describe('envelopeLoss', () => {
  const loss = (a: number[], b: number[]) => run({ l: envelopeLoss(input('a', [1, N], 'audio'), input('b', [1, N], 'audio'), { sampleRate: sr }) }, { a, b })['l']![0]!
  it('is 0 for equal signals and the level difference in dB for a scaled copy', () => {
    expect(loss(tone(0.5, 3), tone(0.5, 3))).toBeCloseTo(0, 9)
    expect(loss(tone(0.25, 3), tone(0.5, 3))).toBeCloseTo(20 * Math.log10(2), 1)
  })
  it('a tail that dies too early costs more than a level offset of a few dB; silence against a hit costs at most the 60 dB floor', () => {
    expect(loss(tone(0.5, 20), tone(0.5, 3))).toBeGreaterThan(loss(tone(0.35, 3), tone(0.5, 3)))
    const silence = loss(new Array<number>(N).fill(0), tone(0.5, 3))
    expect(silence).toBeGreaterThan(10)
    expect(silence).toBeLessThanOrEqual(60.01)
  })
})
