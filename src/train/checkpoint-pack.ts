/**
 * The compact checkpoint (version 2): a small JSON manifest, the weights as
 * binary in the tfjs `model.json` + `.bin` layout (a `weightsManifest` naming
 * each tensor's name, shape and dtype, their bytes concatenated
 * little-endian in one file: params float32 as trained, optimizer slots
 * float64 so a resumed run continues bit for bit), and the graph packed once
 * (`serial/graph-pack.ts`) in a file the manifest names with its SHA-256.
 * The optimizer state is optional; without it a load starts a fresh one.
 * Pure bytes in and out (no file system), so the browser loads it as Node
 * does; `checkpoint.ts` reads and writes the files.
 *
 * @example
 * const files = await packCheckpoint(c, { weightsPath: 'checkpoint.bin', graphPath: 'graph.bin' })
 * const back = await unpackCheckpoint(JSON.parse(files.manifest), async (name) => bytesOf(name)) // Either<TrainError, Checkpoint>
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Program } from '../core/program.js'
import { packProgram, unpackProgram } from '../serial/graph-pack.js'
import { bad, checkSpec, isObj, numbers } from './checkpoint-schema.js'
import type { TrainError } from './errors.js'
import { initOptimizer, type OptimizerState } from './optimizer.js'
import type { ParamArray } from './params.js'
import type { Checkpoint } from './checkpoint-type.js'

/** The format name and the compact version. @example COMPACT_VERSION // 2 */
export const COMPACT_VERSION = 2

/** One tensor of the weights file. @example const w: WeightSpec = { name: 'params/dec/gru/w', shape: [128, 192], dtype: 'float32' } */
export interface WeightSpec {
  readonly name: string
  readonly shape: readonly number[]
  readonly dtype: 'float32' | 'float64'
}

/** Where the pieces go and what to keep. @example const o: PackOptions = { weightsPath: 'checkpoint.bin', graphPath: 'graph.bin', optimizer: false } */
export interface PackOptions {
  /** the weights file, relative to the manifest */
  readonly weightsPath: string
  /** the packed graph file, relative to the manifest, or a name made from its SHA-256 (hex) */
  readonly graphPath: string | ((sha256: string) => string)
  /** keep the optimizer's slots (default true) */
  readonly optimizer?: boolean
}

/** A packed checkpoint: the manifest text and the two binary files. */
export interface PackedCheckpoint {
  readonly manifest: string
  readonly weights: Uint8Array
  readonly graph: Uint8Array
  /** SHA-256 of `graph`, hex */
  readonly graphSha256: string
  /** the graph file's name, as the manifest gives it */
  readonly graphPath: string
}

/**
 * SHA-256 of bytes as hex (Web Crypto, in Node and browsers).
 * @example await sha256Hex(new Uint8Array()) // 'e3b0c442…'
 */
export const sha256Hex = async (b: Uint8Array): Promise<string> =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', b as Uint8Array<ArrayBuffer>)), (x) => x.toString(16).padStart(2, '0')).join('')

const shapeOf = (p: Program, name: string, n: number): readonly number[] => p.params.find((d) => d.name === name)?.shape ?? p.inputs.find((d) => d.name === name)?.shape ?? [n]
const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1)
const BYTES = { float32: 4, float64: 8 } as const

/** The optimizer's slot arrays by slot and param. */
const slotsOf = (s: OptimizerState): Record<string, Readonly<Record<string, readonly number[]>>> => (s.kind === 'adam' ? { m: s.slots.m, v: s.slots.v } : { b: s.slots.b })

/**
 * Packs a checkpoint: manifest, weights, graph.
 * @param c the checkpoint  @param o file names and whether to keep the optimizer's slots
 * @example await packCheckpoint(c, { weightsPath: 'checkpoint.bin', graphPath: 'graph.bin' })
 */
