/**
 * DIR/resume.json: the state of an interrupted `ddsp train` or `ddsp match`
 * — the command, its input path and flags as typed, the SHA-256 and size of
 * every input file, the step reached, and the library's snapshot (params,
 * optimizer state, losses, best so far; `train/snapshot-codec.ts`). Written
 * atomically every `--checkpoint-every` steps (a kill at any instant leaves
 * the previous one or the new one); the run folder written at the end
 * replaces the folder whole, so a finished run has none. `--resume DIR` reads
 * it back, refusing inputs that changed since.
 *
 * @example
 * const save = resumeSaver('out/m', { command: 'train', input: '/abs/a.wav', flags, inputs })
 * await save(10, encodeSnapshot(snapshot))
 * const doc = await readResume('out/m', 'train')()   // Either<CliError, ResumeDoc>
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { writeAtomic } from '../io/atomic.js'
import { RESUME } from '../io/run-folder.js'
import { isObj } from '../train/checkpoint-schema.js'
import { writeFailed, type TrainError } from '../train/errors.js'
import { encodeJson } from '../train/snapshot-codec.js'
import { usage, type CliError } from './errors.js'

const FORMAT = 'ddsp-ts/resume'
const VERSION = 1

/** An input file as it was when the run started. @example const f: Fingerprint = { path: '/data/a.wav', bytes: 32044, sha256: '9f…' } */
export interface Fingerprint {
  readonly path: string
  readonly bytes: number
  readonly sha256: string
}

/** What a run records to be resumed. @example const d: ResumeHead = { command: 'match', input: '/abs/hit.wav', flags: { steps: '150' }, inputs } */
export interface ResumeHead {
  readonly command: 'train' | 'match'
  /** the input path as resolved at the start (absolute) */
  readonly input: string
  /** the command's flags as typed (strings), parsed again on resume */
  readonly flags: Readonly<Record<string, string>>
  readonly inputs: readonly Fingerprint[]
}

/** A resume file read back: the head, the step reached and the snapshot (JSON, decoded by the command). @example doc.step // 30 */
export interface ResumeDoc extends ResumeHead {
  readonly step: number
  readonly progress: unknown
}

/**
 * The SHA-256 and size of each file, read as a stream (any size).
 * @param paths files  @returns their fingerprints, or an IoError
 * @example await fingerprints(['a.wav'])() // Right([{ path: 'a.wav', bytes: 32044, sha256: '…' }])
 */
export const fingerprints = (paths: readonly string[]): TE.TaskEither<CliError, Fingerprint[]> => async () => {
  const out: Fingerprint[] = []
  for (const path of paths) {
    try {
      const h = createHash('sha256')
      let bytes = 0
      for await (const chunk of createReadStream(path)) {
        h.update(chunk as Buffer)
        bytes += (chunk as Buffer).length
      }
      out.push({ path, bytes, sha256: h.digest('hex') })
    } catch (e) {
      return E.left({ _tag: 'IoError', path, message: e instanceof Error ? e.message : String(e) })
    }
  }
  return E.right(out)
}

/**
 * A writer of DIR/resume.json for one run: each call replaces it atomically.
 * @param dir run folder  @param head command, input, flags, fingerprints
 * @returns `(step, progress) → Either<TrainError, path>`; `last()` is the step of the last file written
 * @example const save = resumeSaver('out/m', head); await save(10, encodeSnapshot(s))
 */
export const resumeSaver = (dir: string, head: ResumeHead) => {
  let last: number | undefined
  const save = async (step: number, progress: unknown): Promise<E.Either<TrainError, string>> => {
    const text = encodeJson({ format: FORMAT, version: VERSION, ...head, step, progress })
    const r = await writeAtomic(join(dir, RESUME), text)()
    if (E.isRight(r)) last = step
    return E.mapLeft(writeFailed)(r)
  }
  return Object.assign(save, { last: () => last })
}

const bad = (path: string, message: string): E.Either<CliError, never> => E.left({ _tag: 'IoError', path, message })

const checkHead = (path: string, d: unknown, command: ResumeHead['command']): E.Either<CliError, ResumeDoc> => {
  if (!isObj(d) || d['format'] !== FORMAT) return bad(path, `is not a ddsp-ts resume file (expected format '${FORMAT}')`)
  if (d['version'] !== VERSION) return bad(path, `has version ${JSON.stringify(d['version'])}; this ddsp-ts reads ${VERSION}`)
  if (d['command'] !== command) return bad(path, `is the state of a 'ddsp ${String(d['command'])}' run; resume it with that command`)
  const flags = d['flags']
  if (typeof d['input'] !== 'string' || !isObj(flags) || Object.values(flags).some((v) => typeof v !== 'string')) return bad(path, 'has no input path or flags')
  const inputs = d['inputs']
  const fp = (f: unknown): f is Fingerprint => isObj(f) && typeof f['path'] === 'string' && Number.isInteger(f['bytes']) && typeof f['sha256'] === 'string'
  if (!Array.isArray(inputs) || !inputs.every(fp)) return bad(path, 'has no input fingerprints')
  if (!Number.isInteger(d['step']) || (d['step'] as number) < 0) return bad(path, 'has no step')
  return E.right({ command, input: d['input'], flags: flags as Record<string, string>, inputs, step: d['step'] as number, progress: d['progress'] })
}

/**
 * Reads DIR/resume.json and checks that every input is the file the run started on.
 * @param dir run folder  @param command the command resuming it
 * @returns the document, or one line: no interrupted run there, another command's, an input changed or gone
 * @example await readResume('out/m', 'train')()
 */
export const readResume = (dir: string, command: ResumeHead['command']): TE.TaskEither<CliError, ResumeDoc> => async () => {
  const path = join(dir, RESUME)
  const text = await readFile(path, 'utf8').catch(() => undefined)
  if (text === undefined) {
    const finished = await stat(join(dir, 'manifest.json')).then(() => true, () => false)
    return E.left(usage(`${dir}: no interrupted run to resume (no ${RESUME}${finished ? '; the run there finished' : ''})`))
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return bad(path, 'is not JSON (a damaged resume file)')
  }
  const doc = checkHead(path, json, command)
  if (E.isLeft(doc)) return doc
  const now = await fingerprints(doc.right.inputs.map((f) => f.path))()
  if (E.isLeft(now)) return E.left(usage(`${now.left._tag === 'IoError' ? now.left.path : 'an input'}: the run's input is gone; resume needs the same input`))
  const changed = now.right.findIndex((f, i) => f.sha256 !== doc.right.inputs[i]!.sha256 || f.bytes !== doc.right.inputs[i]!.bytes)
  return changed >= 0 ? E.left(usage(`${now.right[changed]!.path}: changed since the run started (SHA-256 differs); resume needs the same input`)) : doc
}

/**
 * Refuses to start a fresh run in a folder that holds an interrupted one (its state would be overwritten).
 * @param dir the run folder  @param command the command
 * @example await refuseInterrupted('out/m', 'train')() // Left('out/m holds an interrupted run (step 30); …')
 */
export const refuseInterrupted = (dir: string, command: ResumeHead['command']): TE.TaskEither<CliError, string> => async () => {
  const text = await readFile(join(dir, RESUME), 'utf8').catch(() => undefined)
  if (text === undefined) return E.right(dir)
  const step = /"step":(\d+)/.exec(text)?.[1]
  return E.left(usage(`${dir} holds an interrupted run${step === undefined ? '' : ` (step ${step})`}; continue it with 'ddsp ${command} --resume ${dir}', or remove ${join(dir, RESUME)} to start afresh`))
}
