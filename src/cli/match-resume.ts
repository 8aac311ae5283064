/**
 * `ddsp match --resume DIR` and `--checkpoint-every N`: the match's progress
 * (`train/match-progress.ts`) saved to DIR/resume.json every N updates of
 * each fit, and read back from it, with the number of updates already done
 * (for the progress bar).
 *
 * @example
 * const r = matchResume(start, 15, 10)   // Either<CliError, MatchResume & { last }>
 * await matchCommand(backend, start.input, flags, bar, r.right)()
 */
import * as E from 'fp-ts/lib/Either.js'
import type { MatchProgress } from '../train/match-progress.js'
import { decodeProgress, encodeProgress } from '../train/snapshot-codec.js'
import { formatTrainError } from '../train/errors.js'
import { usage, type CliError } from './errors.js'
import type { MatchResume } from './match.js'
import { resumeSaver } from './resume-file.js'
import type { RunStart } from './resume-run.js'

/** Updates a progress stands for: the warmed starts' warm-ups, then the fit under way (a warm-up reaches at most `warmup`; the refinement continues from it). */
const updatesDone = (p: MatchProgress, warmup: number): number => {
  const s = p.current?.state.step ?? 0
  return p.warmed.length * warmup + (s > warmup ? s - warmup : s)
}

/**
 * The resume options of a match run: the saved progress (when resuming) and the hook writing DIR/resume.json.
 * @param start the run's start (`resume-run.ts`)  @param warmup updates per start  @param every checkpoint period (0: never)
 * @returns the options for `matchCommand`, and `last()`: the step of the last checkpoint written
 * @example matchResume(start, 15, 10)
 */
export const matchResume = (start: RunStart, warmup: number, every: number): E.Either<CliError, MatchResume & { readonly last: () => number | undefined }> => {
  const from = start.progress === undefined ? undefined : decodeProgress(start.progress, '$.progress', 'adam')
  if (from !== undefined && E.isLeft(from)) return E.left(usage(formatTrainError(from.left)))
  const save = resumeSaver(start.flags['out']!, start.head)
  const snapshot = { every, save: (p: MatchProgress) => save(updatesDone(p, warmup), encodeProgress(p)) }
  return E.right({ snapshot, last: save.last, ...(from === undefined ? {} : { from: from.right, done: updatesDone(from.right, warmup) }) })
}
