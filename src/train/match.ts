/**
 * Sound matching by direct optimisation: given a synth as a function of named
 * params, a target recording and a loss `(pred, target) → scalar`, find the
 * params whose render minimises the loss. The loss landscapes of synths are
 * multi-modal (a frequency has a basin about sr/n wide), so several starts —
 * seeded random points and presets — each take `warmupSteps` updates, the
 * best continues to `steps`. Deterministic for a seed. Keep params
 * unconstrained and map them into range inside the synth (sigmoid, expSigmoid).
 *
 * @example
 * const r = await matchSound({ backend, synth: (p) => mul(p['amp']!, sine), params: { amp: { shape: [] } },
 *   target, loss: l2, optimizer, seed: 1, steps: 200 })()
 * // Right({ params, losses, startLoss, finalLoss, start, starts })
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { compile } from '../core/program-api.js'
import type { Program } from '../core/program.js'
import { sizeOf, type Shape } from '../core/shape.js'
import { input, param, type Rate, type Signal } from '../core/signal.js'
import { uniformAt } from '../core/random.js'
import { streamSeed } from '../nn/init.js'
import { badOption, type TrainError } from './errors.js'
import { fit, type EarlyStop, type FitResult, type StepReport } from './fit.js'
import { fitHook, fitResume, type MatchProgress, type MatchSnapshotHook } from './match-progress.js'
import type { OptimizerSpec } from './optimizer.js'
import type { NamedParams, ParamArray } from './params.js'
import type { TrainBackend } from './step.js'

/** One synth param: its shape and the interval random starts are drawn from (default [−1, 1]). @example const p: MatchParam = { shape: [1, 8], lo: -3, hi: 3 } */
export interface MatchParam {
  readonly shape: Shape
  readonly lo?: number
  readonly hi?: number
}

/** Options of `matchSound`. @example const o: MatchOptions = { backend, synth, params, target, loss, optimizer, seed: 1, steps: 200 } */
export interface MatchOptions {
  readonly backend: TrainBackend
  /** the synth: named static params → audio `[1, n]` (or any shape equal to the target's) */
  readonly synth: (p: Readonly<Record<string, Signal<'static'>>>) => Signal<'audio'>
  readonly params: Readonly<Record<string, MatchParam>>
  /** target audio, flat, as many samples as the synth renders */
  readonly target: Float32Array | Float64Array
  /** scalar loss of a prediction against the target */
  readonly loss: (pred: Signal<'audio'>, target: Signal<'audio'>) => Signal<Rate>
  readonly optimizer: OptimizerSpec
  readonly seed: number
  /** number of random starts (default 4) */
  readonly randomStarts?: number
  /** extra starting points (e.g. a synth's presets) */
  readonly presets?: readonly NamedParams[]
  /** updates per start before choosing (default 20) */
  readonly warmupSteps?: number
  /** total updates of the chosen start */
  readonly steps: number
  readonly earlyStop?: EarlyStop
  readonly onStep?: (r: StepReport & { readonly start: number }) => void
  /** continue from a saved progress (`match-progress.ts`); the result is the uninterrupted run's, bit for bit */
  readonly resume?: MatchProgress
  /** periodic progress for resuming */
  readonly snapshot?: MatchSnapshotHook
}

/** One start's outcome after the warm-up. @example result.starts // [{ kind: 'random', loss: 0.12 }, { kind: 'preset', loss: 0.03 }] */
export interface StartReport {
  readonly kind: 'random' | 'preset'
  /** loss after the warm-up (Infinity if it diverged) */
  readonly loss: number
}

/** The outcome of `matchSound`. @example const { params, startLoss, finalLoss } = result // MatchResult */
export interface MatchResult {
  /** the best params found */
  readonly params: Record<string, ParamArray>
  /** loss before each update of the chosen start (warm-up then refinement) */
  readonly losses: readonly number[]
  /** loss at the chosen start's initial point */
  readonly startLoss: number
  /** loss at the returned params */
  readonly finalLoss: number
  /** index of the chosen start in `starts` */
  readonly start: number
  readonly starts: readonly StartReport[]
}