export const packCheckpoint = async (c: Checkpoint, o: PackOptions): Promise<PackedCheckpoint> => {
  const tensors: { spec: WeightSpec; data: ArrayLike<number> }[] = Object.entries(c.params).map(([k, v]) => ({
    spec: { name: `params/${k}`, shape: shapeOf(c.program, k, v.length), dtype: v instanceof Float32Array ? 'float32' : 'float64' },
    data: v,
  }))
  const keep = o.optimizer ?? true
  if (keep) for (const [slot, table] of Object.entries(slotsOf(c.state))) for (const [k, v] of Object.entries(table)) tensors.push({ spec: { name: `optimizer/${slot}/${k}`, shape: [v.length], dtype: 'float64' }, data: v })
  const weights = new Uint8Array(tensors.reduce((s, t) => s + BYTES[t.spec.dtype] * t.data.length, 0))
  let at = 0
  for (const t of tensors) {
    const typed = t.spec.dtype === 'float32' ? Float32Array.from(t.data) : Float64Array.from(t.data)
    weights.set(new Uint8Array(typed.buffer), at)
    at += typed.byteLength
  }
  const graph = await packProgram(c.program)
  const graphSha256 = await sha256Hex(graph)
  const manifest = JSON.stringify({
    format: 'ddsp-ts/checkpoint',
    version: COMPACT_VERSION,
    step: c.step,
    seed: c.seed,
    graph: { path: typeof o.graphPath === 'string' ? o.graphPath : o.graphPath(graphSha256), sha256: graphSha256, bytes: graph.length },
    optimizer: { spec: c.optimizer, ...(keep ? { state: { kind: c.state.kind, step: c.state.step } } : {}) },
    weightsManifest: [{ paths: [o.weightsPath], weights: tensors.map((t) => t.spec) }],
    losses: c.losses,
  })
  return { manifest, weights, graph, graphSha256, graphPath: typeof o.graphPath === 'string' ? o.graphPath : o.graphPath(graphSha256) }
}

/** A reader of the files a manifest names (relative paths); undefined when missing. */
export type FileReader = (path: string) => Promise<Uint8Array | undefined>

/**
 * The tensors of a weights file by the manifest's names, checked: known dtypes, shapes, the file's exact length.
 * @param manifest the parsed manifest  @param bytes the weights file
 * @example weightsOf(doc, bin) // Right({ 'params/w': Float32Array, … })
 */
export const weightsOf = (manifest: Record<string, unknown>, bytes: Uint8Array): E.Either<TrainError, { tensors: Record<string, ParamArray>; shapes: Record<string, number[]> }> => {
  const groups = manifest['weightsManifest']
  if (!Array.isArray(groups) || groups.length !== 1 || !isObj(groups[0]) || !Array.isArray(groups[0]['weights'])) return bad('$.weightsManifest', 'must be one group { paths: [file], weights: [{ name, shape, dtype }] }')
  const list = groups[0]['weights'] as unknown[]
  const tensors: Record<string, ParamArray> = {}
  const shapes: Record<string, number[]> = {}
  let at = 0
  for (const [i, w] of list.entries()) {
    const path = `$.weightsManifest[0].weights[${i}]`
    if (!isObj(w) || typeof w['name'] !== 'string' || (w['dtype'] !== 'float32' && w['dtype'] !== 'float64')) return bad(path, "must be { name, shape, dtype: 'float32' | 'float64' }")
    const shape = w['shape']
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0) || size(shape as number[]) > 2 ** 28) return bad(`${path}.shape`, 'must be a shape of at most 2^28 values')
    const n = size(shape as number[])
    const width = BYTES[w['dtype']]
    if (at + n * width > bytes.length) return bad(`${path}`, `needs bytes ${at}…${at + n * width}, the weights file has ${bytes.length}`)
    const copy = new Uint8Array(bytes.subarray(at, at + n * width)) // a fresh buffer (a Node Buffer's slice shares its pool)
    const data = w['dtype'] === 'float32' ? new Float32Array(copy.buffer) : new Float64Array(copy.buffer)
    const j = data.findIndex((x) => !Number.isFinite(x))
    if (j >= 0) return bad(`${path}`, `value ${j} is ${data[j]}; weights must be finite`)
    tensors[w['name']] = data
    shapes[w['name']] = [...(shape as number[])]
    at += n * width
  }
  return at === bytes.length ? E.right({ tensors, shapes }) : bad('$.weightsManifest', `lists ${at} bytes, the weights file has ${bytes.length}`)
}

/**
 * Unpacks a compact checkpoint: reads the weights and graph files through `read`, checks the graph's SHA-256, every
 * tensor against the graph's declarations and the optimizer's slots against the params.
 * @param manifest the parsed manifest  @param read the files it names
 * @example await unpackCheckpoint(JSON.parse(text), (p) => readFile(join(dir, p)))
 */
