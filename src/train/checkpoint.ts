/**
 * Checkpoints: the trained params, the graph (core Program, so any backend
 * can load and render it), the optimizer spec and state, the step, the seed
 * and the loss history. `saveCheckpoint` writes the compact form (version 2,
 * `checkpoint-pack.ts`): a JSON manifest, a `.bin` of binary weights in the
 * tfjs layout and the packed graph in a file named by the manifest with its
 * SHA-256 (by default `graph-<hash>.bin`, so checkpoints of one graph in a
 * folder share one file, written once); the 64-unit autoencoder's checkpoint
 * goes from 15.4 MB to about 1.3 MB (0.3 MB without the optimizer state).
 * `loadCheckpoint` reads both that and the version-1 JSON (everything in one
 * document, decimal numbers). Files are written atomically and read back with
 * schema validation, so a bad file is a `BadCheckpoint` naming the field;
 * save → load is exact and a resumed run continues bit for bit.
 *
 * @example
 * await saveCheckpoint('runs/a.json', { program, params, optimizer, state, step, seed: 1, losses })() // runs/a.json, runs/a.bin, runs/graph-….bin
 * const c = await loadCheckpoint('runs/a.json')()   // Either<TrainError, Checkpoint>
 */
import { readFile, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { decode, encode } from '../serial/encode.js'
import type { Program } from '../core/program.js'
import { writeAtomic } from '../io/atomic.js'
import { bad, checkParams, checkSpec, checkState, isObj, numbers } from './checkpoint-schema.js'
import { COMPACT_VERSION, packCheckpoint, sha256Hex, unpackCheckpoint } from './checkpoint-pack.js'
import { ioFailed, type TrainError, writeFailed } from './errors.js'
import type { Checkpoint } from './checkpoint-type.js'

const FORMAT = 'ddsp-ts/checkpoint'
/** Version of the checkpoint JSON written by `encodeCheckpoint`. @example CHECKPOINT_VERSION // 1 */
export const CHECKPOINT_VERSION = 1

export type { Checkpoint } from './checkpoint-type.js'

const shapeOf = (p: Program, name: string, n: number): readonly number[] => p.params.find((d) => d.name === name)?.shape ?? p.inputs.find((d) => d.name === name)?.shape ?? [n]

/**
 * Serialises a checkpoint as JSON text.
 * @param c the checkpoint
 * @example encodeCheckpoint(c) // '{"format":"ddsp-ts/checkpoint","version":1,…}'
 */
export const encodeCheckpoint = (c: Checkpoint): string =>
  JSON.stringify({
    format: FORMAT,
    version: CHECKPOINT_VERSION,
    step: c.step,
    seed: c.seed,
    params: Object.fromEntries(
      Object.entries(c.params).map(([k, v]) => [k, { dtype: v instanceof Float32Array ? 'float32' : 'float64', shape: shapeOf(c.program, k, v.length), data: Array.from(v) }]),
    ),
    graph: JSON.parse(encode(c.program)) as unknown,
    optimizer: { spec: c.optimizer, state: c.state },
    losses: c.losses,
  })

const checkHeader = (doc: unknown): E.Either<TrainError, Record<string, unknown>> => {
  if (!isObj(doc) || doc['format'] !== FORMAT) return bad('$.format', `expected '${FORMAT}'`)
  if (doc['version'] !== CHECKPOINT_VERSION) return bad('$.version', `unsupported version ${JSON.stringify(doc['version'])}; this ddsp-ts reads ${CHECKPOINT_VERSION}`)
  for (const k of ['step', 'seed'] as const) if (!Number.isInteger(doc[k]) || (k === 'step' && (doc[k] as number) < 0)) return bad(`$.${k}`, 'must be a non-negative integer')
  return isObj(doc['optimizer']) ? E.right(doc) : bad('$.optimizer', 'must be { spec, state }')
}

/** Every saved param must be a param of the graph with the declared shape. */
const checkAgainstGraph = (p: Program, shapes: Readonly<Record<string, number[]>>): E.Either<TrainError, Program> => {
  for (const [k, s] of Object.entries(shapes)) {
    const d = p.params.find((x) => x.name === k) ?? p.inputs.find((x) => x.name === k)
    if (d === undefined) return bad(`$.params.${k}`, `is not a param or input of the graph`)
    if (d.shape.join(',') !== s.join(',')) return bad(`$.params.${k}.shape`, `is [${s.join(', ')}] but the graph declares [${d.shape.join(', ')}]`)
  }
  return E.right(p)
}

/**
 * Parses and validates checkpoint JSON (text or a parsed value).
 * @returns the checkpoint, or `BadCheckpoint` with the JSON path of the culprit
 * @param json checkpoint text or its parsed value
 * @example decodeCheckpoint(text)
 */
export const decodeCheckpoint = (json: unknown): E.Either<TrainError, Checkpoint> => {
  let doc = json
  if (typeof json === 'string') {
    try {
      doc = JSON.parse(json)
    } catch (err) {
      return bad('$', `not JSON: ${err instanceof Error ? err.message : String(err)}`)
    }
  }
  const h = checkHeader(doc)
  if (E.isLeft(h)) return h
  const d = h.right
  const params = checkParams(d['params'], '$.params')
  if (E.isLeft(params)) return params
  const graph = E.mapLeft((e: { path: string; message: string }): TrainError => ({ _tag: 'BadCheckpoint', path: `$.graph${e.path.slice(1)}`, message: e.message }))(decode(d['graph']))
  const program = E.flatMap((p: Program) => checkAgainstGraph(p, params.right.shapes))(graph)
  if (E.isLeft(program)) return program
  const opt = d['optimizer'] as Record<string, unknown>
  const spec = checkSpec(opt['spec'], '$.optimizer.spec')
  if (E.isLeft(spec)) return spec
  const sizes = Object.fromEntries(Object.entries(params.right.params).map(([k, v]) => [k, v.length]))
  const state = checkState(opt['state'], '$.optimizer.state', spec.right.kind, sizes)
  if (E.isLeft(state)) return state
  const losses = numbers(d['losses'], '$.losses')
  if (E.isLeft(losses)) return losses
  const [step, seed] = [d['step'] as number, d['seed'] as number]
  return E.right({ program: program.right, params: params.right.params, optimizer: spec.right, state: state.right, step, seed, losses: losses.right })
}

/** How `saveCheckpoint` writes. @example const o: SaveOptions = { graphPath: 'graph.bin', optimizer: false } */
export interface SaveOptions {
  /** the packed graph's file beside the manifest (default `graph-<first 16 hex digits of its SHA-256>.bin`) */
  readonly graphPath?: string
  /** keep the optimizer's slots (default true; without them a load starts a fresh optimizer state) */
  readonly optimizer?: boolean
}

/** The weights file beside a manifest: `a.json` → `a.bin`. @example weightsPathOf('out/m/checkpoint.json') // 'checkpoint.bin' */
export const weightsPathOf = (path: string): string => `${basename(path).replace(/\.json$/i, '')}.bin`

/**
 * Writes a checkpoint atomically in the compact form: the manifest at `path`, the weights beside it (`a.json` →
 * `a.bin`) and the packed graph (skipped when a file of that name already holds it).
 * @param path manifest path (directories are created)  @param o graph file name, whether to keep the optimizer's slots
 * @returns the paths written (manifest first)
 * @example await saveCheckpoint('runs/step-300.json', c)()
 */
export const saveCheckpoint = (path: string, c: Checkpoint, o: SaveOptions = {}): TE.TaskEither<TrainError, string> => async () => {
  try {
    const dir = dirname(path)
    const packed = await packCheckpoint(c, { weightsPath: weightsPathOf(path), graphPath: o.graphPath ?? ((sha) => `graph-${sha.slice(0, 16)}.bin`), ...(o.optimizer === undefined ? {} : { optimizer: o.optimizer }) })
    const { graphPath, manifest } = packed
    const there = await readFile(join(dir, graphPath)).catch(() => undefined)
    if (there === undefined || (await sha256Hex(there)) !== packed.graphSha256) {
      const g = await writeAtomic(join(dir, graphPath), packed.graph)()
      if (E.isLeft(g)) return E.left(writeFailed({ ...g.left, path, message: `${graphPath}: ${g.left.message}` }))
    }
    const w = await writeAtomic(join(dir, weightsPathOf(path)), packed.weights)()
    if (E.isLeft(w)) return E.left(writeFailed({ ...w.left, path, message: `${weightsPathOf(path)}: ${w.left.message}` }))
    return E.mapLeft(writeFailed)(await writeAtomic(path, manifest)())
  } catch (e) {
    return E.left(ioFailed(path)(e))
  }
}

/** Largest checkpoint file read (manifest, weights or graph), bytes. @example MAX_CHECKPOINT_FILE_BYTES // 1073741824 */
export const MAX_CHECKPOINT_FILE_BYTES = 2 ** 30

/**
 * Reads and validates a checkpoint: the compact form (manifest, weights, graph) or a version-1 JSON document.
 * @param path manifest (or version-1 file) path
 * @example const c = await loadCheckpoint('runs/step-300.json')()
 */
export const loadCheckpoint = (path: string): TE.TaskEither<TrainError, Checkpoint> =>
  TE.flatMap((text: string) => async () => {
    let doc: unknown
    try {
      doc = JSON.parse(text)
    } catch (err) {
      return bad('$', `not JSON: ${err instanceof Error ? err.message : String(err)}`)
    }
    if (!isObj(doc) || doc['format'] !== FORMAT || doc['version'] !== COMPACT_VERSION) return decodeCheckpoint(doc)
    const dir = dirname(path)
    return unpackCheckpoint(doc, async (name) => {
      if (basename(name) !== name) return undefined // only files beside the manifest
      const st = await stat(join(dir, name)).catch(() => undefined)
      return st === undefined || !st.isFile() || st.size > MAX_CHECKPOINT_FILE_BYTES ? undefined : readFile(join(dir, name))
    })
  })(TE.tryCatch(() => readFile(path, 'utf8'), ioFailed(path)))

/**
 * The files of a compact checkpoint besides its manifest (weights, graph), read from the manifest; none for version 1.
 * @example await checkpointFiles('out/m/checkpoint.json') // ['checkpoint.bin', 'graph.bin']
 */
export const checkpointFiles = async (path: string): Promise<string[]> => {
  const doc = await readFile(path, 'utf8').then((t) => JSON.parse(t) as unknown).catch(() => undefined)
  if (!isObj(doc) || doc['version'] !== COMPACT_VERSION) return []
  const g = isObj(doc['graph']) && typeof doc['graph']['path'] === 'string' ? [doc['graph']['path']] : []
  const groups = doc['weightsManifest']
  const w = Array.isArray(groups) && isObj(groups[0]) && Array.isArray(groups[0]['paths']) ? (groups[0]['paths'] as unknown[]).filter((p): p is string => typeof p === 'string') : []
  return [...w, ...g]
}
