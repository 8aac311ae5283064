/**
 * A dense (fully connected) layer over the last axis: y = x·W + b with
 * W `[inputs, outputs]` (Glorot uniform, as Keras `Dense`) and b `[outputs]`
 * (zeros). Leading axes (batch, frames, samples) are kept, so on a
 * `[B, T, C]` signal it is also a 1×1 convolution.
 *
 * @example
 * const d = dense('proj', { inputs: 2, outputs: 8 })
 * d.apply(input('x', [1, 100, 2], 'control'))  // [1, 100, 8]
 */
import { add } from '../core/math.js'
import type { Rate, Signal } from '../core/signal.js'
import { invalid } from '../dsp/guard.js'
import type { ParamDecls } from './init.js'
import { layer, matmulKeep, paramOf, type Layer } from './module.js'

/** Sizes of a dense layer. @example const o: DenseOptions = { inputs: 64, outputs: 10 } */
export interface DenseOptions {
  readonly inputs: number
  readonly outputs: number
  /** weight initialiser (default 'glorot'; 'he' for ReLU-like nets) */
  readonly init?: 'glorot' | 'he'
  /** add a bias (default true) */
  readonly bias?: boolean
}

/**
 * x·W (+ b) on a signal of rank ≥ 2 whose last axis has `inputs` channels; otherwise an invalid signal naming the mismatch.
 * @param x `[..., inputs]` any rate  @param w `[inputs, outputs]`  @param b `[outputs]` or none
 * @example affine(x, paramOf(decls, "out/w"), undefined)
 */
export const affine = <R extends Rate>(x: Signal<R>, w: Signal<'static'>, b: Signal<'static'> | undefined): Signal<R> => {
  const s = x.shape
  const n = w.shape?.[0]
  if (s !== undefined && (s.length < 2 || s[s.length - 1] !== n))
    return invalid(x, `dense: input shape [${s.join(', ')}] must have rank ≥ 2 and ${n} channels last`, x.rate)
  const y = matmulKeep(x, w)
  return b === undefined ? y : add(y, b)
}

/**
 * A dense layer named `name` (params `name/w`, `name/b`).
 * @param o inputs and outputs (channels), initialiser, bias
 * @example dense('out', { inputs: 64, outputs: 10 }).apply(h)
 */
export const dense = (name: string, o: DenseOptions): Layer => {
  const [w, b] = [`${name}/w`, `${name}/b`]
  const init = o.init === 'he' ? { kind: 'he' as const, fanIn: o.inputs } : { kind: 'glorot' as const, fanIn: o.inputs, fanOut: o.outputs }
  const decls: ParamDecls = {
    [w]: { shape: [o.inputs, o.outputs], init },
    ...(o.bias === false ? {} : { [b]: { shape: [o.outputs], init: { kind: 'zeros' } } }),
  }
  return layer(name, decls, (x) => affine(x, paramOf(decls, w), o.bias === false ? undefined : paramOf(decls, b)))
}
