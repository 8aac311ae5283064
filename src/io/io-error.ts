/**
 * `IoError`: a file that cannot be read or written, the error every file
 * helper of `io/` returns (its own file, so `atomic.ts` and `wav.ts` share it
 * without importing each other).
 *
 * @example
 * import type { IoError } from './io-error.js'
 * const e: IoError = { _tag: 'IoError', path: 'a.wav', message: 'no such file' }
 */

/** A file that cannot be read or written. @example const e: IoError = { _tag: 'IoError', path: 'a.wav', message: 'no such file' } */
export interface IoError {
  readonly _tag: 'IoError'
  readonly path: string
  readonly message: string
}
