/**
 * One training step's computation: `valueAndGrad(program, loss)` compiled
 * once (`core/autodiff/vjp.ts`), then run on any backend to give the loss and
 * the gradient of every trained param as host arrays. The loss must be a
 * scalar (one value).
 *
 * @example
 * const ts = compileTrainStep(program, 'loss', ['w', 'b'])      // Either<TrainError, TrainStep>
 * const r = await runTrainStep(backend, ts.right, { ...inputs, ...params }, 0)
 * // Right({ loss: 0.42, grads: { w: Float32Array, b: Float32Array } })
 */
import * as E from 'fp-ts/lib/Either.js'
import { gradName, valueAndGrad } from '../core/autodiff/vjp.js'
import type { AnyBackend } from '../core/backend.js'
import { hoistedFeeds, hoistInvariants, type Hoisted } from './hoist.js'
import { evaluate, type Feed, type Feeds } from '../core/interpret.js'
import { outputShape, type Program } from '../core/program.js'
import { sizeOf } from '../core/shape.js'
import { badOption, type TrainError } from './errors.js'
import type { ParamArray } from './params.js'

/** Any backend a training loop can run on (reference, wasm, tfjs-cpu, …). @example const b: TrainBackend = reference('float64') */
export type TrainBackend = AnyBackend

/** A compiled training step: the gradient program, the loss output and the trained params. @example const ts: TrainStep = { program: gradProgram, loss: 'loss', wrt: ['w'] } */
export interface TrainStep {
  readonly program: Program
  readonly loss: string
  readonly wrt: readonly string[]
  /** The program split around its inputs (fixed within a fit): `pre` runs once per distinct input feeds. */
  readonly hoisted?: Hoisted
}

/** The loss and gradients at one point. @example const { loss, grads } = r.right // LossAndGrads */
export interface LossAndGrads {
  readonly loss: number
  readonly grads: Record<string, ParamArray>
}

/** Gradient programs already built, per forward program and (loss, wrt): sound matching fits one program several times. */
const compiledSteps = new WeakMap<Program, Map<string, E.Either<TrainError, TrainStep>>>()

/**
 * Compiles the gradient program once per (program, loss, wrt); later calls return the same step, so fits of one
 * program on the same input arrays (sound matching's starts and refinement on one target) also share the hoisted
 * values `runHoisted` caches per step (recomputed whenever an input array or the backend differs). They live as
 * long as the program.
 * @param program a forward program with a scalar output `loss`  @param loss output name  @param wrt params to train
 * @example compileTrainStep(program, 'loss', ['gain'])
 */
export const compileTrainStep = (program: Program, loss: string, wrt: readonly string[]): E.Either<TrainError, TrainStep> => {
  const key = JSON.stringify([loss, wrt])
  const known = compiledSteps.get(program) ?? new Map<string, E.Either<TrainError, TrainStep>>()
  compiledSteps.set(program, known)
  const step = known.get(key) ?? buildTrainStep(program, loss, wrt)
  known.set(key, step)
  return step
}

const buildTrainStep = (program: Program, loss: string, wrt: readonly string[]): E.Either<TrainError, TrainStep> => {
  const shape = outputShape(program, loss)
  if (shape === undefined) return E.left(badOption('loss', `the program has no output '${loss}' (outputs: ${program.outputs.map((o) => o.name).join(', ')})`))
  if (sizeOf(shape) !== 1) return E.left(badOption('loss', `output '${loss}' must be a scalar, got shape [${shape.join(', ')}]`))
  const missing = wrt.find((w) => !program.params.some((d) => d.name === w))
  if (missing !== undefined) return E.left(badOption('params', `'${missing}' is not a param of the program (params: ${program.params.map((d) => d.name).join(', ') || 'none'})`))
  const g = valueAndGrad(program, loss, wrt)
  if (E.isLeft(g)) return E.left({ _tag: 'TrainCompileFailed', errors: g.left })
  return E.right({ program: g.right, loss, wrt, hoisted: hoistInvariants(g.right, new Set(g.right.inputs.map((d) => d.name))) })
}

/** Hoisted values per step program and backend, reused while the input feeds are the same arrays. */
const invariantCache = new WeakMap<TrainStep, { backend: unknown; inputs: readonly Feed[]; values: Record<string, Feed> }>()

/**
 * Evaluates `main` with the hoisted values of the current input feeds; `pre` runs only when an
 * input feed is a different array (or number) than last time, or the backend changed.
 * Callers must not mutate an input array in place between steps.
 */
const runHoisted = async (b: AnyBackend, ts: TrainStep, h: Hoisted, feeds: Feeds) => {
  const names = h.pre.inputs.map((d) => d.name)
  const inputs = names.map((n) => feeds[n]!)
  const hit = invariantCache.get(ts)
  let values = hit !== undefined && hit.backend === b && hit.inputs.every((x, i) => x === inputs[i]) ? hit.values : undefined
  if (values === undefined) {
    const pre = await evaluate(b)(h.pre, Object.fromEntries(names.map((n, i) => [n, inputs[i]!])))
    if (E.isLeft(pre)) return pre
    values = hoistedFeeds(pre.right)
    invariantCache.set(ts, { backend: b, inputs, values })
  }
  const rest = Object.fromEntries(Object.entries(feeds).filter(([k]) => !names.includes(k)))
  return evaluate(b)(h.main, { ...rest, ...values })
}

/**
 * Evaluates the loss and gradients; a non-finite loss or gradient is an error naming `step`.
 * @param feeds inputs and every program param  @param step the step number for error reports
 * @example await runTrainStep(backend, ts, feeds, 7)
 */
export const runTrainStep = async (backend: TrainBackend, ts: TrainStep, feeds: Feeds, step: number): Promise<E.Either<TrainError, LossAndGrads>> => {
  const r = ts.hoisted === undefined ? await evaluate(backend)(ts.program, feeds) : await runHoisted(backend, ts, ts.hoisted, feeds)
  if (E.isLeft(r)) return E.left({ _tag: 'TrainEvalFailed', step, error: r.left })
  const loss = r.right[ts.loss]!.data[0]!
  if (!Number.isFinite(loss)) return E.left({ _tag: 'NonFiniteLoss', step, value: loss })
  const grads: Record<string, ParamArray> = {}
  for (const w of ts.wrt) {
    const g = r.right[gradName(w)]!.data
    const bad = g.findIndex((x) => !Number.isFinite(x))
    if (bad >= 0) return E.left({ _tag: 'NonFiniteGradient', step, param: w, index: bad })
    grads[w] = g
  }
  return E.right({ loss, grads })
}
