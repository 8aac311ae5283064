/**
 * Training a timbre-remap model (timbreremap `data.py` + `tasks.py`): the
 * recordings are cut into hits at their onsets (each `hitSamples` long, cut
 * at the next onset and zero-padded), the reference hit is the median of the
 * loudness-sorted hits, the onset features are normalised by centring on the
 * reference hit and dividing by each feature's range over the hits, and the
 * mapping is fitted by minibatches with the feature-difference loss.
 *
 * @example
 * const h = await prepareHits(recordings, config, backend)()    // Either<TrainError, Hits>
 * const r = await trainRemap({ backend, config, hits: h.right, steps: 200, batch: 8, seed: 1 })()
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { AnyBackend } from '../core/backend.js'
import type { GraphError } from '../core/errors.js'
import { extent } from '../host/stats.js'
import { evaluate } from '../core/interpret.js'
import { compile } from '../core/program-api.js'
import type { Program } from '../core/program.js'
import { input } from '../core/signal.js'
import { extractFeatures } from '../features/extract.js'
import { featureLoss } from '../losses/feature.js'
import { badOption, type TrainError } from '../train/errors.js'
import { fit, type FitResult, type StepReport } from '../train/fit.js'
import type { OptimizerSpec, OptimizerState } from '../train/optimizer.js'
import type { NamedParams } from '../train/params.js'
import type { FitHistory, SnapshotHook } from '../train/snapshot.js'
import type { TrainBackend } from '../train/step.js'
import type { Recording } from './dataset.js'
import { normalise, onsetFeatures, remap, remapLossFeatures, type RemapConfig } from './remap.js'
import { batchIndices } from './train-autoencoder.js'

/** Hits cut from recordings, their raw onset features and the normalisation. @example h.audio.length === h.onset.length / 3 */
export interface Hits {
  /** one `hitSamples` array per hit */
  readonly audio: readonly Float32Array[]
  /** raw onset features, `[hits, 3]` flat */
  readonly onset: Float32Array
  /** index of the reference hit */
  readonly reference: number
  readonly centre: readonly number[]
  readonly scale: readonly number[]
}

/**
 * Hits of one recording: `hitSamples` from each onset, cut at the next onset, zero-padded.
 * @param samples mono audio  @param sampleRate Hz  @param onsetsS onset times (s)  @param hitSamples length of each hit
 * @example cutHits(x, 16000, [0.1, 0.6], 8000) // two Float32Array(8000)
 */
export const cutHits = (samples: Float32Array, sampleRate: number, onsetsS: readonly number[], hitSamples: number): Float32Array[] =>
  onsetsS.map((t, i) => {
    const a = Math.max(0, Math.round(t * sampleRate))
    const next = i + 1 < onsetsS.length ? Math.round(onsetsS[i + 1]! * sampleRate) : samples.length
    const hit = new Float32Array(hitSamples)
    hit.set(samples.subarray(a, Math.min(a + hitSamples, next, samples.length)))
    return hit
  })

/** Shortest time between two hits (s); later onsets are re-triggers of the same hit (timbreremap waits 10 000 samples at 48 kHz). */
export const MIN_GAP_S = 0.1

/**
 * Keeps onsets at least `gap` seconds after the previously kept one.
 * @param onsetsS increasing times (s)  @param gap seconds
 * @example debounce([0, 0.05, 0.3], 0.1) // [0, 0.3]
 */
export const debounce = (onsetsS: readonly number[], gap: number): number[] =>
  onsetsS.reduce<number[]>((kept, t) => (kept.length === 0 || t - kept.at(-1)! >= gap ? [...kept, t] : kept), [])

const rmsOf = (x: Float32Array, a: number, b: number): number => {
  let e = 0
  for (let i = Math.max(0, a); i < Math.min(b, x.length); i++) e += x[i]! * x[i]!
  return Math.sqrt(e / Math.max(1, b - a))
}

