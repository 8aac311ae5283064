/**
 * Law: the wavetable synth, the LFOs (rate and phase) and the simple effects
 * (gain, tanh drive, pan, crossfade, modulation matrix) are differentiable in
 * every control: reverse mode = float64 central differences (`gradCheck`).
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { concat } from '../src/core/tensor.js'
import type { Rate, Signal } from '../src/core/signal.js'
import { crossfade, gainDb, pan, tanhDrive } from '../src/synths/effects.js'
import { lfo } from '../src/synths/lfo.js'
import { modMatrix } from '../src/synths/modulation.js'
import { wavetableSynth } from '../src/synths/wavetable.js'
import { gradCheck, type ParamSpec } from './gradcheck.js'
import { params } from './runs.js'
import { TOL, within } from '../testing/tolerance.js'

type P = Readonly<Record<string, Signal<Rate>>>
const audio = (p: P, k: string) => p[k] as Signal<'audio'>
const x: ParamSpec = { shape: [2, 16], rate: 'audio' }
const scalar: ParamSpec = { shape: [2, 1], rate: 'static' }
const cases: ReadonlyArray<readonly [string, (p: P) => Signal<Rate>, Record<string, ParamSpec>, number?]> = [
  ['gainDb', (p) => gainDb(audio(p, 'x'), p['g']!), { x, g: scalar }],
  ['tanhDrive', (p) => tanhDrive(audio(p, 'x'), p['d']!, true), { x, d: scalar }],
  ['pan', (p) => concat(pan(audio(p, 'x'), p['pos']!), 1), { x, pos: scalar }],
  ['crossfade', (p) => crossfade(audio(p, 'x'), audio(p, 'y'), p['m']!), { x, y: x, m: { ...scalar, lo: 0, hi: 1 } }],
  ['modMatrix', (p) => concat(modMatrix([audio(p, 'x'), audio(p, 'y')], p['depth'] as Signal<'static'>), 1), { x, y: x, depth: { shape: [2, 3], rate: 'static' } }],
  ['lfo', (p) => lfo('triangle', p['rate']!, 32, 100, { phase: p['phase']! }), { rate: { ...scalar, lo: 0.5, hi: 5 }, phase: scalar }],
  [
    'wavetableSynth',
    (p) => wavetableSynth(p['amp'] as Signal<'control'>, p['f0'] as Signal<'control'>, p['table'] as Signal<'static'>, { samples: 48, sampleRate: 1000 }),
    { amp: { shape: [1, 4, 1], rate: 'control' }, f0: { shape: [1, 4, 1], rate: 'control', lo: 20, hi: 200 }, table: { shape: [1, 16], rate: 'static' } },
    1e-5,
  ],
]

describe('effects and wavetable gradients', () => {
  for (const [name, f, specs, h] of cases)
    it(`${name}: ∂/∂controls = central differences`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
          const { fd, ad, smooth, noise } = gradCheck(f, specs, seed, name, h)
          fc.pre(smooth)
          return within(TOL.phaseGradient, fd, ad, noise)
        }),
        params(),
      )
    })
})
