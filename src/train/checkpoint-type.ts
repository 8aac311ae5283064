/**
 * What a checkpoint holds (its own file, so the JSON and compact codecs share
 * it without importing each other).
 *
 * @example
 * import type { Checkpoint } from './checkpoint-type.js'
 */
import type { Program } from '../core/program.js'
import type { OptimizerSpec, OptimizerState } from './optimizer.js'
import type { ParamArray } from './params.js'

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
