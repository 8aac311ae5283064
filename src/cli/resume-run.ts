/**
 * How a `ddsp train` or `ddsp match` invocation starts: afresh (an input
 * path, its files fingerprinted, the flags as typed) or with `--resume DIR`
 * (the input, flags and snapshot of DIR/resume.json, the input checked
 * unchanged, `--steps`, `--checkpoint-every` and `--backend` overridable).
 * Either way the result carries the head of the resume file the run will
 * keep writing.
 *
 * @example
 * const s = await startOrResume('train', 'a.wav', flags, (k) => cmd.getOptionValueSource(k), (p) => TE.right([p]))()
 * // Right({ input: '/abs/a.wav', flags: { steps: '300', … }, head, progress?: …, step?: 30 })
 */
import { resolve } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { usage, type CliError } from './errors.js'
import { fingerprints, readResume, type ResumeHead } from './resume-file.js'
import { resumedFlags } from './resume-flags.js'

/** A run about to start. @example const s: RunStart = { input: '/abs/a.wav', flags: { out: 'out/m' }, head } */
export interface RunStart {
  readonly input: string
  /** the flags to run with (strings, as commander gives them; `out` is the run folder) */
  readonly flags: Readonly<Record<string, string>>
  readonly head: ResumeHead
  /** the snapshot to continue from (JSON, decoded by the command) and its step, when resuming */
  readonly progress?: unknown
  readonly step?: number
}

/**
 * Resolves the input, flags and resume state of a run.
 * @param command 'train' or 'match'  @param path the input path typed (absent with --resume)
 * @param given commander's option values (`resume`, `out`, …)  @param source where an option's value came from ('cli' if typed)
 * @param inputFiles the files an input path stands for (a folder's WAVs), fingerprinted for resuming
 * @example await startOrResume('match', undefined, { resume: 'out/match' }, src, files)()
 */
export const startOrResume =
  (
    command: ResumeHead['command'],
    path: string | undefined,
    given: Readonly<Record<string, unknown>>,
    source: (key: string) => string | undefined,
    inputFiles: (input: string) => TE.TaskEither<CliError, readonly string[]>,
  ): TE.TaskEither<CliError, RunStart> =>
  async () => {
    const dir = given['resume']
    if (typeof dir === 'string') {
      const doc = await readResume(dir, command)()
      if (E.isLeft(doc)) return doc
      if (path !== undefined && resolve(path) !== doc.right.input) return E.left(usage(`--resume ${dir} continues the run on ${doc.right.input}; leave the input out`))
      if (typeof given['out'] === 'string' && source('out') === 'cli' && resolve(given['out']) !== resolve(dir)) return E.left(usage(`--resume ${dir} writes the run into ${dir}; leave --out out`))
      const flags = resumedFlags(doc.right.flags, given, (k) => (k === 'out' ? undefined : source(k)))
      if (E.isLeft(flags)) return flags
      const f = { ...flags.right, out: dir }
      return E.right({ input: doc.right.input, flags: f, progress: doc.right.progress, step: doc.right.step, head: { command, input: doc.right.input, flags: f, inputs: doc.right.inputs } })
    }
    if (path === undefined) return E.left(usage(`give the input (a WAV file${command === 'train' ? ' or a folder of WAVs' : ''}), or --resume DIR to continue an interrupted run`))
    if (typeof given['out'] !== 'string') return E.left(usage(`--out is required (the run folder)`))
    const input = resolve(path)
    const files = await inputFiles(input)()
    if (E.isLeft(files)) return files
    const fps = await fingerprints(files.right)()
    if (E.isLeft(fps)) return fps
    const flags = Object.fromEntries(Object.entries(given).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'resume'))
    return E.right({ input, flags, head: { command, input, flags, inputs: fps.right } })
  }
