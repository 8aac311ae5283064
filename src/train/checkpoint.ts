/**
 * Checkpoints: the trained params, the graph (core Program JSON, so any
 * backend can load and render it), the optimizer spec and state, the step, the
 * seed and the loss history, in one versioned JSON document. Files are
 * written atomically (a temporary file renamed into place) and read back with
 * schema validation, so a bad file is a `BadCheckpoint` naming the field.
 * Numbers are written as shortest round-trip decimals, so save → load is
 * exact and a resumed run continues bit for bit.
 *
 * @example
 * await saveCheckpoint('runs/a.json', { program, params, optimizer, state, step, seed: 1, losses })()
 * const c = await loadCheckpoint('runs/a.json')()   // Either<TrainError, Checkpoint>
 */
import { readFile } from 'node:fs/promises'
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { decode, encode } from '../serial/encode.js'
import type { Program } from '../core/program.js'
import { writeAtomic } from '../io/atomic.js'
import { bad, checkParams, checkSpec, checkState, isObj, numbers } from './checkpoint-schema.js'
import { ioFailed, type TrainError, writeFailed } from './errors.js'
import type { OptimizerSpec, OptimizerState } from './optimizer.js'
import type { ParamArray } from './params.js'

const FORMAT = 'ddsp-ts/checkpoint'
/** Version of the checkpoint JSON written by `encodeCheckpoint`. @example CHECKPOINT_VERSION // 1 */
export const CHECKPOINT_VERSION = 1

/** Everything needed to resume training or render the trained graph. @example const c: Checkpoint = { program, params, optimizer, state, step: state.step, seed: 1, losses } */
export interface Checkpoint {
  /** the forward program (params as `param` declarations) */
  readonly program: Program
  readonly params: Readonly<Record<string, ParamArray>>
  readonly optimizer: OptimizerSpec
  readonly state: OptimizerState
  /** updates applied */
  readonly step: number
  /** the seed the run was started with (init, noise, starts) */
  readonly seed: number
  readonly losses: readonly number[]
}

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

/**
 * Writes a checkpoint atomically (temporary file, then rename).
 * @param path file path (directories are created)  @returns the path
 * @example await saveCheckpoint('runs/step-300.json', c)()
 */
export const saveCheckpoint = (path: string, c: Checkpoint): TE.TaskEither<TrainError, string> =>
  TE.flatMap((text: string) => TE.mapLeft(writeFailed)(writeAtomic(path, text)))(
    TE.tryCatch(async () => encodeCheckpoint(c), ioFailed(path)),
  )

/**
 * Reads and validates a checkpoint file.
 * @param path file path
 * @example const c = await loadCheckpoint('runs/step-300.json')()
 */
export const loadCheckpoint = (path: string): TE.TaskEither<TrainError, Checkpoint> =>
  TE.flatMap((text: string) => TE.fromEither(decodeCheckpoint(text)))(TE.tryCatch(() => readFile(path, 'utf8'), ioFailed(path)))
