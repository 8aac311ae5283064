/**
 * Layer normalisation over the last axis (Ba, Kiros & Hinton 2016, eq. 4):
 * y = γ ⊙ (x − μ) / √(σ² + ε) + β, with μ, σ² the mean and (biased) variance of
 * the channels of each position; γ starts at ones, β at zeros. ε = 1e-3 as
 * Keras `LayerNormalization` (ddsp's `fc_stack`). Means are a matmul with a
 * `[C, 1]` column of 1/C, which keeps the reduced axis for broadcasting.
 *
 * @example
 * layerNorm('ln', { features: 64 }).apply(h)   // [..., 64] → [..., 64]
 */
import { add, div, mul, sqrt, sub } from '../core/math.js'
import { constant, type Rate, type Signal } from '../core/signal.js'
import type { ParamDecls } from './init.js'
import { layer, matmulKeep, paramOf, type Layer } from './module.js'

/** Options of `layerNorm`. @example const o: LayerNormOptions = { features: 64, eps: 1e-5 } */
export interface LayerNormOptions {
  /** size of the last axis */
  readonly features: number
  /** variance floor (default 1e-3, Keras) */
  readonly eps?: number
}

/**
 * Mean over the last axis, kept as an axis of size 1.
 * @param x `[..., n]` any rate  @param n size of the last axis
 * @example meanLast(x, 64) // [..., 1]
 */
export const meanLast = <R extends Rate>(x: Signal<R>, n: number): Signal<R> => matmulKeep(x, constant(1 / n, [n, 1]))

/**
 * Layer norm named `name` (params `name/gamma`, `name/beta`).
 * @param o features (last-axis size) and ε
 * @example layerNorm('dec/ln0', { features: 32 }).apply(h)
 */
export const layerNorm = (name: string, o: LayerNormOptions): Layer => {
  const [g, b] = [`${name}/gamma`, `${name}/beta`]
  const decls: ParamDecls = { [g]: { shape: [o.features], init: { kind: 'ones' } }, [b]: { shape: [o.features], init: { kind: 'zeros' } } }
  return layer(name, decls, <R extends Rate>(x: Signal<R>) => {
    const centred = sub(x, meanLast(x, o.features))
    const variance = meanLast(mul(centred, centred), o.features)
    return add(mul(div(centred, sqrt(add(variance, o.eps ?? 1e-3))), paramOf(decls, g)), paramOf(decls, b))
  })
}
