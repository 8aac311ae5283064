/**
 * The sinusoidal synthesizer (ddsp `synths.Sinusoidal`): K free partials with
 * frame-rate frequencies and amplitudes, frequencies upsampled linearly and
 * amplitudes with ddsp's overlapping windows, into the oscillator bank
 * (partials at or above Nyquist silenced per sample). The optional scaling is
 * ddsp's exp-sigmoid on amplitudes; frequencies are taken in Hz as given
 * (map them with any scale function first).
 *
 * @example
 * const y = sinusoidal(amps, freqsHz, { samples: 64000, sampleRate: 16000 })
 */
import type { Signal } from '../core/signal.js'
import type { UpsampleMethod } from '../host/upsample.js'
import { upsample } from '../dsp/resample.js'
import { expSigmoid } from '../dsp/scale.js'
import { oscillatorBank } from './oscillator-bank.js'

/** Options of the sinusoidal synth. */
export interface SinusoidalOptions {
  readonly samples: number
  readonly sampleRate: number
  /** Apply ddsp's exp-sigmoid to the amplitudes (default true). */
  readonly scale?: boolean
  /** Amplitude upsampling (default 'window'). */
  readonly ampResample?: UpsampleMethod
}

/**
 * Renders K free sinusoids.
 * @param amplitudes control `[B, F, K]`  @param frequencies Hz, control `[B, F, K]`
 * @returns audio `[B, samples]`
 * @example sinusoidal(param('a', [1, 100, 8], 'control'), param('f', [1, 100, 8], 'control'), { samples: 16000, sampleRate: 16000 })
 */
export const sinusoidal = (amplitudes: Signal<'control'>, frequencies: Signal<'control'>, o: SinusoidalOptions): Signal<'audio'> => {
  const a = (o.scale ?? true) ? expSigmoid(amplitudes) : amplitudes
  return oscillatorBank(upsample(frequencies, o.samples, 'linear'), upsample(a, o.samples, o.ampResample ?? 'window'), o.sampleRate)
}
