/**
 * The signal core: typed signals, primitives and their rules, composites,
 * compile, autodiff and the generic interpreter (serialisation: `src/serial`).
 *
 * @example
 * import { input, sin, mul, compile, valueAndGrad } from 'ddsp-ts/core'
 */
export * from './signal.js'
export * from './math.js'
export * from './tensor.js'
export * from './composite.js'
export * from './composite-names.js'
export * from './program-api.js'
export { simplify, programNodes, toposort } from './compile.js'
export { vjp, valueAndGrad, gradName, type VjpOptions } from './autodiff/vjp.js'
export { evaluate, evaluateSync, execute, checkFeeds, runOnBackend, type Feed, type Feeds, type Outputs, type Env } from './interpret.js'
export type { AnyBackend, Backend, Kernels, Kernel, KernelOp, FusedKernel, HostTensor } from './backend.js'
export type { Program, Eqn, PrimEqn, CompositeEqn, Declaration, Output } from './program.js'
export { FORMAT_VERSION } from './program.js'
export type { OpName, OpAttrs } from './ops.js'
export { opNames } from './ops.js'
export { primitives, typeRules, vjpRules } from './primitives/index.js'
export type { PrimitiveSpec, VjpRule, VjpContext, VjpSpec } from './primitive.js'
export type { TypeRule } from './type-rule.js'
export * from './errors.js'
export type { Shape, TensorType } from './shape.js'
export { fillNoise, uniformAt, normalAt } from './random.js'
