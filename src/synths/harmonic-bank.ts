/**
 * The harmonic oscillator bank from frame-rate controls, as one fusible
 * composite (`synth.harmonicBank`): partial k has frequency rₖ·f0 and
 * amplitude Aₖ, both given per frame and upsampled inside, so a backend's
 * fused lowering never materialises the `[B, T, K]` audio-rate controls.
 * Decomposition (the semantics):
 *   oscillatorBank(upsample(f0·r, T, 'linear'), upsample(A, T, ampResample), sr)
 *
 * @example
 * const y = harmonicBank(f0, amps, { samples: 64000, sampleRate: 16000, ratios: [1, 2, 3] })
 */
import { fusible } from '../core/fusible.js'
import { mul } from '../core/math.js'
import { constant, type Signal } from '../core/signal.js'
import type { UpsampleMethod } from '../host/upsample.js'
import { upsample } from '../dsp/resample.js'
import { oscillatorBank } from './oscillator-bank.js'

/** Options of `harmonicBank`. */
export interface HarmonicBankOptions {
  readonly samples: number
  readonly sampleRate: number
  /** Frequency ratio of each partial to f0 (K numbers; 1, 2, …, K for a harmonic series). */
  readonly ratios: readonly number[]
  /** Amplitude upsampling (default 'window', as ddsp). */
  readonly ampResample?: UpsampleMethod
}

/**
 * Renders Σₖ Aₖ·sin(φₖ) with φₖ the phase of rₖ·f0, partials at or above Nyquist silenced.
 * @param f0 Hz, control `[B, F, 1]`  @param amps control `[B, F, K]` (linear amplitude)
 * @returns audio `[B, samples]`
 * @example harmonicBank(f0, amps, { samples: 16000, sampleRate: 16000, ratios: Array.from({ length: 60 }, (_, k) => k + 1) })
 */
export const harmonicBank = (f0: Signal<'control'>, amps: Signal<'control'>, o: HarmonicBankOptions): Signal<'audio'> => {
  const ampResample = o.ampResample ?? 'window'
  const K = o.ratios.length
  const r = constant([...o.ratios], [1, 1, K])
  return fusible(
    'synth.harmonicBank',
    (f: Signal<'control'>, a: Signal<'control'>) =>
      oscillatorBank(upsample(mul(f, r), o.samples, 'linear'), upsample(a, o.samples, ampResample), o.sampleRate),
    { attrs: { samples: o.samples, sampleRate: o.sampleRate, ratios: [...o.ratios], ampResample } },
  )(f0, amps)
}
