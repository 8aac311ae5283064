/**
 * Units as branded numbers with `Either` smart constructors, so a frequency
 * cannot be passed where a duration is expected, and a bad value is caught at
 * the boundary with a message that names it.
 *
 * @example
 * import { hz, sampleRate } from './units.js'
 * hz(440)          // Right(440 as Hz)
 * sampleRate(0)    // Left('sample rate must be a positive integer, got 0')
 */
import * as E from 'fp-ts/lib/Either.js'

declare const brand: unique symbol
/** A number carrying a unit in its type. */
export type Branded<U extends string> = number & { readonly [brand]: U }
/** Frequency in hertz (≥ 0). */
export type Hz = Branded<'Hz'>
/** Duration in seconds (≥ 0). */
export type Seconds = Branded<'Seconds'>
/** Level in decibels (any finite value). */
export type Decibels = Branded<'Decibels'>
/** Samples per second (a positive integer). */
export type SampleRate = Branded<'SampleRate'>

const unit =
  <U extends string>(what: string, ok: (v: number) => boolean, rule: string) =>
  (v: number): E.Either<string, Branded<U>> =>
    typeof v === 'number' && Number.isFinite(v) && ok(v) ? E.right(v as Branded<U>) : E.left(`${what} must be ${rule}, got ${v}`)

/** @example hz(440) */
export const hz = unit<'Hz'>('frequency', (v) => v >= 0, 'a finite number ≥ 0 Hz')
/** @example seconds(0.5) */
export const seconds = unit<'Seconds'>('duration', (v) => v >= 0, 'a finite number ≥ 0 s')
/** @example decibels(-6) */
export const decibels = unit<'Decibels'>('level', () => true, 'a finite number of dB')
/** @example sampleRate(16000) */
export const sampleRate = unit<'SampleRate'>('sample rate', (v) => Number.isInteger(v) && v > 0, 'a positive integer')
