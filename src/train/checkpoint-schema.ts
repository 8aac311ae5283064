/**
 * Schema checks of untrusted checkpoint JSON: each check returns the decoded
 * value or a `BadCheckpoint` error whose `path` names the offending field
 * (e.g. `$.optimizer.state.slots.m.w[3]`).
 *
 * @example
 * checkParams({ w: { dtype: 'float32', shape: [2], data: [1, 2] } }, '$.params') // Right({ w: Float32Array })
 */
import * as E from 'fp-ts/lib/Either.js'
import { isShape, sizeOf } from '../core/shape.js'
import type { TrainError } from './errors.js'
import type { OptimizerSpec, OptimizerState } from './optimizer.js'
import { optimizerProblem } from './optimizer.js'
import type { ParamArray } from './params.js'
import type { Schedule } from './schedule.js'

type Check<A> = E.Either<TrainError, A>

/**
 * A `BadCheckpoint` error at a JSON path.
 * @param path JSON path  @param message what is wrong
 * @example bad('$.step', 'must be a non-negative integer')
 */
export const bad = (path: string, message: string): Check<never> => E.left({ _tag: 'BadCheckpoint', path, message })

/**
 * Whether `v` is a plain object.
 * @param v any JSON value
 * @example isObj({}) // true
 */
export const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * A finite number array.
 * @param v untrusted value  @param path its JSON path
 * @example numbers([1, 2], '$.losses')
 */
export const numbers = (v: unknown, path: string): Check<number[]> => {
  if (!Array.isArray(v)) return bad(path, 'must be an array of numbers')
  const i = v.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x))
  return i >= 0 ? bad(`${path}[${i}]`, `must be a finite number, got ${JSON.stringify(v[i])}`) : E.right(v as number[])
}

/**
 * Params: `{ name: { dtype, shape, data } }` with data of the shape's size.
 * @param v untrusted value  @param path its JSON path
 * @example checkParams(json.params, '$.params')
 */
export const checkParams = (v: unknown, path: string): Check<{ params: Record<string, ParamArray>; shapes: Record<string, number[]> }> => {
  if (!isObj(v)) return bad(path, 'must be an object of named params')
  const params: Record<string, ParamArray> = {}
  const shapes: Record<string, number[]> = {}
  for (const [k, p] of Object.entries(v)) {
    const at = `${path}.${k}`
    if (!isObj(p)) return bad(at, 'must be { dtype, shape, data }')
    if (p['dtype'] !== 'float32' && p['dtype'] !== 'float64') return bad(`${at}.dtype`, `must be 'float32' or 'float64', got ${JSON.stringify(p['dtype'])}`)
    if (!isShape(p['shape'])) return bad(`${at}.shape`, 'must be an array of non-negative integers')
    const data = numbers(p['data'], `${at}.data`)
    if (E.isLeft(data)) return data
    const size = sizeOf(p['shape'])
    if (data.right.length !== size) return bad(`${at}.data`, `has ${data.right.length} values, shape [${p['shape'].join(', ')}] needs ${size}`)
    params[k] = p['dtype'] === 'float32' ? Float32Array.from(data.right) : Float64Array.from(data.right)
    shapes[k] = [...p['shape']]
  }
  return E.right({ params, shapes })
}

/**
 * An optimizer spec (kind, schedule, hyper-parameters), checked by `optimizerProblem`.
 * @param v untrusted value  @param path its JSON path
 * @example checkSpec({ kind: 'adam', schedule: { kind: 'constant', lr: 1e-3 } }, '$.optimizer.spec')
 */
export const checkSpec = (v: unknown, path: string): Check<OptimizerSpec> => {
  if (!isObj(v) || (v['kind'] !== 'adam' && v['kind'] !== 'sgd')) return bad(`${path}.kind`, "must be 'adam' or 'sgd'")
  const s = v['schedule']
  if (!isObj(s) || (s['kind'] !== 'constant' && s['kind'] !== 'exponential')) return bad(`${path}.schedule.kind`, "must be 'constant' or 'exponential'")
  const needed = s['kind'] === 'constant' ? ['lr'] : ['lr', 'rate', 'decaySteps']
  const missing = needed.find((k) => typeof s[k] !== 'number')
  if (missing !== undefined) return bad(`${path}.schedule.${missing}`, 'must be a number')
  const num = (o: Record<string, unknown>, k: string) => o[k] as number
  const schedule: Schedule =
    s['kind'] === 'constant'
      ? { kind: 'constant', lr: num(s, 'lr') }
      : { kind: 'exponential', lr: num(s, 'lr'), rate: num(s, 'rate'), decaySteps: num(s, 'decaySteps'), staircase: s['staircase'] === true }
  const keys = v['kind'] === 'adam' ? ['beta1', 'beta2', 'eps', 'weightDecay', 'clipNorm'] : ['momentum', 'clipNorm']
  const wrong = keys.find((k) => v[k] !== undefined && typeof v[k] !== 'number')
  if (wrong !== undefined) return bad(`${path}.${wrong}`, 'must be a number')
  const given = Object.fromEntries(keys.filter((k) => v[k] !== undefined).map((k) => [k, num(v, k)]))
  const spec: OptimizerSpec = v['kind'] === 'adam' ? { kind: 'adam', schedule, ...given } : { kind: 'sgd', schedule, ...given, nesterov: v['nesterov'] === true }
  const problem = optimizerProblem(spec)
  return problem === undefined ? E.right(spec) : bad(path, problem)
}

/** A slot table `{ name: number[] }` covering every param with its size. */
const checkSlot = (v: unknown, path: string, sizes: Readonly<Record<string, number>>): Check<Record<string, number[]>> => {
  if (!isObj(v)) return bad(path, 'must be an object of named arrays')
  const out: Record<string, number[]> = {}
  for (const [k, n] of Object.entries(sizes)) {
    const a = numbers(v[k], `${path}.${k}`)
    if (E.isLeft(a)) return a
    if (a.right.length !== n) return bad(`${path}.${k}`, `has ${a.right.length} values, the param has ${n}`)
    out[k] = a.right
  }
  return E.right(out)
}

/**
 * Optimizer state of the spec's kind, with a slot array per param.
 * @param sizes param sizes by name
 * @example checkState(json.optimizer.state, '$.optimizer.state', 'adam', { w: 6 })
 */
export const checkState = (v: unknown, path: string, kind: OptimizerSpec['kind'], sizes: Readonly<Record<string, number>>): Check<OptimizerState> => {
  if (!isObj(v)) return bad(path, 'must be an object')
  if (v['kind'] !== kind) return bad(`${path}.kind`, `must be '${kind}' (the optimizer's kind), got ${JSON.stringify(v['kind'])}`)
  const step = v['step']
  if (!Number.isInteger(step) || (step as number) < 0) return bad(`${path}.step`, 'must be a non-negative integer')
  const slots = v['slots']
  if (!isObj(slots)) return bad(`${path}.slots`, 'must be an object')
  if (kind === 'sgd') return E.map((b: Record<string, number[]>): OptimizerState => ({ kind, step: step as number, slots: { b } }))(checkSlot(slots['b'], `${path}.slots.b`, sizes))
  const m = checkSlot(slots['m'], `${path}.slots.m`, sizes)
  if (E.isLeft(m)) return m
  return E.map((vv: Record<string, number[]>): OptimizerState => ({ kind, step: step as number, slots: { m: m.right, v: vv } }))(checkSlot(slots['v'], `${path}.slots.v`, sizes))
}
