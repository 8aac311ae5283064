/**
 * Neural modules as combinators over named params: dense, layer norm, MLP
 * (ddsp's fc_stack), GRU over frames, and a dilated causal TCN with FiLM
 * (drumblender's transient model); seeded Glorot/He initialisation. They run
 * on every backend and are differentiated by the core `vjp`.
 *
 * @example
 * import { mlp } from 'ddsp-ts/nn'
 * const m = mlp('dec', { inputs: 2, hidden: 64, layers: 2, outputs: 10 })
 * const y = m.apply(x); const params = m.init(42)
 */
export * from './init.js'
export * from './module.js'
export * from './activations.js'
export * from './dense.js'
export * from './layer-norm.js'
export * from './mlp.js'
export * from './gru.js'
export * from './tcn.js'
