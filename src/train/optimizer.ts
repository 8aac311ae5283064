/**
 * Optimizers over named params, pure and serialisable: an `OptimizerSpec`
 * (plain data: kind, schedule, hyper-parameters, optional global-norm clip)
 * and an `OptimizerState` (plain JSON: step count and slots), with
 * `optimizerStep(spec)(state, params, grads) → { params, state }`. Parameter
 * constraints belong in the model as reparametrisations (`dsp/scale.ts`:
 * sigmoid, expSigmoid, softplus), never in the optimizer.
 *
 * @example
 * const spec: OptimizerSpec = { kind: 'adam', schedule: { kind: 'constant', lr: 1e-3 }, clipNorm: 3 }
 * let state = initOptimizer(spec, params)
 * ;({ params, state } = optimizerStep(spec)(state, params, grads))
 */
import { adamDefaults, adamInit, adamUpdate, type AdamSlots } from './adam.js'
import { clipByGlobalNorm, globalNorm } from './clip.js'
import type { NamedParams, ParamArray } from './params.js'
import { learningRate, scheduleProblem, type Schedule } from './schedule.js'
import { sgdInit, sgdUpdate, type SgdSlots } from './sgd.js'

/** Adam(W) or SGD, with a schedule and optional clipping. @example const s: OptimizerSpec = { kind: 'sgd', schedule: { kind: 'constant', lr: 0.1 }, momentum: 0.9 } */
export type OptimizerSpec =
  | {
      readonly kind: 'adam'
      readonly schedule: Schedule
      readonly beta1?: number
      readonly beta2?: number
      readonly eps?: number
      /** decoupled weight decay (AdamW) */
      readonly weightDecay?: number
      /** clip gradients to this global norm first (DDSP: 3) */
      readonly clipNorm?: number
    }
  | {
      readonly kind: 'sgd'
      readonly schedule: Schedule
      readonly momentum?: number
      readonly nesterov?: boolean
      readonly clipNorm?: number
    }

/** Optimizer state as plain JSON: updates applied so far and the per-param slots. @example initOptimizer(spec, params) // { kind: 'adam', step: 0, slots: { m, v } } */
export type OptimizerState =
  | { readonly kind: 'adam'; readonly step: number; readonly slots: AdamSlots }
  | { readonly kind: 'sgd'; readonly step: number; readonly slots: SgdSlots }

/** What one optimizer step returns. @example const { params, state, lr, gradNorm } = optimizerStep(spec)(state0, p, g) */
export interface StepResult {
  readonly params: Record<string, ParamArray>
  readonly state: OptimizerState
  /** learning rate used */
  readonly lr: number
  /** global gradient norm before clipping */
  readonly gradNorm: number
}

/**
 * Fresh state (zero slots, step 0) for `params`.
 * @param spec the optimizer  @param params the params to optimise (names and sizes)
 * @example initOptimizer({ kind: 'adam', schedule: { kind: 'constant', lr: 1e-3 } }, { w: new Float32Array(4) })
 */
export const initOptimizer = (spec: OptimizerSpec, params: NamedParams): OptimizerState =>
  spec.kind === 'adam' ? { kind: 'adam', step: 0, slots: adamInit(params) } : { kind: 'sgd', step: 0, slots: sgdInit(params) }

/**
 * Why a spec is invalid, or `undefined`.
 * @param spec the optimizer
 * @example optimizerProblem({ kind: 'sgd', schedule: { kind: 'constant', lr: 1 }, momentum: 1.5 }) // 'momentum must be in [0, 1)'
 */
export const optimizerProblem = (spec: OptimizerSpec): string | undefined => {
  const s = scheduleProblem(spec.schedule)
  if (s !== undefined) return `schedule: ${s}`
  if (spec.clipNorm !== undefined && !(spec.clipNorm > 0)) return 'clipNorm must be positive'
  if (spec.kind === 'sgd') return spec.momentum === undefined || (spec.momentum >= 0 && spec.momentum < 1) ? undefined : 'momentum must be in [0, 1)'
  const b1 = spec.beta1 ?? adamDefaults.beta1
  const b2 = spec.beta2 ?? adamDefaults.beta2
  if (!(b1 >= 0 && b1 < 1 && b2 >= 0 && b2 < 1)) return 'beta1 and beta2 must be in [0, 1)'
  if (!((spec.eps ?? adamDefaults.eps) > 0)) return 'eps must be positive'
  return (spec.weightDecay ?? 0) >= 0 ? undefined : 'weightDecay must be ≥ 0'
}

/**
 * One update: clip (if asked), take the scheduled learning rate, apply Adam(W) or SGD.
 * @param spec the optimizer  @returns `(state, params, grads) → { params, state, lr, gradNorm }`; inputs untouched
 * @example optimizerStep(spec)(state, params, grads)
 */
export const optimizerStep =
  (spec: OptimizerSpec) =>
  (state: OptimizerState, params: NamedParams, grads: NamedParams): StepResult => {
    const clipped = spec.clipNorm === undefined ? undefined : clipByGlobalNorm(grads, spec.clipNorm)
    const g = clipped?.grads ?? grads
    const gradNorm = clipped?.norm ?? globalNorm(grads)
    const lr = learningRate(spec.schedule, state.step)
    const step = state.step + 1
    // a state of another kind (a caller's mistake) restarts the slots but keeps the step count
    const st = state.kind === spec.kind ? state : { ...initOptimizer(spec, params), step: state.step }
    if (spec.kind === 'adam' && st.kind === 'adam') {
      const c = {
        beta1: spec.beta1 ?? adamDefaults.beta1,
        beta2: spec.beta2 ?? adamDefaults.beta2,
        eps: spec.eps ?? adamDefaults.eps,
        weightDecay: spec.weightDecay ?? 0,
      }
      const r = adamUpdate(c, st.slots, step, lr, params, g)
      return { params: r.params, state: { kind: 'adam', step, slots: r.slots }, lr, gradNorm }
    }
    const slots = st.kind === 'sgd' ? st.slots : sgdInit(params)
    const r = sgdUpdate({ momentum: spec.kind === 'sgd' ? (spec.momentum ?? 0) : 0, nesterov: spec.kind === 'sgd' && spec.nesterov === true }, slots, lr, params, g)
    return { params: r.params, state: { kind: 'sgd', step, slots: r.slots }, lr, gradNorm }
  }
