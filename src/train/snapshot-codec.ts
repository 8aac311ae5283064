/**
 * Fit snapshots and match progress as JSON, exactly: params keep their float
 * type (`{ dtype, shape, data }`, as in a checkpoint), numbers are written as
 * shortest round-trip decimals, and the two values plain JSON loses are kept
 * — −0 (written as the literal `-0`, which `JSON.parse` reads back as −0) and
 * ±Infinity (a loss not yet seen, written as null where the schema allows it).
 * Decoding checks every field and names the JSON path of the first bad one
 * (`BadCheckpoint`), so a resumed run continues bit for bit or not at all.
 *
 * @example
 * const text = encodeJson(encodeProgress(progress))
 * const back = decodeProgress(JSON.parse(text), '$.progress', 'adam')   // Either<TrainError, MatchProgress>
 */
import * as E from 'fp-ts/lib/Either.js'
import { bad, checkParams, checkState, isObj, numbers } from './checkpoint-schema.js'
import type { TrainError } from './errors.js'
import type { FitResult } from './fit.js'
import type { MatchProgress, WarmedStart } from './match-progress.js'
import type { OptimizerSpec, OptimizerState } from './optimizer.js'
import type { ParamArray } from './params.js'
import type { FitSnapshot } from './snapshot.js'

type Check<A> = E.Either<TrainError, A>
type Json = unknown

const NEG_ZERO = '\u0000-0'

/**
 * JSON text that keeps −0 (as `-0`); Infinity and NaN become null as in `JSON.stringify`.
 * @param v a JSON-ready value
 * @example encodeJson([-0, 1]) // '[-0,1]'
 */
export const encodeJson = (v: Json): string =>
  JSON.stringify(v, (_k, x: unknown) => (Object.is(x, -0) ? NEG_ZERO : x)).replaceAll(JSON.stringify(NEG_ZERO), '-0')

/**
 * Named params as `{ name: { dtype, shape: [n], data } }`.
 * @example encodeParams({ w: Float32Array.of(1) }) // { w: { dtype: 'float32', shape: [1], data: [1] } }
 */
export const encodeParams = (p: Readonly<Record<string, ParamArray>>): Json =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, { dtype: v instanceof Float32Array ? 'float32' : 'float64', shape: [v.length], data: Array.from(v) }]))

const orInf = (v: number): number | null => (Number.isFinite(v) ? v : null)
const lossOrInf = (v: unknown, path: string): Check<number> =>
  v === null ? E.right(Infinity) : typeof v === 'number' && !Number.isNaN(v) ? E.right(v) : bad(path, 'must be a number or null (not yet seen)')

/**
 * A snapshot as JSON.
 * @example encodeSnapshot(s) // { params, state, history: { losses, best, improved } }
 */
export const encodeSnapshot = (s: FitSnapshot): Json => ({
  params: encodeParams(s.params),
  state: s.state,
  history: { losses: s.history.losses, best: { loss: orInf(s.history.best.loss), params: encodeParams(s.history.best.params) }, improved: { loss: orInf(s.history.improved.loss), step: s.history.improved.step } },
})

const sizes = (p: Readonly<Record<string, ParamArray>>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.length]))

const params = (v: unknown, path: string): Check<Record<string, ParamArray>> => E.map((r: { params: Record<string, ParamArray> }) => r.params)(checkParams(v, path))

/**
 * Decodes a snapshot, checking every field.
 * @param v parsed JSON  @param path its JSON path (for errors)  @param kind the optimizer's kind
 * @example decodeSnapshot(json.progress.current, '$.progress.current', 'adam')
 */
