/**
 * A multi-layer perceptron after ddsp's `fc_stack`: `layers` × (dense →
 * layer norm → leaky ReLU) of width `hidden`, then a dense projection to
 * `outputs` (as ddsp's decoders end in a Dense to the output size).
 *
 * @example
 * const m = mlp('dec', { inputs: 2, hidden: 64, layers: 2, outputs: 10 })
 * m.apply(x)   // [..., 2] → [..., 10]
 * m.init(42)   // { 'dec/fc0/w': …, 'dec/ln0/gamma': …, …, 'dec/out/w': … }
 */
import type { Rate, Signal } from '../core/signal.js'
import { leakyRelu } from './activations.js'
import { dense } from './dense.js'
import { layerNorm } from './layer-norm.js'
import { layer, sequential, type Layer } from './module.js'

/** Sizes of an MLP. @example const o: MlpOptions = { inputs: 2, hidden: 64, layers: 2, outputs: 10 } */
export interface MlpOptions {
  readonly inputs: number
  readonly hidden: number
  /** number of dense → layer norm → leaky ReLU blocks (0: just the output projection) */
  readonly layers: number
  readonly outputs: number
}

/**
 * One dense → layer norm → leaky ReLU block.
 * @param name the MLP's name  @param i block index  @param inputs input channels  @param width output channels
 * @example fcBlock('dec', 0, 2, 64)
 */
export const fcBlock = (name: string, i: number, inputs: number, width: number): Layer => {
  const d = dense(`${name}/fc${i}`, { inputs, outputs: width })
  const ln = layerNorm(`${name}/ln${i}`, { features: width })
  return layer(`${name}/block${i}`, { ...d.params, ...ln.params }, <R extends Rate>(x: Signal<R>) => leakyRelu(ln.apply(d.apply(x))))
}

/**
 * ddsp's `fc_stack` without an output projection: `layers` blocks of width `hidden` (params `name/fc{i}`, `name/ln{i}`).
 * @param name stack name  @param inputs input channels  @param hidden width  @param layers number of blocks (0: identity)
 * @example fcStack('dec/in0', 1, 64, 2).apply(f0Scaled) // [B, F, 1] → [B, F, 64]
 */
export const fcStack = (name: string, inputs: number, hidden: number, layers: number): Layer =>
  sequential(name, Array.from({ length: layers }, (_, i) => fcBlock(name, i, i === 0 ? inputs : hidden, hidden)))

/**
 * An MLP named `name`: an fc stack, then a dense projection `name/out`.
 * @param o inputs, hidden width, number of hidden blocks, outputs
 * @example mlp('dec', { inputs: 2, hidden: 64, layers: 2, outputs: 10 }).apply(x)
 */
export const mlp = (name: string, o: MlpOptions): Layer =>
  sequential(name, [fcStack(name, o.inputs, o.hidden, o.layers), dense(`${name}/out`, { inputs: o.layers === 0 ? o.inputs : o.hidden, outputs: o.outputs })])