export const unpackCheckpoint = async (manifest: unknown, read: FileReader): Promise<E.Either<TrainError, Checkpoint>> => {
  if (!isObj(manifest) || manifest['version'] !== COMPACT_VERSION) return bad('$.version', `expected ${COMPACT_VERSION}`)
  const d = manifest
  for (const k of ['step', 'seed'] as const) if (!Number.isInteger(d[k]) || (d[k] as number) < 0) return bad(`$.${k}`, 'must be a non-negative integer')
  const g = d['graph']
  if (!isObj(g) || typeof g['path'] !== 'string' || typeof g['sha256'] !== 'string') return bad('$.graph', 'must be { path, sha256, bytes }')
  const groups = d['weightsManifest']
  const wpath = Array.isArray(groups) && isObj(groups[0]) && Array.isArray(groups[0]['paths']) ? (groups[0]['paths'] as unknown[])[0] : undefined
  if (typeof wpath !== 'string') return bad('$.weightsManifest[0].paths', 'must name the weights file')
  const [graphBytes, weightBytes] = await Promise.all([read(g['path']), read(wpath)])
  if (graphBytes === undefined) return bad('$.graph.path', `${g['path']} is missing beside the checkpoint`)
  if (weightBytes === undefined) return bad('$.weightsManifest[0].paths[0]', `${wpath} is missing beside the checkpoint`)
  if ((await sha256Hex(graphBytes)) !== g['sha256']) return bad('$.graph.sha256', `${g['path']} is not the graph this checkpoint was saved with (its SHA-256 differs)`)
  const program = await unpackProgram(graphBytes)
  if (E.isLeft(program)) return bad(`$.graph(${g['path']})${program.left.path.slice(1)}`, program.left.message)
  const w = weightsOf(d, weightBytes)
  if (E.isLeft(w)) return w
  const params: Record<string, ParamArray> = {}
  const slots: Record<string, Record<string, number[]>> = {}
  for (const [name, data] of Object.entries(w.right.tensors)) {
    const [group, ...rest] = name.split('/')
    if (group === 'params') {
      const k = rest.join('/')
      const decl = program.right.params.find((x) => x.name === k) ?? program.right.inputs.find((x) => x.name === k)
      if (decl === undefined) return bad(`$.weightsManifest.${name}`, 'is not a param or input of the graph')
      if (decl.shape.join(',') !== w.right.shapes[name]!.join(',')) return bad(`$.weightsManifest.${name}.shape`, `is [${w.right.shapes[name]!.join(', ')}] but the graph declares [${decl.shape.join(', ')}]`)
      params[k] = data
    } else if (group === 'optimizer' && rest.length >= 2) (slots[rest[0]!] ??= {})[rest.slice(1).join('/')] = Array.from(data)
    else return bad(`$.weightsManifest.${name}`, "must start with 'params/' or 'optimizer/<slot>/'")
  }
  const opt = d['optimizer']
  if (!isObj(opt)) return bad('$.optimizer', 'must be { spec, state? }')
  const spec = checkSpec(opt['spec'], '$.optimizer.spec')
  if (E.isLeft(spec)) return spec
  const losses = numbers(d['losses'], '$.losses')
  if (E.isLeft(losses)) return losses
  const st = opt['state']
  let state: OptimizerState = initOptimizer(spec.right, params)
  if (st !== undefined) {
    if (!isObj(st) || st['kind'] !== spec.right.kind || !Number.isInteger(st['step'])) return bad('$.optimizer.state', `must be { kind: '${spec.right.kind}', step }`)
    const names = spec.right.kind === 'adam' ? ['m', 'v'] : ['b']
    for (const s of names) for (const [k, p] of Object.entries(params)) if (slots[s]?.[k]?.length !== p.length) return bad(`$.weightsManifest.optimizer/${s}/${k}`, `missing or not ${p.length} values`)
    state = spec.right.kind === 'adam' ? { kind: 'adam', step: st['step'] as number, slots: { m: slots['m']!, v: slots['v']! } } : { kind: 'sgd', step: st['step'] as number, slots: { b: slots['b']! } }
  }
  return E.right({ program: program.right, params, optimizer: spec.right, state, step: d['step'] as number, seed: d['seed'] as number, losses: losses.right })
}