/**
 * The onsets that are attacks: the RMS of the `window` samples after the onset is at least twice (+6 dB) that of
 * the `window` samples ending one window before it (onset times may fall a few ms into the attack) (flux peaks inside a decaying hit are not new hits), then debounced by `MIN_GAP_S`.
 * @param samples mono audio  @param sampleRate Hz  @param onsetsS detected onsets (s)  @param window samples
 * @example hitOnsets(x, 16000, report.onsets_s, 256)
 */
export const hitOnsets = (samples: Float32Array, sampleRate: number, onsetsS: readonly number[], window: number): number[] =>
  debounce(
    onsetsS.filter((t) => {
      const at = Math.round(t * sampleRate)
      return rmsOf(samples, at, at + window) >= 2 * rmsOf(samples, at - 2 * window, at - window) + 1e-6
    }),
    MIN_GAP_S,
  )

/**
 * Raw onset features of every hit (its first `onsetSamples`), evaluated in one program.
 * @param backend any backend  @param hits hit audio  @param c the model config
 * @returns `[hits, 3]` flat, or a TrainError
 * @example await rawOnsets(wasm, hits, config)
 */
export const rawOnsets = async (backend: TrainBackend, hits: readonly Float32Array[], c: RemapConfig): Promise<E.Either<TrainError, Float32Array>> => {
  const x = input('hits', [hits.length, c.onsetSamples], 'audio')
  const p = compile({ f: onsetFeatures(x, c.sampleRate) })
  if (E.isLeft(p)) return E.left({ _tag: 'TrainCompileFailed', errors: p.left })
  const flat = new Float32Array(hits.length * c.onsetSamples)
  hits.forEach((h, i) => flat.set(h.subarray(0, c.onsetSamples), i * c.onsetSamples))
  const out = await evaluate(backend)(p.right, { hits: flat })
  return E.isLeft(out) ? E.left({ _tag: 'TrainEvalFailed', step: 0, error: out.left }) : E.right(Float32Array.from(out.right['f']!.data))
}

/**
 * Detects the hits of every recording and computes their normalised onset features.
 * @param recordings mono recordings at `c.sampleRate`  @param c the model config  @param backend any backend
 * @returns a task of Either: TrainError (no hits, wrong rate, failed evaluation) or the hits
 * @example await prepareHits([rec], config, wasm)()
 */
export const prepareHits = (recordings: readonly Recording[], c: RemapConfig, backend: AnyBackend): TE.TaskEither<TrainError, Hits> => async () => {
  const audio: Float32Array[] = []
  for (const r of recordings) {
    if (r.sampleRate !== c.sampleRate) return E.left(badOption('recordings', `all recordings must be at ${c.sampleRate} Hz, got ${r.sampleRate}`))
    const f = await extractFeatures(r.samples, r.sampleRate, { backend })()
    if (E.isLeft(f)) return E.left(badOption('recordings', f.left.message))
    audio.push(...cutHits(r.samples, r.sampleRate, hitOnsets(r.samples, r.sampleRate, f.right.onsets_s, c.onsetSamples), c.hitSamples))
  }
  if (audio.length < 2) return E.left(badOption('recordings', `found ${audio.length} onset(s); remapping needs at least 2 hits`))
  const onset = await rawOnsets(backend, audio, c)
  if (E.isLeft(onset)) return onset
  const col = (j: number) => audio.map((_, i) => onset.right[3 * i + j]!)
  const byLoudness = audio.map((_, i) => i).sort((a, b) => onset.right[3 * b]! - onset.right[3 * a]!)
  const reference = byLoudness[Math.floor(byLoudness.length / 2)]!
  const centre = [0, 1, 2].map((j) => onset.right[3 * reference + j]!)
  const scale = [0, 1, 2].map((j) => {
    const [lo, hi] = extent(col(j))
    return hi - lo || 1
  })
  return E.right({ audio, onset: onset.right, reference, centre, scale })
}

