/**
 * Learning-rate schedules as plain data (so checkpoints can store them):
 * constant, and exponential decay `lr · rate^(step / decaySteps)` as
 * `tf.keras.optimizers.schedules.ExponentialDecay` (DDSP trains with
 * lr 3e-4, rate 0.98, decaySteps 10 000, not staircase); with `staircase`
 * the exponent is floored.
 *
 * @example
 * learningRate({ kind: 'exponential', lr: 1e-3, rate: 0.98, decaySteps: 10000 }, 10000) // 9.8e-4
 */

/** A learning-rate schedule. @example const s: Schedule = { kind: 'constant', lr: 1e-3 } */
export type Schedule =
  | { readonly kind: 'constant'; readonly lr: number }
  | {
      readonly kind: 'exponential'
      readonly lr: number
      /** decay factor per `decaySteps` steps, e.g. 0.98 */
      readonly rate: number
      readonly decaySteps: number
      /** floor(step / decaySteps) instead of step / decaySteps */
      readonly staircase?: boolean
    }

/**
 * The learning rate at a step (0-based: the first update uses step 0).
 * @param s schedule  @param step number of updates already applied
 * @example learningRate({ kind: 'constant', lr: 0.01 }, 7) // 0.01
 */
export const learningRate = (s: Schedule, step: number): number => {
  switch (s.kind) {
    case 'constant':
      return s.lr
    case 'exponential': {
      const e = step / s.decaySteps
      return s.lr * s.rate ** (s.staircase === true ? Math.floor(e) : e)
    }
  }
}

/**
 * Why a schedule is invalid, or `undefined` if it is fine.
 * @param s the schedule
 * @example scheduleProblem({ kind: 'constant', lr: -1 }) // 'lr must be a positive finite number'
 */
export const scheduleProblem = (s: Schedule): string | undefined => {
  if (!(Number.isFinite(s.lr) && s.lr > 0)) return 'lr must be a positive finite number'
  if (s.kind === 'exponential') {
    if (!(s.rate > 0 && s.rate <= 1)) return 'rate must be in (0, 1]'
    if (!(Number.isFinite(s.decaySteps) && s.decaySteps > 0)) return 'decaySteps must be positive'
  }
  return undefined
}
