/**
 * CLI errors: every failure becomes one line on stderr and exit code 2 (bad
 * arguments or input: usage, unreadable or malformed files, numbers beyond
 * their limits) or 1 (anything else), never a stack trace.
 *
 * @example
 * exitWith(usage('--sr must be a positive integer, got 0'))
 */
import { formatError, type DdspError } from '../core/errors.js'
import type { LimitExceeded } from '../io/limits.js'
import type { IoError } from '../io/wav.js'
import { formatWavProblem, type WavError } from '../io/wav-error.js'
import { formatAudioProblem, type AudioError } from '../io/audio-error.js'

/** A command-line failure. @example const e: CliError = usage('unknown synth') */
export type CliError = { readonly _tag: 'Usage'; readonly message: string } | IoError | WavError | AudioError | LimitExceeded | DdspError

/** A usage error. @example usage('unknown synth') */
export const usage = (message: string): CliError => ({ _tag: 'Usage', message })

/**
 * One line for a CLI error.
 * @example formatCliError({ _tag: 'WavError', path: 'a.wav', problem: { kind: 'MissingChunk', chunk: 'data' } }) // "a.wav: no 'data' chunk"
 */
export const formatCliError = (e: CliError): string => {
  switch (e._tag) {
    case 'Usage':
    case 'LimitExceeded':
      return e.message
    case 'IoError':
      return `${e.path}: ${e.message}`
    case 'WavError':
      return `${e.path}: ${formatWavProblem(e.problem)}`
    case 'AudioError':
      return `${e.path}: ${formatAudioProblem(e.problem)}`
    default:
      return formatError(e)
  }
}

/**
 * The exit code of an error: 2 for bad input, 1 for anything else.
 * @example exitCode(usage('x')) // 2
 */
export const exitCode = (e: CliError): 1 | 2 =>
  e._tag === 'Usage' || e._tag === 'IoError' || e._tag === 'WavError' || e._tag === 'AudioError' || e._tag === 'LimitExceeded' || e._tag === 'DecodeError' || e._tag === 'NonFiniteFeed' ? 2 : 1

/**
 * Prints the error as one line (newlines folded) and sets the exit code.
 * @example exitWith(usage('--steps is empty'))
 */
export const exitWith = (e: CliError): void => {
  process.stderr.write(`ddsp: ${formatCliError(e).replace(/\s*\n\s*/g, '; ')}\n`)
  process.exitCode = exitCode(e)
}

/**
 * Parses a positive number option.
 * @example positive('--hop-ms', '10') // 10
 */
export const positive = (name: string, v: string, integer = false): number | CliError => {
  const n = Number(v)
  return v.trim() !== '' && Number.isFinite(n) && n > 0 && (!integer || Number.isInteger(n)) ? n : usage(`${name} must be a positive ${integer ? 'integer' : 'number'}, got '${v}'`)
}
