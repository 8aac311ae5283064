/**
 * The temporary files and folders this process has open, removed when it
 * exits by any path Node sees (normal end, `process.exit`, an uncaught error,
 * and SIGINT/SIGTERM/SIGHUP once the CLI turns `exitOnSignals` on). Only
 * SIGKILL (and a power cut) can leave one behind; their names say so
 * (`.<name>.<pid>.ddsp-tmp`) and `isTempName` recognises them.
 *
 * @example
 * const tmp = tempName('out/a.wav')   // 'out/.a.wav.1234.5f3a.ddsp-tmp'
 * track(tmp); … ; untrack(tmp)
 */
import { rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'

const live = new Set<string>()
let hooked = false

const cleanup = (): void => {
  for (const p of live) rmSync(p, { recursive: true, force: true })
  live.clear()
}

/**
 * A fresh temporary name beside `path` (same folder, so a rename is atomic).
 * @example tempName('out/run') // 'out/.run.1234.9c1e.ddsp-tmp'
 */
export const tempName = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(3).toString('hex')}.ddsp-tmp`)

/**
 * Whether a file name is one of ours.
 * @example isTempName('.a.wav.12.ab12cd.ddsp-tmp') // true
 */
export const isTempName = (name: string): boolean => name.endsWith('.ddsp-tmp')

/**
 * Registers a temporary path for removal at exit.
 * @example track('out/.a.wav.1.aa.ddsp-tmp')
 */
export const track = (path: string): void => {
  if (!hooked) {
    process.once('exit', cleanup)
    hooked = true
  }
  live.add(path)
}

/**
 * Forgets a temporary path (it was renamed into place or removed).
 * @example untrack('out/.a.wav.1.aa.ddsp-tmp')
 */
export const untrack = (path: string): void => {
  live.delete(path)
}

/**
 * Makes SIGINT, SIGTERM and SIGHUP end the process through `process.exit` (128 + signal), so the exit hook
 * removes the temporary files; for command-line programs only.
 * @example exitOnSignals()
 */
export const exitOnSignals = (): void => {
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const)
    process.once(sig, () => {
      process.stderr.write(`\nddsp: interrupted (${sig})\n`)
      process.exit(code)
    })
}
