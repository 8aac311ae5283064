/**
 * The compiled programs of an autoencoder: the training program (synthesis
 * from the inputs `f0_hz` and `loudness_db` `[B, F, 1]`, DDSP's multi-scale
 * spectral loss against the input `audio` `[B, F·hop]`, output `loss`) and the
 * render program (output `audio`). Shapes are fixed per program, so transfer
 * builds a render program for the length of its input; params do not depend
 * on the number of frames.
 *
 * @example
 * const m = autoencoder(DEFAULT_AUTOENCODER)
 * const train = trainProgram(m, 4, 100)     // Either<TrainError, Program>: inputs f0_hz, loudness_db, audio → loss
 * const render = renderProgram(m, 1, 2000)  // Either<TrainError, Program>: f0_hz, loudness_db → audio [1, 320000]
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import type { GraphError } from '../core/errors.js'
import { compile } from '../core/program-api.js'
import type { Program } from '../core/program.js'
import { input, type Rate, type Signal } from '../core/signal.js'
import { multiScaleSpectralLoss, type SpectralLossOptions } from '../losses/spectral.js'
import type { TrainError } from '../train/errors.js'
import type { Autoencoder } from './autoencoder.js'

/** Input names of the autoencoder programs. @example FEEDS.f0 // 'f0_hz' */
export const FEEDS = { f0: 'f0_hz', loudness: 'loudness_db', audio: 'audio' } as const

const compiled = (outs: Record<string, Signal<Rate>>): E.Either<TrainError, Program> =>
  E.mapLeft((errors: NonEmptyArray<GraphError>): TrainError => ({ _tag: 'TrainCompileFailed', errors }))(compile(outs))

const controls = (batch: number, frames: number) => ({
  f0: input(FEEDS.f0, [batch, frames, 1], 'control'),
  loudness: input(FEEDS.loudness, [batch, frames, 1], 'control'),
})

/**
 * The training program: loss = multiScaleSpectralLoss(synthesize(f0, loudness), audio).
 * @param m the autoencoder  @param batch examples per step  @param frames control frames per example
 * @param loss spectral-loss options (default ddsp: FFT 2048…64, L1 of magnitude + log magnitude)
 * @example trainProgram(autoencoder(DEFAULT_AUTOENCODER), 2, 100)
 */
export const trainProgram = (m: Autoencoder, batch: number, frames: number, loss: SpectralLossOptions = {}): E.Either<TrainError, Program> => {
  const c = controls(batch, frames)
  const target = input(FEEDS.audio, [batch, frames * m.config.hop], 'audio')
  return compiled({ loss: multiScaleSpectralLoss(m.synthesize(c.f0, c.loudness), target, loss) })
}

/**
 * The render program: audio `[batch, frames·hop]` from f0 and loudness.
 * @param m the autoencoder  @param batch sounds  @param frames control frames
 * @example renderProgram(autoencoder(DEFAULT_AUTOENCODER), 1, 500)
 */
export const renderProgram = (m: Autoencoder, batch: number, frames: number): E.Either<TrainError, Program> => {
  const c = controls(batch, frames)
  return compiled({ audio: m.synthesize(c.f0, c.loudness) })
}
