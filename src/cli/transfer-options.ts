/**
 * The options and the summary of `ddsp transfer`, in a file of their own so
 * the command (`transfer.ts`) and its remap half (`transfer-remap.ts`) share
 * them without importing each other.
 *
 * @example
 * import type { TransferOptions } from './transfer-options.js'
 * const o: TransferOptions = { model: 'out/m', out: 'y.wav', pitchShift: 'auto', loudnessShift: 0 }
 */
import type { Limits } from '../io/limits.js'

/** A shift: a number, or 'auto' (fit the training range). @example const s: Shift = 'auto' */
export type Shift = number | 'auto'

/** Options of `ddsp transfer`. @example const o: TransferOptions = { model: 'out/m', out: 'y.wav', pitchShift: 'auto', loudnessShift: 0 } */
export interface TransferOptions {
  /** the folder written by `ddsp train` */
  readonly model: string
  readonly out: string
  /** semitones, or 'auto' */
  readonly pitchShift: Shift
  /** dB, or 'auto' */
  readonly loudnessShift: Shift
  /** sample-rate range and memory budget (default `DEFAULT_LIMITS`) */
  readonly limits?: Limits
}

/** What a transfer reports. @example console.log(`${r.frames} frames, shift ${r.pitchShift} st`) */
export interface TransferSummary {
  readonly path: string
  readonly samples: number
  readonly frames: number
  /** shifts applied (semitones, dB) */
  readonly pitchShift: number
  readonly loudnessShift: number
  readonly seconds: number
}
