/**
 * Bounds on the numbers of a model description (`DIR/model.json`), checked
 * before anything is allocated from them: the sample rate within the limits'
 * range, the hop at most one second, and every size (harmonics, noise bands,
 * widths, layers, reverb and hit lengths, feature vectors) below a stated
 * maximum. The schema check (`models/model-file.ts`) has already made them
 * numbers; this says whether they are sane. Refusals name the JSON path.
 *
 * @example
 * checkModelBounds({ kind: 'autoencoder', config: { ...c, harmonics: 1e9 }, … }, DEFAULT_LIMITS)
 * // Left('$.config.harmonics is 1000000000, must be an integer in [1, 1024]')
 */
import * as E from 'fp-ts/lib/Either.js'
import type { ModelFile } from './model-file.js'
import type { Limits } from '../io/limits.js'
import { checkRange, checkSampleRate, type Bound, type LimitExceeded } from '../io/ranges.js'

/** The stated maxima of a model's sizes. @example MODEL_BOUNDS.harmonics.max // 1024 */
export const MODEL_BOUNDS = {
  harmonics: { min: 1, max: 1024, integer: true },
  noiseBands: { min: 2, max: 1024, integer: true },
  hidden: { min: 1, max: 4096, integer: true },
  layers: { min: 1, max: 16, integer: true },
  rnn: { min: 1, max: 4096, integer: true },
  remapHidden: { min: 0, max: 4096, integer: true },
  features: { min: 1, max: 256, integer: true },
  pitchMean: { min: 0, max: 140 },
  loudness: { min: -200, max: 200 },
} as const satisfies Record<string, Bound>

const all = (checks: readonly (() => E.Either<LimitExceeded, unknown>)[]): E.Either<LimitExceeded, void> => {
  for (const c of checks) {
    const r = c()
    if (E.isLeft(r)) return r
  }
  return E.right(undefined)
}

/**
 * Checks every number of a model description against its bound.
 * @param m a schema-checked model description  @param limits sample-rate range
 * @returns the same description, or the first number out of bounds (by JSON path)
 * @example checkModelBounds(model, DEFAULT_LIMITS)
 */
export const checkModelBounds = (m: ModelFile, limits: Limits): E.Either<LimitExceeded, ModelFile> => {
  const B = MODEL_BOUNDS
  if (m.kind === 'autoencoder') {
    const c = m.config
    const sr = c.sampleRate
    return E.map(() => m)(all([
      () => checkSampleRate('$.config.sampleRate', sr, limits),
      () => checkRange('$.config.hop', c.hop, { min: 1, max: sr, integer: true }),
      () => checkRange('$.config.harmonics', c.harmonics, B.harmonics),
      () => checkRange('$.config.noiseBands', c.noiseBands, B.noiseBands),
      () => checkRange('$.config.hidden', c.hidden, B.hidden),
      () => checkRange('$.config.layers', c.layers, B.layers),
      () => checkRange('$.config.rnn', c.rnn, B.rnn),
      () => checkRange('$.config.reverbLength', c.reverbLength, { min: 1, max: 10 * sr, integer: true }),
      () => checkRange('$.pitchMean', m.pitchMean, B.pitchMean),
      () => checkRange('$.loudnessMean', m.loudnessMean, B.loudness),
      () => checkRange('$.loudnessMax', m.loudnessMax, B.loudness),
    ]))
  }
  const sr = m.sampleRate
  return E.map(() => m)(all([
    () => checkSampleRate('$.sampleRate', sr, limits),
    () => checkRange('$.hitSamples', m.hitSamples, { min: 1, max: 10 * sr, integer: true }),
    () => checkRange('$.onsetSamples', m.onsetSamples, { min: 1, max: m.hitSamples, integer: true }),
    () => checkRange('$.hidden', m.hidden, B.remapHidden),
    () => checkRange('$.centre.length', m.centre.length, B.features),
    () => checkRange('$.scale.length', m.scale.length, { min: m.centre.length, max: m.centre.length, integer: true }),
  ]))
}
