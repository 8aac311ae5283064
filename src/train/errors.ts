/**
 * Training errors as values: a graph that does not compile, an evaluation
 * that fails, a non-finite loss or gradient (naming the step and param), bad
 * options (naming the field), and checkpoint I/O or schema problems (naming
 * the JSON path).
 *
 * @example
 * formatTrainError({ _tag: 'NonFiniteLoss', step: 12, value: NaN }) // 'loss is NaN at step 12 …'
 */
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import { formatError, type EvalError, type GraphError } from '../core/errors.js'
import type { IoError } from '../io/wav.js'

/** Anything that stops training, sound matching or a checkpoint load. @example const e: TrainError = { _tag: 'NonFiniteLoss', step: 3, value: NaN } */
export type TrainError =
  | { readonly _tag: 'TrainCompileFailed'; readonly errors: NonEmptyArray<GraphError> }
  | { readonly _tag: 'TrainEvalFailed'; readonly step: number; readonly error: EvalError }
  | { readonly _tag: 'NonFiniteLoss'; readonly step: number; readonly value: number }
  | { readonly _tag: 'NonFiniteGradient'; readonly step: number; readonly param: string; readonly index: number }
  | { readonly _tag: 'BadTrainOptions'; readonly field: string; readonly message: string }
  | { readonly _tag: 'CheckpointIoFailed'; readonly path: string; readonly message: string }
  | { readonly _tag: 'BadCheckpoint'; readonly path: string; readonly message: string }

/**
 * A bad-option error.
 * @param field the option's name, e.g. `'steps'`  @param message what is wrong
 * @example badOption('steps', 'must be a positive integer')
 */
export const badOption = (field: string, message: string): TrainError => ({ _tag: 'BadTrainOptions', field, message })

/**
 * A failed read or write of a checkpoint or model file, as a `CheckpointIoFailed` naming the path.
 * @example TE.tryCatch(() => readFile(path, 'utf8'), ioFailed(path))
 */
export const ioFailed = (path: string) => (e: unknown): TrainError => ({ _tag: 'CheckpointIoFailed', path, message: e instanceof Error ? e.message : String(e) })

/** An `IoError` of `writeAtomic` as a `CheckpointIoFailed`. @example TE.mapLeft(writeFailed)(writeAtomic(path, text)) */
export const writeFailed = (e: IoError): TrainError => ({ _tag: 'CheckpointIoFailed', path: e.path, message: e.message })

/**
 * One line for people.
 * @param e the error
 * @example formatTrainError(badOption('steps', 'must be a positive integer')) // "bad option 'steps': must be …"
 */
export const formatTrainError = (e: TrainError): string => {
  switch (e._tag) {
    case 'TrainCompileFailed':
      return `the training graph does not compile: ${e.errors.map(formatError).join('; ')}`
    case 'TrainEvalFailed':
      return `evaluation failed at step ${e.step}: ${formatError(e.error)}`
    case 'NonFiniteLoss':
      return `loss is ${e.value} at step ${e.step}; lower the learning rate, clip gradients, or check the loss for log(0) / division by zero`
    case 'NonFiniteGradient':
      return `gradient of '${e.param}' is not finite at step ${e.step} (flat index ${e.index})`
    case 'BadTrainOptions':
      return `bad option '${e.field}': ${e.message}`
    case 'CheckpointIoFailed':
      return `cannot read or write checkpoint ${e.path}: ${e.message}`
    case 'BadCheckpoint':
      return `invalid checkpoint at ${e.path}: ${e.message}`
  }
}