/** The forward program: the synth's render against an input `target`, output `loss`. */
const matchProgram = (o: MatchOptions): E.Either<TrainError, Program> => {
  const pred = o.synth(Object.fromEntries(Object.entries(o.params).map(([k, d]) => [k, param(k, d.shape)])))
  const shape = pred.shape
  if (shape === undefined) {
    const r = compile({ pred }) // an invalid render: compile names the errors
    return E.left(E.isLeft(r) ? { _tag: 'TrainCompileFailed', errors: r.left } : badOption('synth', 'renders a signal without a shape'))
  }
  const size = sizeOf(shape)
  if (size !== o.target.length) return E.left(badOption('target', `has ${o.target.length} samples but the synth renders shape [${shape.join(', ')}]`))
  const r = compile({ loss: o.loss(pred, input('target', shape, 'audio')) })
  return E.isLeft(r) ? E.left({ _tag: 'TrainCompileFailed', errors: r.left }) : E.right(r.right)
}

/** Start `i`'s random point: each param uniform in [lo, hi) from its own stream. */
const randomStart = (o: MatchOptions, i: number, float32: boolean): Record<string, ParamArray> =>
  Object.fromEntries(
    Object.entries(o.params).map(([k, d]) => {
      const s = streamSeed(o.seed, `match/${i}/${k}`)
      const lo = d.lo ?? -1
      const hi = d.hi ?? 1
      const n = sizeOf(d.shape)
      const v = Array.from({ length: n }, (_, j) => lo + ((hi - lo) * (uniformAt(s, j) + 1)) / 2)
      return [k, float32 ? Float32Array.from(v) : Float64Array.from(v)]
    }),
  )

/** Every start in order: random ones, then presets (converted to the backend's float type). */
const startingPoints = (o: MatchOptions): ReadonlyArray<{ kind: StartReport['kind']; params: NamedParams }> => {
  const f32 = o.backend.float === 'float32'
  const conv = (p: NamedParams) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, f32 ? Float32Array.from(v) : Float64Array.from(v)]))
  return [
    ...Array.from({ length: o.randomStarts ?? 4 }, (_, i) => ({ kind: 'random' as const, params: randomStart(o, i, f32) })),
    ...(o.presets ?? []).map((p) => ({ kind: 'preset' as const, params: conv(p) })),
  ]
}

const validate = (o: MatchOptions): TrainError | undefined => {
  const starts = (o.randomStarts ?? 4) + (o.presets ?? []).length
  if (!Number.isInteger(o.randomStarts ?? 4) || (o.randomStarts ?? 4) < 0) return badOption('randomStarts', 'must be a non-negative integer')
  if (starts === 0) return badOption('randomStarts', 'there must be at least one start (random or preset)')
  const w = o.warmupSteps ?? 20
  if (!Number.isInteger(w) || w < 0 || w > o.steps) return badOption('warmupSteps', `must be an integer in [0, steps], got ${w}`)
  const bad = (o.presets ?? []).findIndex((p) => Object.keys(o.params).some((k) => p[k]?.length !== sizeOf(o.params[k]!.shape)))
  if (bad >= 0) return badOption(`presets[${bad}]`, 'must give every param with its declared size')
  return o.resume !== undefined && o.resume.warmed.length > starts ? badOption('resume', `has ${o.resume.warmed.length} warmed starts; this match has ${starts}`) : undefined
}

