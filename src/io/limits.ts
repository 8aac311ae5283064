/**
 * The bounds every number entering ddsp-ts from outside must lie within: a
 * WAV header, a command-line flag, a model, checkpoint or graph JSON file.
 * Sample rates lie in [8 000, 384 000] Hz unless widened (`--sr-range`);
 * sizes are bounded by a memory budget (`--max-memory`, `DDSP_MAX_MEMORY`,
 * default half the machine's memory, at most 4 GiB): a command estimates the
 * bytes it will allocate before allocating and refuses with the figure. A
 * refusal is a `LimitExceeded` value (one line, exit code 2 in the CLI).
 *
 * @example
 * checkRange('--sr', 1e9, { min: 8000, max: 384000, integer: true }) // Left(LimitExceeded '--sr is 1000000000, must be an integer in [8000, 384000]')
 * checkBytes('render of 1e9 s', 4e15, DEFAULT_LIMITS)                  // Left(… 'needs ≈ 4000 TB; the memory budget is 4 GiB …')
 */
import { totalmem } from 'node:os'
import * as E from 'fp-ts/lib/Either.js'

/** A number outside its bound, or a job too big for the memory budget. @example const e: LimitExceeded = { _tag: 'LimitExceeded', subject: '--sr', message: '--sr is 1, must be in [8000, 384000]' } */
export interface LimitExceeded {
  readonly _tag: 'LimitExceeded'
  /** what was refused: a flag, a header field, a JSON path */
  readonly subject: string
  /** one line, naming the value and the bound */
  readonly message: string
}

/** The bounds in force. @example const l: Limits = { ...DEFAULT_LIMITS, memoryBytes: 2 ** 30 } */
export interface Limits {
  readonly sampleRate: { readonly min: number; readonly max: number }
  /** estimated bytes a command may allocate */
  readonly memoryBytes: number
}

const GIB = 2 ** 30

/** Sample rates accepted without a flag, Hz. @example SAMPLE_RATE_RANGE.max // 384000 */
export const SAMPLE_RATE_RANGE = { min: 8000, max: 384000 } as const

/** Widest sample-rate range `--sr-range` may ask for, Hz. @example WIDEST_SAMPLE_RATE_RANGE.min // 1000 */
export const WIDEST_SAMPLE_RATE_RANGE = { min: 1000, max: 1_536_000 } as const

/** Most channels a WAV may declare. @example MAX_CHANNELS // 64 */
export const MAX_CHANNELS = 64

/** The default limits: the standard rate range and half this machine's memory, at most 4 GiB. @example DEFAULT_LIMITS.sampleRate.min // 8000 */
export const DEFAULT_LIMITS: Limits = { sampleRate: SAMPLE_RATE_RANGE, memoryBytes: Math.min(4 * GIB, Math.floor(totalmem() / 2)) }

/**
 * A LimitExceeded value.
 * @example limitExceeded('--steps', '--steps is 1e12, at most 1e7')
 */
export const limitExceeded = (subject: string, message: string): LimitExceeded => ({ _tag: 'LimitExceeded', subject, message })

/**
 * Bytes for people: B, KB, MB, GB, TB (powers of 1024, three significant digits).
 * @example formatBytes(3.5 * 2 ** 30) // '3.5 GiB'
 */
export const formatBytes = (n: number): string => {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']
  let v = n
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return `${u === 0 ? v : Number(v.toPrecision(3))} ${units[u]}`
}

/** A bound on one number. @example const b: Bound = { min: 1, max: 1e6, integer: true } */
export interface Bound {
  readonly min: number
  readonly max: number
  readonly integer?: boolean
  /** the lower bound itself is refused (min < x) */
  readonly exclusiveMin?: boolean
}

const describe = (b: Bound): string =>
  `${b.integer === true ? 'an integer' : 'a number'} in ${b.exclusiveMin === true ? '(' : '['}${b.min}, ${b.max}]`

/**
 * Checks that `value` is finite and within `b`.
 * @param subject what it is (a flag, a header field, a JSON path)  @param value the number  @param b its bound
 * @example checkRange('$.config.harmonics', 1e9, { min: 1, max: 4096, integer: true }) // Left
 */
export const checkRange = (subject: string, value: number, b: Bound): E.Either<LimitExceeded, number> =>
  Number.isFinite(value) && (b.exclusiveMin === true ? value > b.min : value >= b.min) && value <= b.max && (b.integer !== true || Number.isInteger(value))
    ? E.right(value)
    : E.left(limitExceeded(subject, `${subject} is ${value}, must be ${describe(b)}`))

