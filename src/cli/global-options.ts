/**
 * The options every command shares, read from the root program: the sample
 * rates accepted (`--sr-range LO:HI`, default 8000:384000) and the memory
 * budget (`--max-memory SIZE`, or `DDSP_MAX_MEMORY`; default half the
 * machine's memory, at most 4 GiB), turned into the `Limits` the readers and
 * commands check against.
 *
 * @example
 * ddsp --sr-range 4000:48000 features phone.wav
 * ddsp render harmonic --seconds 600 --max-memory 8G
 */
import type { Command } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import { DEFAULT_LIMITS, parseBytes, parseRateRange, type Limits } from '../io/limits.js'
import type { CliError } from './errors.js'

/** The raw global options. @example const g: GlobalFlags = { srRange: '8000:48000', maxMemory: '2G' } */
export interface GlobalFlags {
  readonly srRange?: string
  readonly maxMemory?: string
}

/**
 * Adds `--sr-range` and `--max-memory` to the root program (accepted before or after the command name).
 * @example addGlobalOptions(new Command('ddsp'))
 */
export const addGlobalOptions = (program: Command): Command =>
  program
    .option('--sr-range <lo:hi>', `sample rates accepted from files, flags and models, Hz (default ${DEFAULT_LIMITS.sampleRate.min}:${DEFAULT_LIMITS.sampleRate.max})`)
    .option('--max-memory <size>', 'memory budget for a command, e.g. 2G (default: DDSP_MAX_MEMORY, else half the machine, at most 4G)')

/**
 * The limits the flags (and `DDSP_MAX_MEMORY`) ask for.
 * @param g the root program's options  @param env environment (default process.env)
 * @example limitsOf({ srRange: '1000:48000' }) // Right({ sampleRate: { min: 1000, max: 48000 }, memoryBytes: … })
 */
export const limitsOf = (g: GlobalFlags, env: Readonly<Record<string, string | undefined>> = process.env): E.Either<CliError, Limits> => {
  const rate = g.srRange === undefined ? E.right(DEFAULT_LIMITS.sampleRate) : parseRateRange('--sr-range', g.srRange)
  if (E.isLeft(rate)) return rate
  const mem = g.maxMemory ?? env['DDSP_MAX_MEMORY']
  const bytes = mem === undefined ? E.right(DEFAULT_LIMITS.memoryBytes) : parseBytes(g.maxMemory === undefined ? 'DDSP_MAX_MEMORY' : '--max-memory', mem)
  return E.isLeft(bytes) ? bytes : E.right({ sampleRate: rate.right, memoryBytes: bytes.right })
}

/**
 * The limits of the running command, from its root program's options.
 * @param cmd the command whose action runs (commander passes it last)
 * @example commandLimits(cmd) // Either<CliError, Limits>
 */
export const commandLimits = (cmd: Command): E.Either<CliError, Limits> => limitsOf(cmd.optsWithGlobals<GlobalFlags>())