/** Warms every start up; diverging starts are kept as Infinity unless all diverge. */
const warmUp = async (o: MatchOptions, program: Program): Promise<E.Either<TrainError, Array<{ kind: StartReport['kind']; r: FitResult | undefined }>>> => {
  const out: Array<{ kind: StartReport['kind']; r: FitResult | undefined }> = []
  let firstError: TrainError | undefined
  const warmed = [...(o.resume?.warmed ?? [])]
  for (const [i, s] of startingPoints(o).entries()) {
    const done = warmed[i]
    const onStep = o.onStep === undefined ? undefined : (r: StepReport) => o.onStep?.({ ...r, start: i })
    const hook = fitHook(o.snapshot, warmed)
    const r: E.Either<TrainError, FitResult> = done !== undefined
      ? (done.result !== undefined ? E.right(done.result) : E.left(done.error ?? badOption('resume', `start ${i} has neither a result nor an error`)))
      : await fit({
        backend: o.backend, program, inputs: { target: o.target }, params: s.params, optimizer: o.optimizer, steps: o.warmupSteps ?? 20,
        ...(i === (o.resume?.warmed.length ?? -1) ? fitResume(o.resume?.current) : {}), ...(hook ? { snapshot: hook } : {}), ...(onStep ? { onStep } : {}),
      })()
    if (E.isLeft(r) && r.left._tag !== 'NonFiniteLoss' && r.left._tag !== 'NonFiniteGradient') return r
    if (E.isLeft(r)) firstError ??= r.left
    if (done === undefined) warmed.push(E.isRight(r) ? { kind: s.kind, result: r.right } : { kind: s.kind, error: r.left })
    out.push({ kind: s.kind, r: E.isRight(r) ? r.right : undefined })
  }
  return out.every((s) => s.r === undefined) && firstError !== undefined ? E.left(firstError) : E.right(out)
}

/**
 * Matches a target sound: multi-start warm-up, then the best start continues.
 * @param o backend, synth, params, target, loss, optimizer, seed, starts, steps, early stop, resume, snapshot
 * @returns a lazy task: `TrainError` or the best params with the loss curve, start and final loss
 * @example await matchSound({ backend, synth, params, target, loss, optimizer, seed: 7, steps: 300 })()
 */
export const matchSound =
  (o: MatchOptions): TE.TaskEither<TrainError, MatchResult> =>
  async () => {
    const bad = validate(o)
    if (bad !== undefined) return E.left(bad)
    const program = matchProgram(o)
    if (E.isLeft(program)) return program
    const warm = await warmUp(o, program.right)
    if (E.isLeft(warm)) return warm
    const warmed = warm.right.map((s): { kind: string; result?: FitResult } => (s.r ? { kind: s.kind, result: s.r } : { kind: s.kind }))
    const resumed = o.resume !== undefined && o.resume.warmed.length === warm.right.length ? o.resume.current : undefined
    const hook = fitHook(o.snapshot, warmed)
    const starts = warm.right.map((s) => ({ kind: s.kind, loss: s.r?.finalLoss ?? Infinity }))
    const best = starts.reduce((b, s, i) => (s.loss < starts[b]!.loss ? i : b), 0)
    const w = warm.right[best]!.r!
    const onStep = o.onStep === undefined ? undefined : (r: StepReport) => o.onStep?.({ ...r, start: best })
    const refine = await fit({
      backend: o.backend, program: program.right, inputs: { target: o.target }, params: w.params, optimizer: o.optimizer, state: w.state, steps: o.steps,
      ...fitResume(resumed), ...(hook ? { snapshot: hook } : {}), ...(o.earlyStop ? { earlyStop: o.earlyStop } : {}), ...(onStep ? { onStep } : {}),
    })()
    if (E.isLeft(refine)) return refine
    const better = refine.right.bestLoss <= w.bestLoss
    return E.right({
      params: better ? refine.right.bestParams : w.bestParams,
      losses: [...w.losses, ...refine.right.losses],
      startLoss: w.losses[0] ?? w.finalLoss,
      finalLoss: Math.min(refine.right.bestLoss, w.bestLoss),
      start: best,
      starts,
    })
  }
