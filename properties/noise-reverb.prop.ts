/**
 * Law: filtered noise, the FIR filter, the reverb and its parametric IRs are
 * differentiable in every control (reverse mode = float64 central differences
 * along a random direction, via `gradCheck`), and so is the modal drum.
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import type { Rate, Signal } from '../src/core/signal.js'
import { filteredNoise, firFilter } from '../src/synths/filtered-noise.js'
import { expDecayIr, filteredNoiseIr, reverb } from '../src/synths/reverb.js'
import { modalDrum } from '../src/synths/modal.js'
import { gradCheck, type ParamSpec } from './gradcheck.js'
import { params } from './runs.js'
import { TOL, within } from '../testing/tolerance.js'

type P = Readonly<Record<string, Signal<Rate>>>
const cases: ReadonlyArray<readonly [string, (p: P) => Signal<Rate>, Record<string, ParamSpec>]> = [
  ['filteredNoise', (p) => filteredNoise(p['mags'] as Signal<'control'>, { samples: 64, windowSize: 9 }), { mags: { shape: [2, 4, 5], rate: 'control' } }],
  ['firFilter', (p) => firFilter(p['x'] as Signal<'audio'>, p['eq'] as Signal<'static'>, 7), { x: { shape: [1, 40], rate: 'audio' }, eq: { shape: [1, 5], rate: 'static' } }],
  ['reverb', (p) => reverb(p['x'] as Signal<'audio'>, p['ir']!), { x: { shape: [2, 30], rate: 'audio' }, ir: { shape: [1, 12], rate: 'static' } }],
  ['expDecayIr', (p) => expDecayIr(p['gain'] as Signal<'static'>, p['decay'] as Signal<'static'>, 50), { gain: { shape: [1, 1], rate: 'static' }, decay: { shape: [1, 1], rate: 'static', lo: 0, hi: 3 } }],
  ['filteredNoiseIr', (p) => filteredNoiseIr(p['mags'] as Signal<'control'>, 48), { mags: { shape: [1, 4, 6], rate: 'control' } }],
]

describe('noise and reverb gradients', () => {
  for (const [name, f, specs] of cases)
    it(`${name}: ∂/∂controls = central differences`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
          const { fd, ad, smooth, noise } = gradCheck(f, specs, seed, name)
          fc.pre(smooth)
          return within(TOL.gradient, fd, ad, noise)
        }),
        params(),
      )
    })
})

describe('modal drum gradients', () => {
  it('∂/∂(freqs, amps, phase0, noise bands) = central differences', () => {
    const specs: Record<string, ParamSpec> = {
      freqs: { shape: [1, 3, 4], rate: 'control', lo: 100, hi: 1500 },
      amps: { shape: [1, 3, 4], rate: 'control' },
      phase0: { shape: [1, 4], rate: 'static' },
      bands: { shape: [1, 2, 5], rate: 'control' },
    }
    const f = (p: P) => modalDrum({ freqs: p['freqs'] as Signal<'control'>, amps: p['amps'] as Signal<'control'>, phase0: p['phase0'] as Signal<'static'>, noiseBands: p['bands'] as Signal<'control'> }, { samples: 64, sampleRate: 8000 })
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const { fd, ad, smooth, noise } = gradCheck(f, specs, seed, 'modalDrum', 1e-5)
        fc.pre(smooth)
        return within(TOL.phaseGradient, fd, ad, noise)
      }),
      params(),
    )
  })
})
