import { describe, expect, it } from 'vitest'
import { constant, withRate } from '../core/signal.js'
import { evaluateOrThrow } from '../../testing/run.js'
import { modalDrum } from './modal.js'

const ctl = (v: number[], shape: number[]) => withRate(constant(v, shape).node, 'control')

describe('modalDrum', () => {
  it('one steady mode is a·sin(2π·f·(n+1)/sr + φ₀)', () => {
    const [sr, T] = [16000, 800]
    const drum = modalDrum({ freqs: ctl([500, 500], [1, 2, 1]), amps: ctl([0.7, 0.7], [1, 2, 1]), phase0: constant([0.3], [1, 1]) }, { samples: T, sampleRate: sr })
    const y = evaluateOrThrow({ y: drum })['y']!.data
    for (let n = 0; n < T; n++) expect(y[n]).toBeCloseTo(0.7 * Math.sin((2 * Math.PI * 500 * (n + 1)) / sr + 0.3), 9)
  })
})
