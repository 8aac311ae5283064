/**
 * The fit loop: compile `valueAndGrad` once, then repeat { evaluate loss and
 * gradients on the backend, apply the optimizer, report `{ step, loss }` }
 * until `steps` updates have been applied or the loss has not improved by
 * more than `minDelta` for `patience` steps. The loop is deterministic: the
 * same program, feeds, params and spec give the same result (graph noise is
 * seeded), and resuming from a saved state continues bit for bit.
 *
 * @example
 * const r = await fit({ backend, program, params: { gain: Float32Array.of(0) },
 *   optimizer: { kind: 'adam', schedule: { kind: 'constant', lr: 0.01 } }, steps: 100,
 *   onStep: ({ step, loss }) => bar.update(step, { loss }) })()
 * // Right({ params, state, losses, bestLoss, bestParams, finalLoss, stoppedEarly })
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { Feeds } from '../core/interpret.js'
import type { Program } from '../core/program.js'
import { badOption, type TrainError } from './errors.js'
import { initOptimizer, optimizerProblem, optimizerStep, type OptimizerSpec, type OptimizerState } from './optimizer.js'
import { cloneParams, type NamedParams, type ParamArray } from './params.js'
import { snapshotDue, type FitHistory, type SnapshotHook } from './snapshot.js'
import { compileTrainStep, runTrainStep, type TrainBackend, type TrainStep } from './step.js'

/** What `onStep` receives after each update. @example onStep: ({ step, loss }: StepReport) => bar.update(step, { loss }) */
export interface StepReport {
  /** updates applied so far (1 after the first) */
  readonly step: number
  /** loss at the params before this update */
  readonly loss: number
  readonly lr: number
  /** global gradient norm before clipping */
  readonly gradNorm: number
}

/** Stop when the loss has not dropped below best − minDelta for `patience` steps. @example const s: EarlyStop = { patience: 20, minDelta: 1e-6 } */
export interface EarlyStop {
  readonly patience: number
  readonly minDelta?: number
}

/** Options of `fit`. @example const o: FitOptions = { backend, program, params, optimizer, steps: 100 } */
export interface FitOptions {
  readonly backend: TrainBackend
  /** forward program with a scalar output (default name `'loss'`) */
  readonly program: Program
  readonly loss?: string
  /** values of the program's inputs and of params that stay frozen, or per step (minibatches: `(step) => feeds`) */
  readonly inputs?: Feeds | ((step: number) => Feeds)
  /** initial values of the trained params */
  readonly params: NamedParams
  readonly optimizer: OptimizerSpec
  /** total updates to reach (a resumed run continues from `state.step`) */
  readonly steps: number
  /** optimizer state to resume from (default: fresh) */
  readonly state?: OptimizerState
  /** with `state`: the bookkeeping of the run being resumed (a `FitSnapshot`'s), so losses, best params and early stopping continue exactly */
  readonly history?: FitHistory
  /** periodic snapshots for resuming (see `snapshot.ts`) */
  readonly snapshot?: SnapshotHook
  readonly earlyStop?: EarlyStop
  readonly onStep?: (r: StepReport) => void
}

/** The outcome of `fit`. @example const { params, losses, finalLoss } = result // FitResult */
export interface FitResult {
  /** params after the last update */
  readonly params: Record<string, ParamArray>
  readonly state: OptimizerState
  /** loss before each update of this run (after `history.losses` when resumed with a history) */
  readonly losses: readonly number[]
  /** loss at the final params */
  readonly finalLoss: number
  /** lowest loss seen (the final params included) and where */
  readonly bestLoss: number
  readonly bestParams: Record<string, ParamArray>
  readonly stoppedEarly: boolean
}

