/**
 * A file's size checked before it is read whole: JSON and WAV files are read
 * into memory, so a file larger than its stated maximum is refused by its
 * size, never loaded.
 *
 * @example
 * await checkFileSize('out/m/checkpoint.json', 512 * 2 ** 20)() // Right(bytes) or Left(IoError | LimitExceeded)
 */
import { stat } from 'node:fs/promises'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { formatBytes, limitExceeded, type LimitExceeded } from './limits.js'
import type { IoError } from './io-error.js'

/**
 * The size of `path` if it is a file of at most `max` bytes.
 * @param path file  @param max largest size accepted (bytes)
 * @example await checkFileSize('model.json', 2 ** 20)()
 */
export const checkFileSize = (path: string, max: number): TE.TaskEither<IoError | LimitExceeded, number> => async () => {
  try {
    const st = await stat(path)
    if (!st.isFile()) return E.left({ _tag: 'IoError', path, message: 'not a file' })
    return st.size <= max ? E.right(st.size) : E.left(limitExceeded(path, `${path} is ${formatBytes(st.size)}; at most ${formatBytes(max)} is read`))
  } catch (e) {
    return E.left({ _tag: 'IoError', path, message: e instanceof Error ? e.message : String(e) })
  }
}
