/**
 * Mel-spectral loss: the mean distance between log-mel spectrograms,
 *
 *   loss = mean_{b,f,m} |log(Mₚ[b,f,m] + ε) − log(Mₜ[b,f,m] + ε)|   ('L1'; squared for 'L2'),
 *
 * with M the magnitude (power 1) Slaney mel spectrogram of `features/mel.ts`
 * (librosa defaults: nFft 2048, hop nFft/4, 128 bands, centred frames). The
 * additive ε (default 1e-5, DDSP's `safe_log` floor) bounds log M below and its
 * gradient 1/(M + ε) above, so silence gives a finite value and gradient.
 * Ref: log-mel L1 as in HiFi-GAN (Kong et al., NeurIPS 2020, eq. (3), there
 * with a natural log of a clamped mel) and auraloss `MelSTFTLoss` (log-mag term).
 *
 * @example
 * import { melSpectralLoss } from 'ddsp-ts/losses'
 * const loss = melSpectralLoss(pred, target, { sampleRate: 16000, nFft: 1024, hop: 256, nMels: 64 })
 */
import { composite } from '../core/composite.js'
import { add, log } from '../core/math.js'
import type { Signal } from '../core/signal.js'
import { invalid } from '../dsp/guard.js'
import { checkPair } from './pair.js'
import { melSpectrogram, type MelOptions } from '../features/mel.js'
import { meanDifference, type Distance } from './distance.js'

/** Options of `melSpectralLoss`: the mel spectrogram's, plus the log ε and the distance. */
export interface MelLossOptions extends MelOptions {
  /** ε added to the mel magnitude before the log; default 1e-5. */
  readonly eps?: number
  /** 'L1' (default) or 'L2'. */
  readonly distance?: Distance
}

/**
 * Mean L1 (or L2) distance between log(mel + ε) spectrograms of pred and target.
 * @param pred audio `[B, N]`  @param target audio `[B, N]`
 * @param options sampleRate (Hz, required), nFft (2048), hop (nFft/4), nMels (128), fMin (0 Hz), fMax (sr/2 Hz), eps (1e-5), distance ('L1')
 * @returns static scalar `[]`; 0 when pred = target
 * @example melSpectralLoss(pred, target, { sampleRate: 44100 })
 */
export const melSpectralLoss = (pred: Signal<'audio'>, target: Signal<'audio'>, options: MelLossOptions): Signal<'static'> => {
  const { eps = 1e-5, distance = 'L1', ...mel } = options
  const bad = checkPair('melSpectralLoss', pred, target)
  if (bad !== undefined) return invalid(pred, bad, 'static')
  if (!(eps > 0)) return invalid(pred, `melSpectralLoss: eps must be > 0, got ${eps}`, 'static')
  const logMel = (x: Signal<'audio'>) => log(add(melSpectrogram(x, mel), eps))
  const body = (a: Signal<'audio'>, b: Signal<'audio'>) => meanDifference(logMel(b), logMel(a), distance)
  return composite('losses.melSpectral', body, { attrs: { ...mel, eps, distance } })(pred, target)
}
