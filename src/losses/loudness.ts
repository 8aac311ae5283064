/**
 * Loudness loss: the mean distance between the A-weighted loudness curves
 * (dB per frame, `features/loudness.ts`: DDSP's corrected `compute_loudness`,
 * floor −80 dB) of prediction and target,
 *
 *   loss = mean_{b,f} |Lₚ[b,f] − Lₜ[b,f]|   ('L1'; squared for 'L2').
 *
 * The dB floor clamps power before the log, so silence gives a finite value
 * and a zero (finite) gradient. Ref: magenta/ddsp `SpectralLoss`
 * `loudness_weight` term (`compute_loudness(n_fft=2048)`, `mean_difference`).
 *
 * @example
 * import { loudnessLoss } from 'ddsp-ts/losses'
 * const loss = loudnessLoss(pred, target, { sampleRate: 16000 })   // dB, hop 64, nFft 512
 */
import { composite } from '../core/composite.js'
import type { Signal } from '../core/signal.js'
import { invalid } from '../dsp/guard.js'
import { checkPair } from './pair.js'
import { loudness, type LoudnessOptions } from '../features/loudness.js'
import { meanDifference, type Distance } from './distance.js'

/** Options of `loudnessLoss`: the loudness feature's, plus the distance. */
export interface LoudnessLossOptions extends LoudnessOptions {
  /** 'L1' (default) or 'L2'. */
  readonly distance?: Distance
}

/**
 * Mean L1 (or L2) distance in dB between the loudness curves of pred and target.
 * @param pred audio `[B, N]`  @param target audio `[B, N]`
 * @param options sampleRate (Hz, required), nFft (512), hop (⌊sr/250⌋), refDb (0), rangeDb (80), center (true), distance ('L1')
 * @returns static scalar `[]` in dB (dB² for 'L2'); 0 when pred = target
 * @example loudnessLoss(pred, target, { sampleRate: 16000, nFft: 2048 })
 */
export const loudnessLoss = (pred: Signal<'audio'>, target: Signal<'audio'>, options: LoudnessLossOptions): Signal<'static'> => {
  const { distance = 'L1', ...ld } = options
  const bad = checkPair('loudnessLoss', pred, target)
  if (bad !== undefined) return invalid(pred, bad, 'static')
  const body = (a: Signal<'audio'>, b: Signal<'audio'>) => meanDifference(loudness(b, ld), loudness(a, ld), distance)
  return composite('losses.loudness', body, { attrs: { ...ld, distance } })(pred, target)
}
