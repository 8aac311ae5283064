/**
 * The bounds every number entering ddsp-ts from outside must lie within: a
 * WAV header, a command-line flag, a model, checkpoint or graph JSON file.
 * Sample rates lie in [8 000, 384 000] Hz unless widened (`--sr-range`);
 * sizes are bounded by a memory budget (`--max-memory`, `DDSP_MAX_MEMORY`,
 * default half the machine's memory, at most 4 GiB): a command estimates the
 * bytes it will allocate before allocating and refuses with the figure. A
 * refusal is a `LimitExceeded` value (one line, exit code 2 in the CLI).
 * The checks of single numbers have no Node in them and live in `ranges.ts`
 * (the web page uses them too); they are re-exported here.
 *
 * @example
 * checkRange('--sr', 1e9, { min: 8000, max: 384000, integer: true }) // Left(LimitExceeded '--sr is 1000000000, must be an integer in [8000, 384000]')
 * checkBytes('render of 1e9 s', 4e15, DEFAULT_LIMITS)                  // Left(… 'needs ≈ 4000 TB; the memory budget is 4 GiB …')
 */
import { totalmem } from 'node:os'
import * as E from 'fp-ts/lib/Either.js'
import { checkRange, checkSampleRate, describeBound, limitExceeded, SAMPLE_RATE_RANGE, type Bound, type LimitExceeded } from './ranges.js'

export { checkRange, checkSampleRate, describeBound, limitExceeded, SAMPLE_RATE_RANGE, type Bound, type LimitExceeded } from './ranges.js'

/** The bounds in force. @example const l: Limits = { ...DEFAULT_LIMITS, memoryBytes: 2 ** 30 } */
export interface Limits {
  readonly sampleRate: { readonly min: number; readonly max: number }
  /** estimated bytes a command may allocate */
  readonly memoryBytes: number
}

const GIB = 2 ** 30

/** Widest sample-rate range `--sr-range` may ask for, Hz. @example WIDEST_SAMPLE_RATE_RANGE.min // 1000 */
export const WIDEST_SAMPLE_RATE_RANGE = { min: 1000, max: 1_536_000 } as const

/** Most channels a WAV may declare. @example MAX_CHANNELS // 64 */
export const MAX_CHANNELS = 64

/** The default limits: the standard rate range and half this machine's memory, at most 4 GiB. @example DEFAULT_LIMITS.sampleRate.min // 8000 */
export const DEFAULT_LIMITS: Limits = { sampleRate: SAMPLE_RATE_RANGE, memoryBytes: Math.min(4 * GIB, Math.floor(totalmem() / 2)) }

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

/**
 * Parses a flag's text as a number within `b`; empty text, `abc`, `1e9` beyond the bound are refused.
 * @param flag e.g. '--steps'  @param text as typed  @param b bound
 * @example parseBounded('--steps', '', { min: 0, max: 1e6, integer: true }) // Left("--steps is empty, …")
 */
export const parseBounded = (flag: string, text: string, b: Bound): E.Either<LimitExceeded, number> => {
  if (text.trim() === '') return E.left(limitExceeded(flag, `${flag} is empty, must be ${describeBound(b)}`))
  const n = Number(text)
  return Number.isNaN(n) ? E.left(limitExceeded(flag, `${flag} must be ${describeBound(b)}, got '${text}'`)) : checkRange(flag, n, b)
}

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
