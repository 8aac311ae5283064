/**
 * A run folder written as a set: every file goes into a temporary folder
 * beside the destination, a `manifest.json` with each file's SHA-256 and size
 * is added, and the folder is renamed into place (an earlier run's folder is
 * first moved aside, then removed). A reader sees the old set or the new one,
 * never a mix; a process killed mid-write leaves at worst a hidden
 * `.NAME.PID.XXXX.ddsp-tmp` folder and the old set intact. `verifyManifest`
 * checks on load that the files are the ones the manifest lists.
 *
 * @example
 * await writeFolderAtomic('out/m', RUN_FILES, (tmp) => writeEverything(tmp))()
 * await verifyManifest('out/m', ['model.json', 'checkpoint.json'])()
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { tempName, track, untrack } from './temp-files.js'
import type { IoError } from './io-error.js'
import { replaceableRunFolder } from './writable.js'

/** The manifest's name inside a run folder. @example MANIFEST // 'manifest.json' */
export const MANIFEST = 'manifest.json'

/** The resume state of an interrupted run inside its folder (`ddsp train|match --resume DIR`); a finished run's folder has none. @example RESUME // 'resume.json' */
export const RESUME = 'resume.json'

/** One manifest entry. @example const e: ManifestEntry = { sha256: 'ab…', bytes: 120 } */
export interface ManifestEntry {
  readonly sha256: string
  readonly bytes: number
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const io = (path: string, e: unknown): IoError => ({ _tag: 'IoError', path, message: e instanceof Error ? e.message : String(e) })

/**
 * Writes a folder as a set.
 * @param dir destination  @param known every name a run may write there (an existing folder holding others is refused; the manifest and an interrupted run's resume state are known too, and the new set replaces them)
 * @param fill writes the files into the temporary folder it is given, returning their names
 * @returns the written paths under `dir` (manifest last), or the first error (the temporary folder removed)
 * @example await writeFolderAtomic('out/m', ['a.json'], (tmp) => TE.map(() => ['a.json'])(writeAtomic(join(tmp, 'a.json'), '{}')))()
 */
export const writeFolderAtomic =
  <L>(dir: string, known: readonly string[], fill: (tmp: string) => TE.TaskEither<L, readonly string[]>): TE.TaskEither<L | IoError, readonly string[]> =>
  async () => {
    const ok = await replaceableRunFolder(dir, [...known, MANIFEST, RESUME])()
    if (E.isLeft(ok)) return ok
    const tmp = tempName(dir)
    track(tmp)
    try {
      await mkdir(tmp, { recursive: true })
      const names = await fill(tmp)()
      if (E.isLeft(names)) return names
      const entries: Record<string, ManifestEntry> = {}
      for (const n of [...names.right].sort()) {
        const b = await readFile(join(tmp, n))
        entries[n] = { sha256: sha256(b), bytes: b.length }
      }
      await writeFile(join(tmp, MANIFEST), `${JSON.stringify({ format: 'ddsp-ts/manifest', version: 1, files: entries }, null, 1)}\n`)
      await mkdir(dirname(dir), { recursive: true })
      if ((await stat(dir).catch(() => undefined)) !== undefined) {
        const old = tempName(dir)
        track(old)
        await rename(dir, old)
        await rename(tmp, dir)
        await rm(old, { recursive: true, force: true })
        untrack(old)
      } else await rename(tmp, dir)
      return E.right([...names.right, MANIFEST].map((n) => join(dir, n)))
    } catch (e) {
      return E.left(io(dir, e))
    } finally {
      await rm(tmp, { recursive: true, force: true })
      untrack(tmp)
    }
  }

/**
 * Checks the named files of a run folder against its manifest (a folder without one, from before manifests, passes).
 * @param dir run folder  @param names files to check
 * @returns the folder, or an IoError naming the first file that differs from the manifest
 * @example await verifyManifest('out/m', ['model.json', 'checkpoint.json'])()
 */
export const verifyManifest = (dir: string, names: readonly string[]): TE.TaskEither<IoError, string> => async () => {
  const text = await readFile(join(dir, MANIFEST), 'utf8').catch(() => undefined)
  if (text === undefined) return E.right(dir)
  let files: Record<string, ManifestEntry>
  try {
    files = (JSON.parse(text) as { files: Record<string, ManifestEntry> }).files
    if (typeof files !== 'object' || files === null) throw new Error('no files')
  } catch {
    return E.left({ _tag: 'IoError', path: join(dir, MANIFEST), message: 'is not a ddsp-ts manifest' })
  }
  for (const n of names) {
    const want = files[n]
    const b = await readFile(join(dir, n)).catch((e: unknown) => io(join(dir, n), e))
    if ('_tag' in b) return E.left(b)
    if (want === undefined || want.sha256 !== sha256(b) || want.bytes !== b.length)
      return E.left({ _tag: 'IoError', path: join(dir, n), message: `does not match ${MANIFEST} (a file from another run, or changed since); train again or restore the folder` })
  }
  return E.right(dir)
}

/**
 * Lists leftover temporary entries (ours) in a folder, e.g. after a SIGKILL.
 * @example await leftoverTemps('out') // ['.run.123.ab12cd.ddsp-tmp']
 */
export const leftoverTemps = async (dir: string): Promise<string[]> => (await readdir(dir).catch(() => [])).filter((n) => n.endsWith('.ddsp-tmp'))
