/**
 * Atomic file writes: the bytes go to a temporary file in the destination's
 * folder (created if missing), which is then renamed into place, so readers
 * never see a half-written file. The temporary file is removed when the
 * write or the rename fails (a destination that is a folder, a full disk)
 * and when the process exits before renaming (`temp-files.ts`). Errors are
 * values.
 *
 * @example
 * await writeAtomic('out/params.json', Buffer.from('{}'))() // Right('out/params.json')
 */
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { tempName, track, untrack } from './temp-files.js'
import type { IoError } from './io-error.js'

/**
 * Writes `bytes` to `path` atomically (temp file + rename), creating folders.
 * @param path destination (not an existing folder)  @param bytes content (a string is written as UTF-8)
 * @returns the path, or an IoError naming it
 * @example await writeAtomic('out/a.json', JSON.stringify(report))()
 */
export const writeAtomic = (path: string, bytes: Uint8Array | string): TE.TaskEither<IoError, string> =>
  TE.tryCatch(
    async () => {
      if ((await stat(path).catch(() => undefined))?.isDirectory() === true) throw new Error('is a folder; give a file name')
      await mkdir(dirname(path), { recursive: true })
      const tmp = tempName(path)
      track(tmp)
      try {
        await writeFile(tmp, bytes)
        await rename(tmp, path)
      } finally {
        await rm(tmp, { force: true })
        untrack(tmp)
      }
      return path
    },
    (e): IoError => ({ _tag: 'IoError', path, message: e instanceof Error ? e.message : String(e) }),
  )
