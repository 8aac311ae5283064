/**
 * The flags of a resumed run: those it was started with, except the few that
 * may change without changing the result (`--steps` to run longer or
 * shorter, `--checkpoint-every`, `--backend`); any other flag typed again
 * must repeat the saved value. And the line an interrupted run leaves on
 * stderr: where its last checkpoint is and how to continue.
 *
 * @example
 * resumedFlags({ steps: '300', lr: '0.001' }, { steps: '500', lr: '0.001' }, (k) => (k === 'steps' ? 'cli' : 'default'))
 * // Right({ steps: '500', lr: '0.001' })
 */
import * as E from 'fp-ts/lib/Either.js'
import { usage, type CliError } from './errors.js'

/** Flags a resumed run may change. @example RESUMABLE_CHANGES.includes('steps') // true */
export const RESUMABLE_CHANGES: readonly string[] = ['steps', 'checkpointEvery', 'backend']

const flagName = (k: string) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`

/**
 * Merges the saved flags with those typed now.
 * @param saved the run's flags (strings)  @param given commander's values now  @param source where each value came from ('cli' when typed)
 * @returns the flags to run with, or a usage error naming a flag that would change the run
 * @example resumedFlags({ lr: '0.001' }, { lr: '0.01' }, () => 'cli') // Left('--lr is 0.01 but the run being resumed used 0.001; …')
 */
export const resumedFlags = (
  saved: Readonly<Record<string, string>>,
  given: Readonly<Record<string, unknown>>,
  source: (key: string) => string | undefined,
): E.Either<CliError, Record<string, string>> => {
  const out: Record<string, string> = { ...saved }
  for (const [k, v] of Object.entries(given)) {
    if (source(k) !== 'cli' || typeof v !== 'string' || k === 'resume') continue
    if (RESUMABLE_CHANGES.includes(k) || saved[k] === undefined) out[k] = v
    else if (saved[k] !== v) return E.left(usage(`${flagName(k)} is ${v} but the run being resumed used ${saved[k]}; only ${RESUMABLE_CHANGES.map(flagName).join(', ')} may change on --resume`))
  }
  return E.right(out)
}

/**
 * While a run is under way: if it ends by a signal (exit 129/130/143), says where its last checkpoint is.
 * @param command 'train' or 'match'  @param dir run folder  @param last the step of the last checkpoint written (undefined: none yet)
 * @returns a function that stops watching (call it when the run ends normally)
 * @example const done = hintOnInterrupt('train', 'out/m', save.last); …; done()
 */
export const hintOnInterrupt = (command: string, dir: string, last: () => number | undefined): (() => void) => {
  const hint = (code: number) => {
    const step = last()
    if (![129, 130, 143].includes(code)) return
    process.stderr.write(
      step === undefined
        ? `ddsp: no checkpoint was written yet; start again (or use --checkpoint-every to save more often)\n`
        : `ddsp: the last checkpoint (step ${step}) is in ${dir}; continue with: ddsp ${command} --resume ${dir}\n`,
    )
  }
  process.on('exit', hint)
  return () => void process.off('exit', hint)
}
