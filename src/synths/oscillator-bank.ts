/**
 * The oscillator bank (ddsp `core.oscillator_bank`): K sinusoids with
 * per-sample frequencies and amplitudes, summed:
 *   y[t] = Σₖ Aₖ[t]·[fₖ[t] < sr/2]·sin φₖ[t],  φₖ[t] = 2π/sr·Σ_{τ≤t} fₖ[τ]
 * (inclusive cumsum, so φₖ[0] = 2π·fₖ[0]/sr; each partial integrated
 * separately, wrapped and accurate over minutes via `dsp/phase`). Any partial
 * at or above Nyquist is silenced sample by sample. It is a named composite
 * (`oscillatorBank`), the hot path a backend may fuse.
 *
 * @example
 * const y = oscillatorBank(freqsHz, amps, 16000)   // [B, T, K] each → [B, T]
 */
import { composite } from '../core/composite.js'
import { less, mul, sin } from '../core/math.js'
import type { Signal } from '../core/signal.js'
import { sum } from '../core/tensor.js'
import { phase } from '../dsp/phase.js'

/**
 * Sums K sinusoids.
 * @param freqs Hz, audio `[B, T, K]`  @param amps audio `[B, T, K]`  @param sampleRate Hz
 * @returns audio `[B, T]`
 * @example oscillatorBank(upsample(fk, T, 'linear'), upsample(ak, T, 'window'), 16000)
 */
export const oscillatorBank = (freqs: Signal<'audio'>, amps: Signal<'audio'>, sampleRate: number): Signal<'audio'> =>
  composite(
    'synth.oscillatorBank',
    (f: Signal<'audio'>, a: Signal<'audio'>) =>
      sum(mul(mul(a, less(f, sampleRate / 2)), sin(phase(f, sampleRate))), [2]),
    { attrs: { sampleRate } },
  )(freqs, amps)
