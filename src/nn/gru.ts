/**
 * A gated recurrent unit over the frame axis (Cho et al. 2014, eq. 5–8, in
 * PyTorch's `nn.GRU` form), for control-rate signals `[B, T, inputs]`:
 *   r = σ(xW_r + b_r + hU_r + c_r),  z = σ(xW_z + b_z + hU_z + c_z)
 *   n = tanh(xW_n + b_n + r ⊙ (hU_n + c_n)),  h' = (1 − z) ⊙ n + z ⊙ h
 * from h = 0. The input projections of all frames are one matmul; the
 * recurrence is unrolled over the T frames (its gates are nonlinear in h, so
 * the core's linear `recurrence` cannot express it). Unrolling grows the graph
 * by ~20 equations per frame: right for control rate (250 frames per second),
 * not for audio rate. Weights Glorot uniform, biases zero.
 *
 * @example
 * const g = gru('dec/gru', { inputs: 16, hidden: 32 })
 * g.apply(input('z', [1, 50, 16], 'control'))   // [1, 50, 32]
 */
import { add, mul, sub, tanh } from '../core/math.js'
import { constant, withRate, type Rate, type Signal } from '../core/signal.js'
import { concat, slice } from '../core/tensor.js'
import { invalid } from '../dsp/guard.js'
import { sigmoid } from '../dsp/scale.js'
import type { ParamDecls } from './init.js'
import { layer, matmulKeep, paramOf, type Layer } from './module.js'

/** Sizes of a GRU. @example const o: GruOptions = { inputs: 16, hidden: 32 } */
export interface GruOptions {
  readonly inputs: number
  readonly hidden: number
}

/** A recurrent layer that can also start from a given state (a sequence rendered in blocks carries its last state on). @example gru('g', { inputs: 2, hidden: 8 }).applyFrom(x, h0) */
export interface Recurrent extends Layer {
  /** `[B, T, H]` states from the initial state `h0` `[B, 1, H]` (zeros when left out); the last row is the state to carry */
  readonly applyFrom: <R extends Rate>(x: Signal<R>, h0?: Signal<R>) => Signal<R>
}

/** Gate `g` (0 = r, 1 = z, 2 = n) of a `[B, 1, 3H]` pre-activation. */
const gate = <R extends Rate>(v: Signal<R>, g: number, B: number, H: number): Signal<R> => slice(v, [0, 0, g * H], [B, 1, H])

/**
 * One GRU step.
 * @param xt `[B, 1, 3H]` input projection of the frame  @param h `[B, 1, H]` previous state
 * @param u `[H, 3H]` recurrent weights  @param c `[3H]` recurrent bias
 * @example gruCell(xt, h, u, c, 1, 32)
 */
export const gruCell = <R extends Rate>(xt: Signal<R>, h: Signal<R>, u: Signal<'static'>, c: Signal<'static'>, B: number, H: number): Signal<R> => {
  const hu = add(matmulKeep(h, u), c)
  const r = sigmoid(add(gate(xt, 0, B, H), gate(hu, 0, B, H)))
  const z = sigmoid(add(gate(xt, 1, B, H), gate(hu, 1, B, H)))
  const n = tanh(add(gate(xt, 2, B, H), mul(r, gate(hu, 2, B, H))))
  return add(mul(sub(1, z), n), mul(z, h))
}

/**
 * A GRU named `name` (params `name/w` `[inputs, 3H]`, `name/b`, `name/u` `[H, 3H]`, `name/c`; gates ordered r, z, n).
 * @param o input channels and hidden size
 * @example gru('enc', { inputs: 2, hidden: 8 }).apply(x)  // [B, T, 2] → [B, T, 8]
 */
export const gru = (name: string, o: GruOptions): Recurrent => {
  const H = o.hidden
  const [w, b, u, c] = ['w', 'b', 'u', 'c'].map((k) => `${name}/${k}`) as [string, string, string, string]
  const decls: ParamDecls = {
    [w]: { shape: [o.inputs, 3 * H], init: { kind: 'glorot', fanIn: o.inputs, fanOut: 3 * H } },
    [b]: { shape: [3 * H], init: { kind: 'zeros' } },
    [u]: { shape: [H, 3 * H], init: { kind: 'glorot', fanIn: H, fanOut: 3 * H } },
    [c]: { shape: [3 * H], init: { kind: 'zeros' } },
  }
  const applyFrom = <R extends Rate>(x: Signal<R>, h0?: Signal<R>): Signal<R> => {
    const s = x.shape
    if (s === undefined || s.length !== 3 || s[2] !== o.inputs) return invalid(x, `gru: input must be [B, T, ${o.inputs}], got [${s?.join(', ') ?? '?'}]`, x.rate)
    const [B, T] = [s[0]!, s[1]!]
    if (h0 !== undefined && h0.shape?.join(',') !== [B, 1, H].join(',')) return invalid(x, `gru: initial state must be [${B}, 1, ${H}], got [${h0.shape?.join(', ') ?? '?'}]`, x.rate)
    const xp = add(matmulKeep(x, paramOf(decls, w)), paramOf(decls, b))
    const hs: Array<Signal<R>> = []
    let h = h0 ?? withRate(constant(0, [B, 1, H]).node, x.rate)
    for (let t = 0; t < T; t++) {
      h = gruCell(slice(xp, [0, t, 0], [B, 1, 3 * H]), h, paramOf(decls, u), paramOf(decls, c), B, H)
      hs.push(h)
    }
    return concat(hs, 1)
  }
  return { ...layer(name, decls, <R extends Rate>(x: Signal<R>): Signal<R> => applyFrom(x)), applyFrom }
}
