/**
 * Trains an autoencoder on a dataset with `fit`: each step takes a minibatch
 * of examples in a seeded shuffled order (a fresh permutation per epoch), so
 * a run is deterministic for its seed and resumes bit for bit. Optimiser as
 * ddsp's `base.gin` (Adam, global-norm clip 3) with a larger learning rate
 * (default 1e-3) for short CPU runs.
 *
 * @example
 * const r = await trainAutoencoder({ backend, dataset, config: DEFAULT_AUTOENCODER, steps: 300, batch: 2, seed: 1 })()
 * // Right({ program, params, fit: { losses, finalLoss, … }, optimizer })
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { Feeds } from '../core/interpret.js'
import type { Program } from '../core/program.js'
import { uniformAt } from '../core/random.js'
import { streamSeed } from '../nn/init.js'
import { badOption, type TrainError } from '../train/errors.js'
import { fit, type FitResult, type StepReport } from '../train/fit.js'
import type { OptimizerSpec, OptimizerState } from '../train/optimizer.js'
import type { NamedParams } from '../train/params.js'
import type { FitHistory, SnapshotHook } from '../train/snapshot.js'
import type { TrainBackend } from '../train/step.js'
import { autoencoder, configProblem, type AutoencoderConfig } from './autoencoder.js'
import type { Example } from './dataset.js'
import { FEEDS, trainProgram } from './programs.js'

/** Options of `trainAutoencoder`. @example const o: TrainAutoencoderOptions = { backend, examples, config, steps: 300, batch: 2, seed: 1 } */
export interface TrainAutoencoderOptions {
  readonly backend: TrainBackend
  readonly examples: readonly Example[]
  readonly config: AutoencoderConfig
  /** total updates */
  readonly steps: number
  /** examples per step (at most the number of examples) */
  readonly batch: number
  /** seed of the init and the example order */
  readonly seed: number
  /** default Adam, lr 1e-3, clip 3 */
  readonly optimizer?: OptimizerSpec
  /** resume from these params and state (a checkpoint), and the fit's bookkeeping (a snapshot) */
  readonly resume?: { readonly params: NamedParams; readonly state: OptimizerState; readonly history?: FitHistory }
  /** periodic snapshots for resuming (see `train/snapshot.ts`) */
  readonly snapshot?: SnapshotHook
  readonly onStep?: (r: StepReport) => void
}

/** The outcome: the training program, the fit result and the optimiser used. @example const { program, fit } = result */
export interface TrainedAutoencoder {
  readonly program: Program
  readonly optimizer: OptimizerSpec
  readonly fit: FitResult
}

/** DDSP's optimiser (base.gin: Adam, clip 3) at lr 1e-3. @example AUTOENCODER_OPTIMIZER.clipNorm // 3 */
export const AUTOENCODER_OPTIMIZER: OptimizerSpec = { kind: 'adam', schedule: { kind: 'constant', lr: 1e-3 }, clipNorm: 3 }

/**
 * Example indices of step `s`: epoch e = ⌊s·batch/n⌋ uses a seeded Fisher–Yates permutation of the examples.
 * @param n examples  @param batch per step  @param seed order seed  @param s step
 * @example batchIndices(10, 2, 1, 0) // two distinct indices in [0, 10)
 */
export const batchIndices = (n: number, batch: number, seed: number, s: number): number[] => {
  const perms = new Map<number, number[]>() // each epoch the batch touches is permuted once, not once per index
  const perm = (epoch: number) => perms.get(epoch) ?? perms.set(epoch, permutation(n, seed, epoch)).get(epoch)!
  return Array.from({ length: batch }, (_, j) => {
    const k = s * batch + j
    return perm(Math.floor(k / n))[k % n]!
  })
}

const permutation = (n: number, seed: number, epoch: number): number[] => {
  const p = Array.from({ length: n }, (_, i) => i)
  const st = streamSeed(seed, `order/${epoch}`)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(((uniformAt(st, i) + 1) / 2) * (i + 1)))
    ;[p[i], p[j]] = [p[j]!, p[i]!]
  }
  return p
}

/**
 * The feeds of a minibatch: f0, loudness `[B, F, 1]` and audio `[B, N]`, flat.
 * @param examples the dataset  @param indices example indices
 * @example batchFeeds(examples, [3, 0]) // { f0_hz, loudness_db, audio }
 */
export const batchFeeds = (examples: readonly Example[], indices: readonly number[]): Feeds => {
  const cat = (k: keyof Example) => {
    const parts = indices.map((i) => examples[i]![k])
    const out = new Float32Array(parts.reduce((a, p) => a + p.length, 0))
    parts.reduce((at, p) => (out.set(p, at), at + p.length), 0)
    return out
  }
  return { [FEEDS.f0]: cat('f0Hz'), [FEEDS.loudness]: cat('loudnessDb'), [FEEDS.audio]: cat('audio') }
}

const problem = (o: TrainAutoencoderOptions): TrainError | undefined => {
  const c = configProblem(o.config)
  if (c !== undefined) return badOption('config', c)
  if (o.examples.length === 0) return badOption('examples', 'the dataset holds no example')
  if (!(Number.isInteger(o.batch) && o.batch > 0 && o.batch <= o.examples.length)) return badOption('batch', `must be an integer in [1, ${o.examples.length}] (the examples), got ${o.batch}`)
  const n = o.examples[0]!.audio.length
  if (n % o.config.hop !== 0 || o.examples.some((e) => e.audio.length !== n || e.f0Hz.length !== n / o.config.hop)) return badOption('examples', `all examples must hold ${n} samples and ${n / o.config.hop} frames`)
  return undefined
}

/**
 * Trains an autoencoder from seeded init (or a resumed checkpoint).
 * @param o backend, examples, config, steps, batch, seed, optimizer, resume, onStep
 * @returns a lazy task: `TrainError` or the program, optimiser and fit result
 * @example await trainAutoencoder({ backend, examples, config, steps: 100, batch: 2, seed: 7 })()
 */
export const trainAutoencoder = (o: TrainAutoencoderOptions): TE.TaskEither<TrainError, TrainedAutoencoder> => async () => {
  const bad = problem(o)
  if (bad !== undefined) return E.left(bad)
  const m = autoencoder(o.config)
  const frames = o.examples[0]!.f0Hz.length
  const program = trainProgram(m, o.batch, frames)
  if (E.isLeft(program)) return program
  const optimizer = o.optimizer ?? AUTOENCODER_OPTIMIZER
  const inputs = (s: number) => batchFeeds(o.examples, batchIndices(o.examples.length, o.batch, o.seed, s))
  const r = await fit({
    backend: o.backend, program: program.right, inputs, optimizer, steps: o.steps,
    params: o.resume?.params ?? m.init(o.seed), ...(o.resume ? { state: o.resume.state } : {}), ...(o.resume?.history ? { history: o.resume.history } : {}),
    ...(o.snapshot ? { snapshot: o.snapshot } : {}), ...(o.onStep ? { onStep: o.onStep } : {}),
  })()
  return E.map((f: FitResult) => ({ program: program.right, optimizer, fit: f }))(r)
}
