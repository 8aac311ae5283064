/**
 * Snapshots of a fit in progress, for resuming it bit for bit: besides the
 * params and the optimizer state, the bookkeeping `fit` keeps (the losses so
 * far, the best loss and its params, the last improvement for early
 * stopping). `fit` hands one to `SnapshotHook.save` every `every` updates;
 * given back as `FitOptions.history` (with `params` and `state`), the run
 * continues as if it had never stopped.
 *
 * @example
 * const hook: SnapshotHook = { every: 10, save: async (s) => E.right(void saved.push(s)) }
 * await fit({ ...o, snapshot: hook })()
 * await fit({ ...o, params: s.params, state: s.state, history: s.history })()   // continues from s
 */
import type * as E from 'fp-ts/lib/Either.js'
import type { TrainError } from './errors.js'
import type { OptimizerState } from './optimizer.js'
import type { ParamArray } from './params.js'

/** What `fit` has seen so far besides params and state. @example const h: FitHistory = { losses: [3, 2], best: { loss: 2, params }, improved: { loss: 2, step: 1 } } */
export interface FitHistory {
  /** loss before each update so far */
  readonly losses: readonly number[]
  /** lowest loss seen and the params it was seen at (Infinity and {} before any) */
  readonly best: { readonly loss: number; readonly params: Readonly<Record<string, ParamArray>> }
  /** the last step whose loss beat the reference by more than minDelta (early stopping) */
  readonly improved: { readonly loss: number; readonly step: number }
}

/** A fit after `state.step` updates. @example const s: FitSnapshot = { params, state, history } */
export interface FitSnapshot {
  readonly params: Readonly<Record<string, ParamArray>>
  readonly state: OptimizerState
  readonly history: FitHistory
}

/** Periodic snapshots: `save` runs after every `every`-th update (step % every === 0); a Left stops the fit with that error. @example const h: SnapshotHook = { every: 25, save } */
export interface SnapshotHook {
  readonly every: number
  readonly save: (s: FitSnapshot) => Promise<E.Either<TrainError, unknown>>
}

/**
 * Whether a snapshot is due after the update that reached `step`.
 * @param hook the hook (or none)  @param step updates applied
 * @example snapshotDue({ every: 5, save }, 10) // true
 */
export const snapshotDue = (hook: SnapshotHook | undefined, step: number): hook is SnapshotHook => hook !== undefined && hook.every > 0 && step % hook.every === 0
