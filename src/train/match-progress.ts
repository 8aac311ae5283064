/**
 * Where a sound match stands, for resuming it bit for bit: the starts whose
 * warm-up is done (each one's fit result, or the error it diverged with) and
 * the fit in progress — the warm-up of the next start or, once every start is
 * warmed up, the refinement of the best. `matchSound` hands one to
 * `MatchSnapshotHook.save` every `every` updates of each fit, and continues
 * from one given as `MatchOptions.resume`.
 *
 * @example
 * const hook: MatchSnapshotHook = { every: 10, save: async (p) => E.right(void write(p)) }
 * await matchSound({ ...o, snapshot: hook })()
 * await matchSound({ ...o, resume: lastSaved })()   // ends where the uninterrupted run ends
 */
import type * as E from 'fp-ts/lib/Either.js'
import type { TrainError } from './errors.js'
import type { FitResult } from './fit.js'
import type { FitSnapshot, SnapshotHook } from './snapshot.js'

/** A start whose warm-up is done: its fit, or the error it diverged with. @example const w: WarmedStart = { kind: 'preset', result } */
export interface WarmedStart {
  readonly kind: string
  readonly result?: FitResult
  readonly error?: TrainError
}

/** A match in progress. @example const p: MatchProgress = { warmed: [], current: snapshot } */
export interface MatchProgress {
  /** the starts warmed up so far, in order */
  readonly warmed: readonly WarmedStart[]
  /** the fit under way: the warm-up of start `warmed.length`, or the refinement once all are warmed */
  readonly current?: FitSnapshot
}

/** Periodic progress: `save` after every `every`-th update of each fit; a Left stops the match. @example const h: MatchSnapshotHook = { every: 10, save } */
export interface MatchSnapshotHook {
  readonly every: number
  readonly save: (p: MatchProgress) => Promise<E.Either<TrainError, unknown>>
}

/**
 * The fit-level hook of one fit of a match: each snapshot is saved with the starts warmed so far.
 * @param hook the match's hook (or none)  @param warmed the starts done before this fit
 * @example fitHook(o.snapshot, out) // { every, save } or undefined
 */
export const fitHook = (hook: MatchSnapshotHook | undefined, warmed: readonly WarmedStart[]): SnapshotHook | undefined =>
  hook === undefined ? undefined : { every: hook.every, save: (s) => hook.save({ warmed: [...warmed], current: s }) }

/**
 * The resume options of a fit: from the snapshot, if one is given.
 * @param s the snapshot of the fit being resumed (or none)
 * @example fitResume(progress.current) // { params, state, history } or {}
 */
export const fitResume = (s: FitSnapshot | undefined) => (s === undefined ? {} : { params: s.params, state: s.state, history: s.history })
