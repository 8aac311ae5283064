/**
 * Training: optimizers over named params (Adam/AdamW, SGD with momentum or
 * Nesterov), learning-rate schedules, global-norm clipping, the fit loop on
 * any backend, sound matching by direct optimisation, and checkpoints.
 *
 * @example
 * import { fit, saveCheckpoint } from 'ddsp-ts/train'
 * const r = await fit({ backend, program, params, optimizer: { kind: 'adam', schedule: { kind: 'constant', lr: 1e-3 }, clipNorm: 3 }, steps: 1000 })()
 */
export * from './params.js'
export * from './schedule.js'
export * from './clip.js'
export * from './adam.js'
export * from './sgd.js'
export * from './optimizer.js'
export * from './errors.js'
export * from './step.js'
export * from './fit.js'
export * from './match.js'
export * from './checkpoint.js'
export * from './drum-match.js'
