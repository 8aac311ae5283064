/**
 * The options and the summary of `ddsp train`, in a file of their own so the
 * command (`train.ts`) and its remap half (`train-remap.ts`) share them
 * without importing each other.
 *
 * @example
 * import type { TrainOptions } from './train-options.js'
 * const o: TrainOptions = { model: 'autoencoder', steps: 300, seed: 0, out: 'out/m', batch: 2, lr: 1e-3, exampleSeconds: 1 }
 */
import type { Limits } from '../io/limits.js'
import type { FitSnapshot, SnapshotHook } from '../train/snapshot.js'

/** Options of `ddsp train`. @example const o: TrainOptions = { model: 'autoencoder', steps: 300, seed: 0, out: 'out/m', batch: 2, lr: 1e-3, exampleSeconds: 1 } */
export interface TrainOptions {
  readonly model: 'autoencoder' | 'remap'
  readonly steps: number
  readonly seed: number
  readonly out: string
  /** examples (autoencoder) or hits (remap) per step */
  readonly batch: number
  /** Adam learning rate */
  readonly lr: number
  /** autoencoder example length (s) */
  readonly exampleSeconds: number
  /** remap: the 808 voice to drive */
  readonly voice?: string
  /** remap: MLP width, 0 = timbreremap's linear map (default 32) */
  readonly hidden?: number
  /** sample-rate range and memory budget (default `DEFAULT_LIMITS`) */
  readonly limits?: Limits
  /** periodic snapshots (DIR/resume.json, `resume-file.ts`) */
  readonly snapshot?: SnapshotHook
  /** continue from this snapshot (`--resume DIR`) */
  readonly resumeFrom?: FitSnapshot
}

/** What a finished run reports. @example console.log(`${s.steps} steps, loss ${s.losses[0]} → ${s.finalLoss}`) */
export interface TrainSummary {
  readonly examples: number
  readonly steps: number
  readonly losses: readonly number[]
  readonly finalLoss: number
  readonly seconds: number
  readonly files: readonly string[]
}