/** Options of `trainRemap`. @example const o: TrainRemapOptions = { backend, config, hits, steps: 200, batch: 8, seed: 1 } */
export interface TrainRemapOptions {
  readonly backend: TrainBackend
  readonly config: RemapConfig
  readonly hits: Hits
  readonly steps: number
  readonly batch: number
  readonly seed: number
  /** default Adam lr 5e-3 (timbreremap's linear model) */
  readonly optimizer?: OptimizerSpec
  /** resume from these params and state, and the fit's bookkeeping (a snapshot) */
  readonly resume?: { readonly params: NamedParams; readonly state: OptimizerState; readonly history?: FitHistory }
  /** periodic snapshots for resuming (see `train/snapshot.ts`) */
  readonly snapshot?: SnapshotHook
  readonly onStep?: (r: StepReport) => void
}

/**
 * The training program: feature-difference loss of the remapped voice against the hits (inputs `onset` `[B, 3]`,
 * `target` `[B, N]`, `reference` `[1, N]`).
 * @param c model config  @param batch hits per step  @param h the hits (normalisation)
 * @example remapProgram(config, 8, hits)
 */
export const remapProgram = (c: RemapConfig, batch: number, h: Hits): E.Either<TrainError, Program> => {
  const m = remap(c)
  const onset = normalise(input('onset', [batch, 3]), h.centre, h.scale)
  const loss = featureLoss((x) => remapLossFeatures(x, c.sampleRate), {
    norm: 'l1',
    predReference: m.presetAudio(),
    targetReference: input('reference', [1, c.hitSamples], 'audio'),
  })(m.render(onset), input('target', [batch, c.hitSamples], 'audio'))
  return E.mapLeft((errors: NonEmptyArray<GraphError>): TrainError => ({ _tag: 'TrainCompileFailed', errors }))(compile({ loss }))
}

/**
 * Fits the mapping by minibatches (seeded order, as `trainAutoencoder`).
 * @param o backend, config, hits, steps, batch, seed, optimizer, resume, snapshot, onStep
 * @example await trainRemap({ backend, config, hits, steps: 100, batch: 4, seed: 0 })()
 */
export const trainRemap = (o: TrainRemapOptions): TE.TaskEither<TrainError, { program: Program; optimizer: OptimizerSpec; fit: FitResult }> => async () => {
  const n = o.hits.audio.length
  if (!(Number.isInteger(o.batch) && o.batch >= 1 && o.batch <= n)) return E.left(badOption('batch', `must be an integer in [1, ${n}] (the hits), got ${o.batch}`))
  const program = remapProgram(o.config, o.batch, o.hits)
  if (E.isLeft(program)) return program
  const optimizer = o.optimizer ?? { kind: 'adam', schedule: { kind: 'constant', lr: 5e-3 } }
  const N = o.config.hitSamples
  const inputs = (s: number) => {
    const idx = batchIndices(n, o.batch, o.seed, s)
    const target = new Float32Array(o.batch * N)
    idx.forEach((i, j) => target.set(o.hits.audio[i]!, j * N))
    return { onset: Float32Array.from(idx.flatMap((i) => Array.from(o.hits.onset.subarray(3 * i, 3 * i + 3)))), target, reference: o.hits.audio[o.hits.reference]! }
  }
  const r = await fit({
    backend: o.backend, program: program.right, inputs, params: o.resume?.params ?? remap(o.config).init(o.seed), optimizer, steps: o.steps,
    ...(o.resume ? { state: o.resume.state } : {}), ...(o.resume?.history ? { history: o.resume.history } : {}),
    ...(o.snapshot ? { snapshot: o.snapshot } : {}), ...(o.onStep ? { onStep: o.onStep } : {}),
  })()
  return E.map((f: FitResult) => ({ program: program.right, optimizer, fit: f }))(r)
}