/**
 * Parses a flag's text as a number within `b`; empty text, `abc`, `1e9` beyond the bound are refused.
 * @param flag e.g. '--steps'  @param text as typed  @param b bound
 * @example parseBounded('--steps', '', { min: 0, max: 1e6, integer: true }) // Left("--steps is empty, …")
 */
export const parseBounded = (flag: string, text: string, b: Bound): E.Either<LimitExceeded, number> => {
  if (text.trim() === '') return E.left(limitExceeded(flag, `${flag} is empty, must be ${describe(b)}`))
  const n = Number(text)
  return Number.isNaN(n) ? E.left(limitExceeded(flag, `${flag} must be ${describe(b)}, got '${text}'`)) : checkRange(flag, n, b)
}

/**
 * Checks a sample rate against the limits' range.
 * @param subject where it came from (a file's header, a flag, a model file)  @param hz the rate  @param l limits
 * @example checkSampleRate('kick.wav: header sample rate', 1, DEFAULT_LIMITS) // Left('… is 1 Hz, outside [8000, 384000] Hz (widen with --sr-range)')
 */
export const checkSampleRate = (subject: string, hz: number, l: Limits = DEFAULT_LIMITS): E.Either<LimitExceeded, number> =>
  Number.isInteger(hz) && hz >= l.sampleRate.min && hz <= l.sampleRate.max
    ? E.right(hz)
    : E.left(limitExceeded(subject, `${subject} is ${hz} Hz, outside [${l.sampleRate.min}, ${l.sampleRate.max}] Hz (an integer; widen with --sr-range LO:HI)`))

/**
 * Checks an estimate of the bytes a job will allocate against the budget.
 * @param what the job, e.g. 'render of 1000000000 s at 44100 Hz'  @param bytes the estimate  @param l limits
 * @example checkBytes('loss of 2 × 1.3e9 samples', 2e12, DEFAULT_LIMITS) // Left("… needs ≈ 1.82 TiB; the memory budget is 4 GiB (--max-memory)")
 */
export const checkBytes = (what: string, bytes: number, l: Limits = DEFAULT_LIMITS): E.Either<LimitExceeded, number> =>
  Number.isFinite(bytes) && bytes <= l.memoryBytes
    ? E.right(bytes)
    : E.left(limitExceeded(what, `${what} needs ≈ ${Number.isFinite(bytes) ? formatBytes(bytes) : 'unbounded memory'}; the memory budget is ${formatBytes(l.memoryBytes)} (raise it with --max-memory or DDSP_MAX_MEMORY)`))

/**
 * Parses a byte count: a number with an optional unit K, M, G, T (powers of 1024), e.g. '2G', '512M'.
 * @example parseBytes('--max-memory', '2G') // Right(2147483648)
 */
export const parseBytes = (flag: string, text: string): E.Either<LimitExceeded, number> => {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(text)
  const scale = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 } as const
  const n = m === null ? NaN : Number(m[1]) * scale[(m[2] ?? '').toLowerCase() as keyof typeof scale]
  return Number.isFinite(n) && n >= 2 ** 20 && n <= 2 ** 50
    ? E.right(Math.floor(n))
    : E.left(limitExceeded(flag, `${flag} must be a size from 1M to 1024T such as 512M or 8G, got '${text}'`))
}

/**
 * Parses `--sr-range LO:HI` within the widest range allowed.
 * @example parseRateRange('--sr-range', '4000:48000') // Right({ min: 4000, max: 48000 })
 */
export const parseRateRange = (flag: string, text: string): E.Either<LimitExceeded, Limits['sampleRate']> => {
  const [lo, hi, ...rest] = text.split(':').map((s) => Number(s.trim() === '' ? NaN : s))
  const w = WIDEST_SAMPLE_RATE_RANGE
  return rest.length === 0 && lo !== undefined && hi !== undefined && Number.isInteger(lo) && Number.isInteger(hi) && w.min <= lo && lo <= hi && hi <= w.max
    ? E.right({ min: lo, max: hi })
    : E.left(limitExceeded(flag, `${flag} must be LO:HI, integers with ${w.min} ≤ LO ≤ HI ≤ ${w.max} Hz, got '${text}'`))
}

/**
 * Parses a sample-rate flag and checks it against the limits' range.
 * @example parseSampleRate('--sr', '1e9', DEFAULT_LIMITS) // Left('--sr is 1000000000 Hz, outside [8000, 384000] Hz …')
 */
export const parseSampleRate = (flag: string, text: string, l: Limits = DEFAULT_LIMITS): E.Either<LimitExceeded, number> =>
  text.trim() === '' ? E.left(limitExceeded(flag, `${flag} is empty, must be a sample rate in [${l.sampleRate.min}, ${l.sampleRate.max}] Hz`)) : checkSampleRate(flag, Number(text), l)
