/**
 * DDSP's `RnnFcDecoder` (magenta/ddsp `ddsp/training/decoders.py`): one
 * fc stack per input feature, their outputs concatenated and run through a
 * GRU over the frames, then the stacks' outputs and the GRU's output
 * concatenated again, one more fc stack and a dense projection to the output
 * channels:
 *   s_i = FcStack_i(x_i)                         (i = f0, loudness; [B, F, ch])
 *   h   = GRU([s_1, s_2])                        ([B, F, rnn])
 *   y   = Dense(FcStack_out([s_1, s_2, h]))      ([B, F, outputs])
 * FcStack = `layers` × (dense → layer norm → leaky ReLU), as ddsp `fc_stack`.
 * Ref: Engel et al., "DDSP", ICLR 2020, §B (decoder); ddsp-anchors.md §2.11.
 *
 * @example
 * const d = rnnFcDecoder('dec', { inputs: 2, hidden: 64, layers: 1, rnn: 64, outputs: 126 })
 * d.apply(concat([f0Scaled, ldScaled], 2))   // [B, F, 2] → [B, F, 126]
 * d.init(42)                                 // { 'dec/in0/fc0/w': …, 'dec/gru/w': …, 'dec/out/out/w': … }
 */
import { type Rate, type Signal } from '../core/signal.js'
import { concat, slice } from '../core/tensor.js'
import { invalid } from '../dsp/guard.js'
import { gru } from '../nn/gru.js'
import { layer, type Layer } from '../nn/module.js'
import { fcStack, mlp } from '../nn/mlp.js'

/** Sizes of the decoder. @example const o: DecoderOptions = { inputs: 2, hidden: 64, layers: 1, rnn: 64, outputs: 126 } */
export interface DecoderOptions {
  /** number of scalar input features (each gets its own stack); ddsp: 2 (f0, loudness) */
  readonly inputs: number
  /** width of every fc stack (ddsp: 512) */
  readonly hidden: number
  /** dense → layer norm → leaky ReLU blocks per stack, ≥ 1 (ddsp: 3) */
  readonly layers: number
  /** GRU state size (ddsp: 512) */
  readonly rnn: number
  /** output channels (ddsp solo instrument: 1 + 60 + 65 = 126) */
  readonly outputs: number
}

/** A decoder that can also continue from a GRU state, for rendering in blocks. @example rnnFcDecoder('dec', o).applyFrom(x, h0) // { y, h } */
export interface Decoder extends Layer {
  /** controls `y` `[B, F, outputs]` from the GRU state `h0` `[B, 1, rnn]` (zeros when left out), and the last state `h` to carry on */
  readonly applyFrom: <R extends Rate>(x: Signal<R>, h0?: Signal<R>) => { readonly y: Signal<R>; readonly h: Signal<R> }
}

/**
 * The decoder named `name`: `[B, F, inputs]` control features → `[B, F, outputs]` raw (unscaled) controls.
 * @param o input features, stack width, blocks per stack, GRU size, output channels
 * @example rnnFcDecoder('dec', { inputs: 2, hidden: 16, layers: 1, rnn: 16, outputs: 10 }).apply(x)
 */
export const rnnFcDecoder = (name: string, o: DecoderOptions): Decoder => {
  const stacks = Array.from({ length: o.inputs }, (_, i) => fcStack(`${name}/in${i}`, 1, o.hidden, o.layers))
  const rnn = gru(`${name}/gru`, { inputs: o.inputs * o.hidden, hidden: o.rnn })
  const out = mlp(`${name}/out`, { inputs: o.inputs * o.hidden + o.rnn, hidden: o.hidden, layers: o.layers, outputs: o.outputs })
  const decls = Object.assign({}, ...stacks.map((s) => s.params), rnn.params, out.params) as Layer['params']
  const applyFrom = <R extends Rate>(x: Signal<R>, h0?: Signal<R>): { y: Signal<R>; h: Signal<R> } => {
    const s = x.shape
    if (s === undefined || s.length !== 3 || s[2] !== o.inputs) {
      const bad = invalid(x, `rnnFcDecoder: input must be [B, F, ${o.inputs}], got [${s?.join(', ') ?? '?'}]`, x.rate)
      return { y: bad, h: bad }
    }
    const [B, F] = [s[0]!, s[1]!]
    const hs = stacks.map((st, i) => st.apply(slice(x, [0, 0, i], [B, F, 1])))
    const h = rnn.applyFrom(concat(hs, 2), h0)
    return { y: out.apply(concat([...hs, h], 2)), h: slice(h, [0, F - 1, 0], [B, 1, o.rnn]) }
  }
  return { ...layer(name, decls, <R extends Rate>(x: Signal<R>): Signal<R> => applyFrom(x).y), applyFrom }
}
