/**
 * CLI errors: every failure becomes one line on stderr and exit code 2 (bad
 * arguments or input) or 1 (anything else), never a stack trace.
 *
 * @example
 * exitWith(usage('--sr must be a positive integer, got 0'))
 */
import { formatError, type DdspError } from '../core/errors.js'
import type { IoError } from '../io/wav.js'

/** A command-line failure. */
export type CliError = { readonly _tag: 'Usage'; readonly message: string } | IoError | DdspError

/** A usage error. @example usage('unknown synth') */
export const usage = (message: string): CliError => ({ _tag: 'Usage', message })

/** One line for a CLI error. */
export const formatCliError = (e: CliError): string =>
  e._tag === 'Usage' ? e.message : e._tag === 'IoError' ? `${e.path}: ${e.message}` : formatError(e)

/** Prints the error and sets the exit code (2 for usage and input errors). */
export const exitWith = (e: CliError): void => {
  process.stderr.write(`ddsp: ${formatCliError(e)}\n`)
  process.exitCode = e._tag === 'Usage' || e._tag === 'IoError' || e._tag === 'DecodeError' ? 2 : 1
}

/** Parses a positive number option. */
export const positive = (name: string, v: string, integer = false): number | CliError => {
  const n = Number(v)
  return Number.isFinite(n) && n > 0 && (!integer || Number.isInteger(n)) ? n : usage(`${name} must be a positive ${integer ? 'integer' : 'number'}, got '${v}'`)
}
