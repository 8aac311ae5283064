/**
 * Every loss by its CLI name (`ddsp loss a.wav b.wav --loss mss`,
 * `ddsp match --loss mss`), with a one-line description, each as
 * `(pred, target, sampleRate) → scalar` at its library defaults.
 *
 * @example
 * import { lossRegistry, isLossName } from 'ddsp-ts/losses'
 * const name = 'mss'
 * if (isLossName(name)) compile({ loss: lossRegistry[name].loss(pred, target, 16000) })
 */
import type { Signal } from '../core/signal.js'
import { loudnessLoss } from './loudness.js'
import { matchLoss } from './match.js'
import { melSpectralLoss } from './mel.js'
import { multiResolutionStftLoss } from './mrstft.js'
import { multiScaleSpectralLoss } from './spectral.js'
import { l1Loss, l2Loss, siSdrLoss } from './waveform.js'

/** A loss of audio pred and target `[B, N]` at a sample rate (Hz) → static scalar `[]`. */
export type NamedLossFn = (pred: Signal<'audio'>, target: Signal<'audio'>, sampleRate: number) => Signal<'static'>

/** A registered loss: what it computes and the function. */
export interface NamedLoss {
  readonly description: string
  readonly loss: NamedLossFn
}

/** The CLI names of the losses. */
export const lossNames = ['mss', 'mrstft', 'mel', 'loudness', 'l1', 'l2', 'sisdr', 'match'] as const

/** A loss name. */
export type LossName = (typeof lossNames)[number]

/**
 * Whether `s` names a registered loss.
 * @param s candidate name
 * @example isLossName('mss') // true
 */
export const isLossName = (s: string): s is LossName => (lossNames as readonly string[]).includes(s)

/**
 * The losses by name.
 * @example lossRegistry.mrstft.loss(pred, target, 44100)
 */
export const lossRegistry: Readonly<Record<LossName, NamedLoss>> = {
  mss: {
    description: 'DDSP multi-scale spectral loss: L1 of magnitude + log magnitude, FFT 2048…64, hop n/4',
    loss: (p, t) => multiScaleSpectralLoss(p, t),
  },
  mrstft: {
    description: 'auraloss multi-resolution STFT: spectral convergence + log-magnitude L1, FFT 1024/2048/512',
    loss: (p, t) => multiResolutionStftLoss(p, t),
  },
  mel: {
    description: 'L1 between log-mel spectrograms (128 Slaney bands, FFT 2048, hop 512)',
    loss: (p, t, sampleRate) => melSpectralLoss(p, t, { sampleRate }),
  },
  loudness: {
    description: 'L1 between A-weighted loudness curves (dB, DDSP compute_loudness)',
    loss: (p, t, sampleRate) => loudnessLoss(p, t, { sampleRate }),
  },
  l1: { description: 'mean absolute sample difference', loss: (p, t) => l1Loss(p, t) },
  l2: { description: 'mean squared sample difference', loss: (p, t) => l2Loss(p, t) },
  sisdr: { description: '−SI-SDR in dB (scale-invariant; auraloss eps 1e-8, zero-mean)', loss: (p, t) => siSdrLoss(p, t) },
  match: {
    description: 'sound matching: mss (2048…256, magnitude 0.2) + 4·log-mel L1 (from 20 Hz, eps 1e-3) + 2·RMS-envelope L1 (dB): pitch and envelope cannot be traded away',
    loss: (p, t, sampleRate) => matchLoss(p, t, sampleRate),
  },
}