export const decodeSnapshot = (v: unknown, path: string, kind: OptimizerSpec['kind']): Check<FitSnapshot> => {
  if (!isObj(v) || !isObj(v['history'])) return bad(path, 'must be { params, state, history }')
  const h = v['history']
  const p = params(v['params'], `${path}.params`)
  if (E.isLeft(p)) return p
  const state = checkState(v['state'], `${path}.state`, kind, sizes(p.right))
  if (E.isLeft(state)) return state
  const losses = numbers(h['losses'], `${path}.history.losses`)
  if (E.isLeft(losses)) return losses
  if (!isObj(h['best']) || !isObj(h['improved'])) return bad(`${path}.history`, 'must hold best { loss, params } and improved { loss, step }')
  const best = lossOrInf(h['best']['loss'], `${path}.history.best.loss`)
  if (E.isLeft(best)) return best
  const bestParams = params(h['best']['params'], `${path}.history.best.params`)
  if (E.isLeft(bestParams)) return bestParams
  const improved = lossOrInf(h['improved']['loss'], `${path}.history.improved.loss`)
  if (E.isLeft(improved)) return improved
  const step = h['improved']['step']
  if (!Number.isInteger(step)) return bad(`${path}.history.improved.step`, 'must be an integer')
  return E.right({ params: p.right, state: state.right, history: { losses: losses.right, best: { loss: best.right, params: bestParams.right }, improved: { loss: improved.right, step: step as number } } })
}

const encodeResult = (r: FitResult): Json => ({
  params: encodeParams(r.params), state: r.state, losses: r.losses, finalLoss: orInf(r.finalLoss), bestLoss: orInf(r.bestLoss), bestParams: encodeParams(r.bestParams), stoppedEarly: r.stoppedEarly,
})

const decodeResult = (v: unknown, path: string, kind: OptimizerSpec['kind']): Check<FitResult> => {
  if (!isObj(v)) return bad(path, 'must be a fit result')
  const p = params(v['params'], `${path}.params`)
  if (E.isLeft(p)) return p
  const state = checkState(v['state'], `${path}.state`, kind, sizes(p.right))
  if (E.isLeft(state)) return state
  const losses = numbers(v['losses'], `${path}.losses`)
  if (E.isLeft(losses)) return losses
  const finalLoss = lossOrInf(v['finalLoss'], `${path}.finalLoss`)
  if (E.isLeft(finalLoss)) return finalLoss
  const bestLoss = lossOrInf(v['bestLoss'], `${path}.bestLoss`)
  if (E.isLeft(bestLoss)) return bestLoss
  const bestParams = params(v['bestParams'], `${path}.bestParams`)
  if (E.isLeft(bestParams)) return bestParams
  if (typeof v['stoppedEarly'] !== 'boolean') return bad(`${path}.stoppedEarly`, 'must be a boolean')
  const st: OptimizerState = state.right
  return E.right({ params: p.right, state: st, losses: losses.right, finalLoss: finalLoss.right, bestLoss: bestLoss.right, bestParams: bestParams.right, stoppedEarly: v['stoppedEarly'] })
}

/**
 * A match's progress as JSON.
 * @example encodeProgress({ warmed: [], current: snapshot })
 */
export const encodeProgress = (p: MatchProgress): Json => ({
  warmed: p.warmed.map((w) => ({ kind: w.kind, ...(w.result ? { result: encodeResult(w.result) } : {}), ...(w.error ? { error: w.error } : {}) })),
  ...(p.current ? { current: encodeSnapshot(p.current) } : {}),
})

/**
 * Decodes a match's progress, checking every field (a diverged start's error is kept as written).
 * @param v parsed JSON  @param path its JSON path  @param kind the optimizer's kind
 * @example decodeProgress(json.progress, '$.progress', 'adam')
 */
export const decodeProgress = (v: unknown, path: string, kind: OptimizerSpec['kind']): Check<MatchProgress> => {
  if (!isObj(v) || !Array.isArray(v['warmed'])) return bad(path, 'must be { warmed: [...], current? }')
  const warmed: WarmedStart[] = []
  for (const [i, w] of (v['warmed'] as unknown[]).entries()) {
    const at = `${path}.warmed[${i}]`
    if (!isObj(w) || typeof w['kind'] !== 'string') return bad(at, 'must be { kind, result | error }')
    if (w['result'] !== undefined) {
      const r = decodeResult(w['result'], `${at}.result`, kind)
      if (E.isLeft(r)) return r
      warmed.push({ kind: w['kind'], result: r.right })
    } else if (isObj(w['error']) && typeof w['error']['_tag'] === 'string') warmed.push({ kind: w['kind'], error: w['error'] as unknown as TrainError })
    else return bad(at, 'must hold a result or an error')
  }
  if (v['current'] === undefined) return E.right({ warmed })
  return E.map((current: FitSnapshot): MatchProgress => ({ warmed, current }))(decodeSnapshot(v['current'], `${path}.current`, kind))
}
