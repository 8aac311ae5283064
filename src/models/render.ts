/**
 * Renders a trained autoencoder from per-frame f0 and loudness on any
 * backend: builds the render program for that many frames (params do not
 * depend on the length), feeds the trained params, returns the mono audio.
 *
 * @example
 * const y = await renderAutoencoder(backend, config, params, f0Hz, loudnessDb)()   // Either<TrainError, Float32Array>
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { evaluate } from '../core/interpret.js'
import { badOption, type TrainError } from '../train/errors.js'
import type { NamedParams } from '../train/params.js'
import type { TrainBackend } from '../train/step.js'
import { autoencoder, type AutoencoderConfig } from './autoencoder.js'
import { FEEDS, renderProgram } from './programs.js'

/**
 * Audio of `f0Hz.length · hop` samples.
 * @param backend any backend  @param config the model's config  @param params trained params (names as `autoencoder(config).params`)
 * @param f0Hz f0 per frame (Hz)  @param loudnessDb loudness per frame (dB)
 * @returns a lazy task: `TrainError` (bad lengths, missing params, failed evaluation) or the samples
 * @example await renderAutoencoder(wasm, DEFAULT_AUTOENCODER, params, Float32Array.of(440, 440), Float32Array.of(-20, -20))()
 */
export const renderAutoencoder =
  (backend: TrainBackend, config: AutoencoderConfig, params: NamedParams, f0Hz: Float32Array, loudnessDb: Float32Array): TE.TaskEither<TrainError, Float32Array> =>
  async () => {
    if (f0Hz.length === 0 || f0Hz.length !== loudnessDb.length) return E.left(badOption('frames', `f0 (${f0Hz.length}) and loudness (${loudnessDb.length}) need the same, non-zero number of frames`))
    const m = autoencoder(config)
    const missing = Object.keys(m.params).find((k) => params[k] === undefined)
    if (missing !== undefined) return E.left(badOption('params', `the model's param '${missing}' is missing`))
    const p = renderProgram(m, 1, f0Hz.length)
    if (E.isLeft(p)) return p
    const weights = Object.fromEntries(Object.keys(m.params).map((k) => [k, params[k]!]))
    const out = await evaluate(backend)(p.right, { [FEEDS.f0]: f0Hz, [FEEDS.loudness]: loudnessDb, ...weights })
    return E.isLeft(out) ? E.left({ _tag: 'TrainEvalFailed', step: 0, error: out.left }) : E.right(Float32Array.from(out.right['audio']!.data))
  }
