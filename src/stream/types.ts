/**
 * The vocabulary of streaming: which axis of a value is time and at which
 * rate, the clock of a stream (full lengths), one block's window, and the
 * typed error for a program that cannot be folded over blocks.
 *
 * @example
 * import type { TimeInfo, Window } from './types.js'
 * const t: TimeInfo = { axis: 1, rate: 'audio' }
 * const w: Window = { p: 0, n: 128, fp: 0, m: 2 } // samples 0…127, frames 0…1
 */
import type { HostTensor } from '../core/backend.js'

/** A stream rate: audio samples, or control frames (upsampled inside the program). */
export type StreamRate = 'audio' | 'control'

/** Which inputs are time-indexed (time on axis 1), and at which rate. @example const i: TimeInputs = { f0: 'control', x: 'audio' } */
export type TimeInputs = Readonly<Record<string, StreamRate>>

/** A counter-based noise source: any sample can be drawn on demand, ahead of the stream. */
export interface NoiseSource {
  readonly seed: number
  readonly dist: 'uniform' | 'normal'
  readonly offset: number
  readonly shape: readonly number[]
}

/**
 * Where a value's time axis is; `null` for a value constant in time (computed once).
 * `noise` is set on values that are a noise source itself (also through composite args).
 */
export type TimeInfo = { readonly axis: number; readonly rate: StreamRate; readonly noise?: NoiseSource } | null

/** Full lengths of the offline render the stream reproduces. */
export interface Clock {
  /** Audio samples T of the offline program. */
  readonly samples: number
  /** Control frames F (0 when the program has no control inputs). */
  readonly frames: number
}

/** One block: audio samples [p, p + n) and the control frames [fp, fp + m) new in it. */
export interface Window {
  readonly p: number
  readonly n: number
  readonly fp: number
  readonly m: number
}

/** A program (or part) that cannot be folded over blocks, named at stream-construction time. */
export interface NotStreamable {
  readonly _tag: 'NotStreamable'
  /** The primitive or composite name, e.g. `'reverse'` or `'dsp.frameConvolve'`. */
  readonly op: string
  /** Equation id and the composite path to it, e.g. `'dsp.phase/v12'`. */
  readonly site: string
  readonly reason: string
}

/** One equation's carried state: plain data (tensors, numbers, records of them). */
export type StateValue = HostTensor | number | { readonly [k: string]: StateValue }

/** Per-equation carried state, keyed by equation path. */
export type StreamState = Readonly<Record<string, StateValue>>

/**
 * Start (in its own rate) of a block of values at `rate`.
 * @example start('control', { p: 0, n: 64, fp: 3, m: 1 }) // 3
 */
export const start = (rate: StreamRate, w: Window): number => (rate === 'audio' ? w.p : w.fp)

/**
 * Number of values at `rate` in a block.
 * @example extentOf('audio', { p: 0, n: 64, fp: 3, m: 1 }) // 64
 */
export const extentOf = (rate: StreamRate, w: Window): number => (rate === 'audio' ? w.n : w.m)

/**
 * Full length at `rate`.
 * @example fullOf('audio', { samples: 480, frames: 10 }) // 480
 */
export const fullOf = (rate: StreamRate, c: Clock): number => (rate === 'audio' ? c.samples : c.frames)

/**
 * A shape with its time axis set to `len`.
 * @example withTime([1, 480, 3], { axis: 1, rate: 'audio' }, 128) // [1, 128, 3]
 */
export const withTime = (shape: readonly number[], t: TimeInfo, len: number): number[] =>
  shape.map((d, i) => (t !== null && i === t.axis ? len : d))
