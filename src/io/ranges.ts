/**
 * Bounds on single numbers, with no Node in them (the web page uses them as
 * the CLI does, so a synth file is refused with the same line either way):
 * a `Bound` (range, integer or not), `checkRange` and `checkSampleRate`
 * returning a `LimitExceeded` that names the subject, the value and the
 * bound. The memory budget and the flag parsers are in `limits.ts`, which
 * re-exports these.
 *
 * @example
 * checkRange('$.hop', 2 ** 31, { min: 1, max: 48000, integer: true }) // Left('$.hop is 2147483648, must be an integer in [1, 48000]')
 * checkSampleRate('$.sampleRate', 1e9)                                  // Left('$.sampleRate is 1000000000 Hz, outside [8000, 384000] Hz …')
 */
import * as E from 'fp-ts/lib/Either.js'

/** A number outside its bound, or a job too big for the memory budget. @example const e: LimitExceeded = { _tag: 'LimitExceeded', subject: '--sr', message: '--sr is 1, must be in [8000, 384000]' } */
export interface LimitExceeded {
  readonly _tag: 'LimitExceeded'
  /** what was refused: a flag, a header field, a JSON path */
  readonly subject: string
  /** one line, naming the value and the bound */
  readonly message: string
}

/** Sample rates accepted without a flag, Hz. @example SAMPLE_RATE_RANGE.max // 384000 */
export const SAMPLE_RATE_RANGE = { min: 8000, max: 384000 } as const

/**
 * A LimitExceeded value.
 * @example limitExceeded('--steps', '--steps is 1e12, at most 1e7')
 */
export const limitExceeded = (subject: string, message: string): LimitExceeded => ({ _tag: 'LimitExceeded', subject, message })

/** A bound on one number. @example const b: Bound = { min: 1, max: 1e6, integer: true } */
export interface Bound {
  readonly min: number
  readonly max: number
  readonly integer?: boolean
  /** the lower bound itself is refused (min < x) */
  readonly exclusiveMin?: boolean
}

/**
 * A bound in words.
 * @example describeBound({ min: 1, max: 10, integer: true }) // 'an integer in [1, 10]'
 */
export const describeBound = (b: Bound): string =>
  `${b.integer === true ? 'an integer' : 'a number'} in ${b.exclusiveMin === true ? '(' : '['}${b.min}, ${b.max}]`

/**
 * Checks that `value` is finite and within `b`.
 * @param subject what it is (a flag, a header field, a JSON path)  @param value the number  @param b its bound
 * @example checkRange('$.config.harmonics', 1e9, { min: 1, max: 4096, integer: true }) // Left
 */
export const checkRange = (subject: string, value: number, b: Bound): E.Either<LimitExceeded, number> =>
  Number.isFinite(value) && (b.exclusiveMin === true ? value > b.min : value >= b.min) && value <= b.max && (b.integer !== true || Number.isInteger(value))
    ? E.right(value)
    : E.left(limitExceeded(subject, `${subject} is ${value}, must be ${describeBound(b)}`))

/**
 * Checks a sample rate against a range (the limits', by default the standard one).
 * @param subject where it came from (a file's header, a flag, a model file)  @param hz the rate  @param l limits (or anything with their `sampleRate` range)
 * @example checkSampleRate('kick.wav: header sample rate', 1) // Left('… is 1 Hz, outside [8000, 384000] Hz (an integer; widen with --sr-range LO:HI)')
 */
export const checkSampleRate = (subject: string, hz: number, l: { readonly sampleRate: { readonly min: number; readonly max: number } } = { sampleRate: SAMPLE_RATE_RANGE }): E.Either<LimitExceeded, number> =>
  Number.isInteger(hz) && hz >= l.sampleRate.min && hz <= l.sampleRate.max
    ? E.right(hz)
    : E.left(limitExceeded(subject, `${subject} is ${hz} Hz, outside [${l.sampleRate.min}, ${l.sampleRate.max}] Hz (an integer; widen with --sr-range LO:HI)`))