const validate = (o: FitOptions): TrainError | undefined => {
  if (!Number.isInteger(o.steps) || o.steps < 0) return badOption('steps', `must be a non-negative integer, got ${o.steps}`)
  const bad = optimizerProblem(o.optimizer)
  if (bad !== undefined) return badOption('optimizer', bad)
  if (o.state !== undefined && o.state.kind !== o.optimizer.kind) return badOption('state', `is ${o.state.kind} state but the optimizer is ${o.optimizer.kind}`)
  if (o.earlyStop !== undefined && !(Number.isInteger(o.earlyStop.patience) && o.earlyStop.patience > 0)) return badOption('earlyStop.patience', 'must be a positive integer')
  if (o.history !== undefined && o.state === undefined) return badOption('history', 'needs the optimizer state it was saved with')
  if (o.snapshot !== undefined && !(Number.isInteger(o.snapshot.every) && o.snapshot.every >= 0)) return badOption('snapshot.every', 'must be a non-negative integer')
  return undefined
}

/** Mutable bookkeeping of one run (local to `loop`). */
interface Progress {
  params: Record<string, ParamArray>
  state: OptimizerState
  losses: number[]
  best: { loss: number; params: Record<string, ParamArray> }
  /** last step whose loss beat the reference by more than minDelta (early stopping) */
  improved: { loss: number; step: number }
}

const record = (p: Progress, loss: number, at: number, minDelta: number): void => {
  if (loss < p.best.loss) p.best = { loss, params: p.params }
  if (loss < p.improved.loss - minDelta) p.improved = { loss, step: at }
}

/** The inputs of step `s` (fixed feeds, or the minibatch of that step). */
const feedsAt = (o: FitOptions, s: number): Feeds | undefined => (typeof o.inputs === 'function' ? o.inputs(s) : o.inputs)

const loop = async (o: FitOptions, ts: TrainStep): Promise<E.Either<TrainError, FitResult>> => {
  const update = optimizerStep(o.optimizer)
  const minDelta = o.earlyStop?.minDelta ?? 0
  const start = o.state ?? initOptimizer(o.optimizer, o.params)
  const h = o.history
  const p: Progress = h
    ? { params: cloneParams(o.params), state: start, losses: [...h.losses], best: { loss: h.best.loss, params: { ...h.best.params } }, improved: { ...h.improved } }
    : { params: cloneParams(o.params), state: start, losses: [], best: { loss: Infinity, params: {} }, improved: { loss: Infinity, step: start.step } }
  let stoppedEarly = false
  for (let s = start.step; s < o.steps; s++) {
    const r = await runTrainStep(o.backend, ts, { ...feedsAt(o, s), ...p.params }, s)
    if (E.isLeft(r)) return r
    record(p, r.right.loss, s, minDelta)
    if (o.earlyStop !== undefined && s - p.improved.step >= o.earlyStop.patience) {
      stoppedEarly = true
      break
    }
    const u = update(p.state, p.params, r.right.grads)
    p.losses.push(r.right.loss)
    p.params = u.params
    p.state = u.state
    o.onStep?.({ step: u.state.step, loss: r.right.loss, lr: u.lr, gradNorm: u.gradNorm })
    if (snapshotDue(o.snapshot, u.state.step)) {
      const saved = await o.snapshot.save({ params: p.params, state: p.state, history: { losses: [...p.losses], best: p.best, improved: p.improved } })
      if (E.isLeft(saved)) return saved
    }
  }
  const last = await runTrainStep(o.backend, ts, { ...feedsAt(o, p.state.step), ...p.params }, p.state.step)
  if (E.isLeft(last)) return last
  record(p, last.right.loss, p.state.step, minDelta)
  return E.right({ params: p.params, state: p.state, losses: p.losses, finalLoss: last.right.loss, bestLoss: p.best.loss, bestParams: p.best.params, stoppedEarly })
}

/**
 * Trains `params` to minimise the program's scalar loss.
 * @param o backend, program, loss name, inputs, initial params, optimizer, steps, resume state, early stop, callback
 * @returns a lazy task: `TrainError` (bad option, compile failure, non-finite loss naming its step) or the `FitResult`
 * @example await fit({ backend, program, params, optimizer, steps: 200, earlyStop: { patience: 20, minDelta: 1e-6 } })()
 */
export const fit =
  (o: FitOptions): TE.TaskEither<TrainError, FitResult> =>
  async () => {
    const bad = validate(o)
    if (bad !== undefined) return E.left(bad)
    const ts = compileTrainStep(o.program, o.loss ?? 'loss', Object.keys(o.params))
    return E.isLeft(ts) ? ts : loop(o, ts.right)
  }
