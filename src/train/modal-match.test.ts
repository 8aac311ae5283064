import { describe, expect, it } from 'vitest'
import { param } from '../core/signal.js'
import { synthRegistry } from '../synths/registry.js'
import { evaluateOrThrow } from '../../testing/run.js'
import { modalMatch, MODAL } from './modal-match.js'

const SR = 16000
const N = 4000

describe('modal drum matching setup', () => {
  it('its preset renders the registry modal-drum (same modes, decays, glide, noise) up to rounding', () => {
    const d = modalMatch(N, SR)
    const pred = d.synth(Object.fromEntries(Object.entries(d.params).map(([k, s]) => [k, param(k, s.shape)])))
    const got = evaluateOrThrow({ y: pred }, d.presets[0]!)['y']!.data
    const want = evaluateOrThrow({ y: synthRegistry['modal-drum']!.render({ sampleRate: SR, samples: N }) })['y']!.data
    const peak = Math.max(...Array.from(want, Math.abs))
    expect(peak).toBeGreaterThan(0.1)
    expect(Math.max(...Array.from(got, (v, i) => Math.abs(v - want[i]!)))).toBeLessThan(1e-5 * peak)
  })
  it('names the physical values of a point: the preset maps back to 140 Hz·ratios, 0.25/(1+m), 4+3m /s, 3 % glide', () => {
    const d = modalMatch(N, SR)
    const v = d.values(d.presets[0]!)
    expect(v['mode1.freq_hz']).toBeCloseTo(140, 6)
    expect(v['mode8.freq_hz']).toBeCloseTo(140 * 3.501, 5)
    expect(v['mode2.amp']).toBeCloseTo(0.125, 6)
    expect(v['mode3.decay_per_s']).toBeCloseTo(10, 6)
    expect(v['glide']).toBeCloseTo(0.03, 9)
    expect(v['noise.decay_per_s']).toBeCloseTo(40, 6)
    expect(Object.keys(v)).toHaveLength(3 * MODAL.modes + 1 + MODAL.bands + 1)
  })
})
