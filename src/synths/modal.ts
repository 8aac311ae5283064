/**
 * Modal percussion after drumblender (Shier et al., Forum Acusticum 2023,
 * `drumblender/synths/modal.py`): M sinusoidal modes whose frequency and
 * amplitude follow frame-rate tracks, plus filtered noise:
 *   y[n] = Σₘ aₘ[n]·sin(φₘ[n] + φₘ⁰),  φₘ[n] = 2π/sr·Σ_{k≤n} fₘ[k]  (inclusive)
 *        + filteredNoise(bands)
 * Tracks are upsampled as drumblender does (PyTorch linear interpolation,
 * align_corners=False); only the initial phase of each mode is used. Unlike
 * drumblender's `modal_synth`, which sums every mode, a mode at or above
 * Nyquist is silenced sample by sample (as ddsp's oscillator bank): the
 * seed's CQT analysis tops out at 20·2^(240/24) ≈ 20.5 kHz, below Nyquist at
 * its 48 kHz, so its own tracks never reach the mask. The noise
 * part is ddsp's filtered noise (drumblender's variant windows its frames with
 * hop 128 instead). The TCN transient model belongs to training.
 *
 * @example
 * const y = modalDrum({ freqs, amps, phase0, noiseBands }, { samples: 48000, sampleRate: 48000 })
 */
import { add, less, mul, sin } from '../core/math.js'
import type { Signal } from '../core/signal.js'
import { reshape, sum } from '../core/tensor.js'
import { phase } from '../dsp/phase.js'
import { upsample } from '../dsp/resample.js'
import { filteredNoise } from './filtered-noise.js'

/**
 * The preset modal drum's modes: frequencies f0·ratios[m], the ratios being the
 * zeros of Bessel functions (an ideal circular membrane), relative. The registry's
 * `modal-drum` renders it; `train/modal-match.ts` starts matching from it.
 * @example MODAL_PRESET.f0 * MODAL_PRESET.ratios[1]! // 223.16 (Hz)
 */
export const MODAL_PRESET: { readonly f0: number; readonly ratios: readonly number[] } = {
  f0: 140,
  ratios: [1, 1.594, 2.136, 2.296, 2.653, 2.918, 3.156, 3.501],
}

/** Modal controls. */
export interface ModalControls {
  /** Mode frequencies, Hz, control `[B, F, M]`. */
  readonly freqs: Signal<'control'>
  /** Mode amplitudes, control `[B, F, M]`. */
  readonly amps: Signal<'control'>
  /** Initial phases, radians, static `[B, M]`. */
  readonly phase0: Signal<'static'>
  /** Noise band magnitudes (linear, unscaled), control `[B, F', bands]`; omit for modes only. */
  readonly noiseBands?: Signal<'control'>
}

/**
 * Renders modes plus noise.
 * @returns audio `[B, samples]`
 * @example modalDrum(controls, { samples: 96000, sampleRate: 48000 })
 */
export const modalDrum = (c: ModalControls, o: { readonly samples: number; readonly sampleRate: number; readonly seed?: number }): Signal<'audio'> => {
  const [B, , M] = c.freqs.shape ?? [1, 1, 1]
  const f = upsample(c.freqs, o.samples, 'centered')
  const a = upsample(c.amps, o.samples, 'centered')
  const phi = add(phase(f, o.sampleRate), reshape(c.phase0, [B!, 1, M!]))
  const modes = sum(mul(mul(a, less(f, o.sampleRate / 2)), sin(phi)), [2])
  if (c.noiseBands === undefined) return modes
  return add(modes, filteredNoise(c.noiseBands, { samples: o.samples, scale: false, windowSize: 0, seed: o.seed ?? 7 }))
}
