/**
 * Renders a trained remap model: raw onset features of hits → normalised →
 * mapped voice params → one voice render per hit; and `placeHits` mixes the
 * renders into one track at the hits' onset times.
 *
 * @example
 * const ys = await renderRemap(backend, config, params, { centre, scale }, onsetRaw)()  // Either<TrainError, Float32Array[]>
 * const track = placeHits(ys.right, [0.1, 0.6], 16000, 16000)
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { evaluate } from '../core/interpret.js'
import { compile } from '../core/program-api.js'
import { input } from '../core/signal.js'
import { badOption, type TrainError } from '../train/errors.js'
import type { NamedParams } from '../train/params.js'
import type { TrainBackend } from '../train/step.js'
import { normalise, remap, type RemapConfig } from './remap.js'

/**
 * One render per hit (`hitSamples` each) and the mapped [0, 1] voice params.
 * @param backend any backend  @param c model config  @param params trained params  @param norm centre and scale of the onset features
 * @param onsetRaw raw onset features `[hits, 3]` flat
 * @example await renderRemap(wasm, config, params, { centre, scale }, Float32Array.of(-20, 80, -10))()
 */
export const renderRemap =
  (backend: TrainBackend, c: RemapConfig, params: NamedParams, norm: { centre: readonly number[]; scale: readonly number[] }, onsetRaw: Float32Array): TE.TaskEither<TrainError, { audio: Float32Array[]; params: Float32Array[] }> =>
  async () => {
    const n = onsetRaw.length / 3
    if (!(Number.isInteger(n) && n > 0)) return E.left(badOption('onset', `needs 3 features per hit, got ${onsetRaw.length} values`))
    const m = remap(c)
    const onset = normalise(input('onset', [n, 3]), norm.centre, norm.scale)
    const p = compile({ audio: m.render(onset), params: m.params(onset) })
    if (E.isLeft(p)) return E.left({ _tag: 'TrainCompileFailed', errors: p.left })
    const weights = Object.fromEntries(Object.keys(m.net.params).map((k) => [k, params[k]!]))
    if (Object.values(weights).some((w) => w === undefined)) return E.left(badOption('params', 'the checkpoint lacks a param of the remap network'))
    const out = await evaluate(backend)(p.right, { onset: onsetRaw, ...weights })
    if (E.isLeft(out)) return E.left({ _tag: 'TrainEvalFailed', step: 0, error: out.left })
    const [a, q] = [out.right['audio']!.data, out.right['params']!.data]
    const P = m.names.length
    return E.right({
      audio: Array.from({ length: n }, (_, i) => Float32Array.from(a.subarray(i * c.hitSamples, (i + 1) * c.hitSamples))),
      params: Array.from({ length: n }, (_, i) => Float32Array.from(q.subarray(i * P, (i + 1) * P))),
    })
  }

/**
 * Mixes hits into a track of `length` samples, hit i starting at ⌊onsetsS[i]·sampleRate⌉ (later hits are added on top).
 * @param hits renders  @param onsetsS start times (s)  @param sampleRate Hz  @param length track length (samples)
 * @example placeHits([Float32Array.of(1, 1)], [0.5], 4, 4) // [0, 0, 1, 1]
 */
export const placeHits = (hits: readonly Float32Array[], onsetsS: readonly number[], sampleRate: number, length: number): Float32Array => {
  const out = new Float32Array(length)
  hits.forEach((h, i) => {
    const at = Math.round(onsetsS[i]! * sampleRate)
    for (let j = 0; j < h.length && at + j < length; j++) if (at + j >= 0) out[at + j] = out[at + j]! + h[j]!
  })
  return out
}
