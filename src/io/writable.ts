/**
 * Whether an output path can be written, asked before any work starts: a file
 * output must not be a folder, a folder output must not be a file, and the
 * nearest existing ancestor must be a folder this process may write in (the
 * missing ones are created later). A run folder that exists must hold only
 * the files a run writes (`replaceableRunFolder`), so replacing it whole
 * never deletes anything else.
 *
 * @example
 * await checkWritable('out/kick.wav', 'file')()      // Right('out/kick.wav') or Left(IoError)
 * await checkWritable('afile/sub', 'folder')()       // Left(IoError "afile is a file, not a folder")
 */
import { constants } from 'node:fs'
import { access, readdir, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { isTempName } from './temp-files.js'
import type { IoError } from './wav.js'

const statOf = async (p: string) => stat(p).then((s) => s, (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' || e.code === 'ENOTDIR' ? undefined : e))
const canWrite = async (p: string) => access(p, constants.W_OK | constants.X_OK).then(() => true, () => false)

/**
 * Checks that `path` can be written as a file or a folder.
 * @param path output path  @param kind 'file' or 'folder'
 * @returns the path, or an IoError saying why not
 * @example await checkWritable('out/run', 'folder')()
 */
export const checkWritable = (path: string, kind: 'file' | 'folder'): TE.TaskEither<IoError, string> => async () => {
  const fail = (message: string): E.Either<IoError, never> => E.left({ _tag: 'IoError', path, message })
  const here = await statOf(path)
  if (here instanceof Error) return fail(here.message)
  if (here !== undefined) {
    if (kind === 'file' && here.isDirectory()) return fail('is a folder; give a file name')
    if (kind === 'folder' && !here.isDirectory()) return fail('exists and is not a folder')
    if (kind === 'file' && !(await access(path, constants.W_OK).then(() => true, () => false))) return fail('is not writable')
  }
  // the nearest existing ancestor must be a writable folder (renames happen in the parent)
  let up = resolve(dirname(path))
  for (;;) {
    const s = await statOf(up)
    if (s instanceof Error) return fail(s.message)
    if (s !== undefined) {
      if (!s.isDirectory()) return fail(`${up} is a file, not a folder`)
      return (await canWrite(up)) ? E.right(path) : fail(`cannot write in ${up}`)
    }
    const next = dirname(up)
    if (next === up) return fail('no existing folder above it')
    up = next
  }
}

/**
 * Checks that an existing folder holds only files a run writes (or is empty, or missing), so it may be replaced whole.
 * @param dir output folder  @param known the names a run writes
 * @example await replaceableRunFolder('out/m', ['checkpoint.json', 'model.json', 'manifest.json'])()
 */
export const replaceableRunFolder = (dir: string, known: readonly string[]): TE.TaskEither<IoError, string> => async () => {
  const names = await readdir(dir).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? [] : e))
  if (names instanceof Error) return E.left({ _tag: 'IoError', path: dir, message: names.message })
  const other = names.filter((n) => !known.includes(n) && !isTempName(n))
  return other.length === 0
    ? E.right(dir)
    : E.left({ _tag: 'IoError', path: dir, message: `holds files a run does not write (${other.slice(0, 3).join(', ')}${other.length > 3 ? ', …' : ''}); the folder is replaced whole, so give a new or empty folder or an earlier run's` })
}
