/**
 * ddsp-ts: differentiable digital signal processing in TypeScript.
 *
 * @example
 * import { input, sin, compile, evaluateSync } from 'ddsp-ts'
 * import { reference } from 'ddsp-ts/backends/reference'
 */
export * from './core/index.js'
export * from './serial/index.js'
export * from './dsp/units.js'
