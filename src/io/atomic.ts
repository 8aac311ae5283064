/**
 * Atomic file writes: the bytes go to a temporary file in the destination's
 * folder (created if missing), which is then renamed into place, so readers
 * never see a half-written file. Errors are values.
 *
 * @example
 * await writeAtomic('out/params.json', Buffer.from('{}'))() // Right('out/params.json')
 */
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import * as TE from 'fp-ts/lib/TaskEither.js'
import type { IoError } from './wav.js'

/**
 * Writes `bytes` to `path` atomically (temp file + rename), creating folders.
 * @param path destination  @param bytes content (a string is written as UTF-8)
 * @returns the path, or an IoError naming it
 * @example await writeAtomic('out/a.json', JSON.stringify(report))()
 */
export const writeAtomic = (path: string, bytes: Uint8Array | string): TE.TaskEither<IoError, string> =>
  TE.tryCatch(
    async () => {
      await mkdir(dirname(path), { recursive: true })
      const tmp = `${path}.${process.pid}.tmp`
      await writeFile(tmp, bytes)
      await rename(tmp, path)
      return path
    },
    (e): IoError => ({ _tag: 'IoError', path, message: e instanceof Error ? e.message : String(e) }),
  )
