/**
 * Shared pieces of `ddsp train` and `ddsp transfer`: train and feature errors
 * as one CLI line (exit code 2), and the files of a training run —
 * DIR/checkpoint.json with DIR/checkpoint.bin and DIR/graph.bin (the compact
 * checkpoint: manifest, binary weights, packed graph), DIR/model.json,
 * DIR/resynth.wav and the loss-curve figure DIR/loss.png.
 *
 * @example
 * exitWith(asCli({ _tag: 'NonFiniteLoss', step: 3, value: NaN }))
 * await writeRun('out/m', { checkpoint, model, resynth, sampleRate: 16000, lossTitle: 'MSS LOSS' })()
 */
import { join } from 'node:path'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { writeFolderAtomic } from '../io/run-folder.js'
import { writeWav } from '../io/wav.js'
import { saveModelFile, type ModelFile } from '../models/model-file.js'
import { writePng } from '../plot/canvas.js'
import { lossCurvePng } from '../plot/png.js'
import { saveCheckpoint, type Checkpoint } from '../train/checkpoint.js'
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
 * Writes DIR/loss.png: the loss per step on a log axis (also `ddsp match`'s loss.png).
 * @example await writeLossPlot('out/m', [3, 2, 1], 'MSS LOSS')()
 */
export const writeLossPlot = (dir: string, losses: readonly number[], title: string): TE.TaskEither<CliError, string> =>
  writePng(join(dir, 'loss.png'), lossCurvePng(losses, { title, logY: true }))

/** What a training run leaves in its folder. @example const f: RunFiles = { checkpoint, model, resynth, sampleRate: 16000, lossTitle: 'MSS LOSS' } */
export interface RunFiles {
  readonly checkpoint: Checkpoint
  readonly model: ModelFile
  /** the first example (or hit) resynthesised by the trained model */
  readonly resynth: TE.TaskEither<TrainError, Float32Array>
  /** sample rate of the resynthesis, Hz */
  readonly sampleRate: number
  /** title of the loss curve (drawn from `checkpoint.losses`) */
  readonly lossTitle: string
}

/** The files of a run folder, in the order they are written (then manifest.json). @example RUN_FILES[0] // 'checkpoint.json' */
export const RUN_FILES = ['checkpoint.json', 'checkpoint.bin', 'graph.bin', 'model.json', 'resynth.wav', 'loss.png'] as const

/**
 * Writes DIR/checkpoint.json (+ .bin, graph.bin), DIR/model.json, DIR/resynth.wav, DIR/loss.png and DIR/manifest.json (their SHA-256s)
 * as one set: into a temporary folder renamed into place (`io/run-folder.ts`), so a reader never sees a new
 * checkpoint beside an old model.
 * @param dir output folder (created; an existing one must hold only a run's files)  @param f checkpoint, model description, resynthesis, its sample rate, loss title
 * @returns the paths written, or the first failure as a CLI line
 * @example await writeRun('out/m', { checkpoint, model, resynth, sampleRate: 16000, lossTitle: 'MSS LOSS' })()
 */
export const writeRun = (dir: string, f: RunFiles): TE.TaskEither<CliError, readonly string[]> =>
  writeFolderAtomic(dir, RUN_FILES, (tmp) =>
    TE.map(() => RUN_FILES)(
      TE.sequenceSeqArray<string, CliError>([
        TE.mapLeft(asCli)(saveCheckpoint(join(tmp, 'checkpoint.json'), f.checkpoint, { graphPath: 'graph.bin' })),
        TE.mapLeft(asCli)(saveModelFile(join(tmp, 'model.json'), f.model)),
        TE.flatMap((y: Float32Array) => writeWav(join(tmp, 'resynth.wav'), { sampleRate: f.sampleRate, channels: [y] }))(TE.mapLeft(asCli)(f.resynth)),
        writeLossPlot(tmp, f.checkpoint.losses, f.lossTitle),
      ]),
    ),
  )
