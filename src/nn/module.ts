/**
 * A neural module as a combinator over named params: it declares its params
 * (full names, shapes, initialisers), makes seeded initial values, and applies
 * itself to a signal by building `param(name, shape)` nodes, so it runs on
 * every backend (the reference included) and is differentiated by the core
 * `vjp` like any other graph. Params are shared by name: applying a module
 * twice reuses its weights.
 *
 * @example
 * const m = dense('out', { inputs: 64, outputs: 10 })
 * const y = m.apply(x)         // Signal, [..., 64] → [..., 10]
 * const w = m.init(42)         // { 'out/w': Float32Array(640), 'out/b': Float32Array(10) }
 */
import { param, withRate, type Rate, type Signal } from '../core/signal.js'
import { matmul } from '../core/tensor.js'
import { initParams, type ParamDecls } from './init.js'

/** A module: declared params, seeded init, and a rate-preserving apply. @example const l: Layer = dense('out', { inputs: 4, outputs: 2 }); l.apply(x); l.init(1) */
export interface Layer {
  readonly name: string
  readonly params: ParamDecls
  /** initial values of every param, from `seed` */
  readonly init: (seed: number) => Record<string, Float32Array>
  /** applies the module; channels are the last axis */
  readonly apply: <R extends Rate>(x: Signal<R>) => Signal<R>
}

/**
 * The param signal of a declaration.
 * @param decls a module's declarations  @param name full param name
 * @example paramOf(decls, 'out/w')
 */
export const paramOf = (decls: ParamDecls, name: string): Signal<'static'> => param(name, decls[name]!.shape)

/**
 * Builds a Layer from its declarations and apply function.
 * @param name module name  @param params its declarations  @param apply the rate-preserving function
 * @example layer('ln', decls, (x) => normalise(x))
 */
export const layer = (name: string, params: ParamDecls, apply: Layer['apply']): Layer => ({
  name,
  params,
  init: (seed) => initParams(params, seed),
  apply,
})

/**
 * Runs layers in order: their params are the union, their apply the composition.
 * @param name module name  @param layers applied first to last
 * @example sequential('dec', [dense('dec/0', { inputs: 2, outputs: 8 }), layerNorm('dec/ln', { features: 8 })])
 */
export const sequential = (name: string, layers: readonly Layer[]): Layer =>
  layer(name, Object.assign({}, ...layers.map((l) => l.params)) as ParamDecls, <R extends Rate>(x: Signal<R>) => layers.reduce((h, l) => l.apply(h), x))

/**
 * x·w (batched over x's leading axes) keeping x's rate; w is a static weight matrix.
 * @param x `[..., n]` any rate  @param w `[n, m]` static
 * @example matmulKeep(h, paramOf(decls, 'out/w')) // [..., m]
 */
export const matmulKeep = <R extends Rate>(x: Signal<R>, w: Signal<'static'>): Signal<R> =>
  withRate(matmul(withRate(x.node, 'static'), w).node, x.rate)
