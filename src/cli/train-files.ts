/**
 * Shared pieces of `ddsp train` and `ddsp transfer`: train and feature errors
 * as one CLI line (exit code 2), and the loss-curve figure DIR/loss.png.
 *
 * @example
 * exitWith(asCli({ _tag: 'NonFiniteLoss', step: 3, value: NaN }))
 * await writeLossPlot('out/m', losses, 'MSS LOSS')()
 */
import { join } from 'node:path'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { writePng } from '../plot/canvas.js'
import { lossCurvePng } from '../plot/png.js'
import { formatTrainError, type TrainError } from '../train/errors.js'
import { usage, type CliError } from './errors.js'

/**
 * A train, feature or I/O error as one CLI line (exit code 2).
 * @param e the error
 * @example asCli({ _tag: 'NonFiniteLoss', step: 3, value: NaN })
 */
export const asCli = (e: TrainError | { readonly _tag: 'FeatureError'; readonly message: string }): CliError =>
  usage(e._tag === 'FeatureError' ? e.message : formatTrainError(e))

/**
 * Writes DIR/loss.png: the loss per step on a log axis.
 * @param dir output folder  @param losses one per step  @param title figure title
 * @example await writeLossPlot('out/m', [3, 2, 1], 'MSS LOSS')()
 */
export const writeLossPlot = (dir: string, losses: readonly number[], title: string): TE.TaskEither<CliError, string> =>
  writePng(join(dir, 'loss.png'), lossCurvePng(losses, { title, logY: true }))
