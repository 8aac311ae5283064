/**
 * A dilated causal convolution TCN with FiLM conditioning, after drumblender's
 * transient model (`drumblender/models/tcn.py`): a 1×1 in-projection to
 * `channels`, then `layers` residual blocks, block l being
 *   h ← gelu(γ ⊙ conv_l(h) + β) + res_l(h),   [γ − 1, β] = cond·W_l + b_l
 * with conv_l a causal convolution of kernel k and dilation 2^l
 *   conv(h)[t] = Σ_j W_j · h[t − d·(k − 1 − j)] + b   (h[t < 0] = 0)
 * (left padding of d·(k−1), so y[t] never reads the future) and res_l a 1×1
 * convolution; then a 1×1 out-projection. FiLM: Perez et al. 2018, eq. 1;
 * γ is parametrised as 1 + Δγ so a zero conditioning starts as identity.
 * Deviation: drumblender normalises with BatchNorm1d(affine = False) before
 * FiLM; batch statistics couple a batch's examples and differ between
 * training and inference, so it is left out here. The k taps are gathered by
 * `k` shifted slices concatenated on the channel axis, then one matmul.
 *
 * @example
 * const net = tcn('transient', { inputs: 1, channels: 8, kernel: 3, layers: 4, conditioning: 16, outputs: 1 })
 * net.apply(x, embedding)  // x [B, T, 1], embedding [B, 16] → [B, T, 1]
 */
import { add, mul } from '../core/math.js'
import { withRate, type Rate, type Signal } from '../core/signal.js'
import { concat, pad, reshape, slice } from '../core/tensor.js'
import { invalid } from '../dsp/guard.js'
import { gelu } from './activations.js'
import { affine, dense } from './dense.js'
import type { ParamDecls } from './init.js'
import { initParams } from './init.js'
import { matmulKeep, paramOf } from './module.js'

/** Sizes of a TCN. @example const o: TcnOptions = { inputs: 1, channels: 32, kernel: 13, layers: 8, conditioning: 128, outputs: 1 } // drumblender */
export interface TcnOptions {
  readonly inputs: number
  readonly channels: number
  /** kernel size k (drumblender: 13) */
  readonly kernel: number
  /** residual blocks; block l has dilation 2^l (drumblender: 8) */
  readonly layers: number
  /** size of the conditioning embedding (drumblender: 128) */
  readonly conditioning: number
  readonly outputs: number
}

/** A TCN: like a Layer, but applied to a signal and a conditioning embedding. @example const net: Tcn = tcn('t', o); net.apply(x, embedding); net.receptiveField */
export interface Tcn {
  readonly name: string
  readonly params: ParamDecls
  readonly init: (seed: number) => Record<string, Float32Array>
  /** @param x `[B, T, inputs]`  @param cond `[B, conditioning]` → `[B, T, outputs]` */
  readonly apply: <R extends Rate>(x: Signal<R>, cond: Signal<'static'>) => Signal<R>
  /** samples of the past each output sees: 1 + (k − 1)·(2^layers − 1) */
  readonly receptiveField: number
}

/**
 * A causal dilated convolution `[B, T, C] → [B, T, C']` with weights `[k·C, C']` (tap-major).
 * @param x `[B, T, C]`  @param w `[k·C, C']`  @param b `[C']`  @param k kernel  @param d dilation
 * @example causalConv(h, w, b, 3, 4)
 */
export const causalConv = <R extends Rate>(x: Signal<R>, w: Signal<'static'>, b: Signal<'static'>, k: number, d: number): Signal<R> => {
  const [B, T, C] = x.shape ?? [0, 0, 0]
  const padded = pad(x, [0, d * (k - 1), 0], [0, 0, 0])
  const taps = Array.from({ length: k }, (_, j) => slice(padded, [0, j * d, 0], [B!, T!, C!]))
  return add(matmulKeep(k === 1 ? taps[0]! : concat(taps, 2), w), b)
}

/** FiLM of block l: γ ⊙ h + β with [γ − 1, β] from the conditioning, each `[B, 1, C]`. */
const film = <R extends Rate>(h: Signal<R>, cond: Signal<'static'>, w: Signal<'static'>, b: Signal<'static'>, B: number, C: number): Signal<R> => {
  const gb = affine(cond, w, b) // [B, 2C]
  const gamma = reshape(add(slice(gb, [0, 0], [B, C]), 1), [B, 1, C])
  const beta = reshape(slice(gb, [0, C], [B, C]), [B, 1, C])
  return withRate(add(mul(withRate(h.node, 'static'), gamma), beta).node, h.rate)
}

const blockDecls = (name: string, l: number, o: TcnOptions): ParamDecls => {
  const C = o.channels
  return {
    [`${name}/conv${l}/w`]: { shape: [o.kernel * C, C], init: { kind: 'glorot', fanIn: o.kernel * C, fanOut: C } },
    [`${name}/conv${l}/b`]: { shape: [C], init: { kind: 'zeros' } },
    [`${name}/film${l}/w`]: { shape: [o.conditioning, 2 * C], init: { kind: 'glorot', fanIn: o.conditioning, fanOut: 2 * C } },
    [`${name}/film${l}/b`]: { shape: [2 * C], init: { kind: 'zeros' } },
    ...dense(`${name}/res${l}`, { inputs: C, outputs: C }).params,
  }
}

/**
 * A TCN named `name`.
 * @param o input channels, hidden channels, kernel, layers, conditioning size, outputs
 * @example tcn('t', { inputs: 1, channels: 8, kernel: 3, layers: 3, conditioning: 4, outputs: 1 }).apply(x, cond)
 */
export const tcn = (name: string, o: TcnOptions): Tcn => {
  const inProj = dense(`${name}/in`, { inputs: o.inputs, outputs: o.channels })
  const outProj = dense(`${name}/out`, { inputs: o.channels, outputs: o.outputs })
  const blocks = Array.from({ length: o.layers }, (_, l) => blockDecls(name, l, o))
  const params: ParamDecls = Object.assign({}, inProj.params, ...blocks, outProj.params) as ParamDecls
  const p = (k: string) => paramOf(params, `${name}/${k}`)
  const apply = <R extends Rate>(x: Signal<R>, cond: Signal<'static'>): Signal<R> => {
    const s = x.shape
    if (s === undefined || s.length !== 3 || s[2] !== o.inputs) return invalid(x, `tcn: input must be [B, T, ${o.inputs}], got [${s?.join(', ') ?? '?'}]`, x.rate)
    const cs = cond.shape
    if (cs === undefined || cs.length !== 2 || cs[0] !== s[0] || cs[1] !== o.conditioning)
      return invalid(x, `tcn: conditioning must be [${s[0]}, ${o.conditioning}], got [${cs?.join(', ') ?? '?'}]`, x.rate)
    let h = inProj.apply(x)
    for (let l = 0; l < o.layers; l++) {
      const conv = causalConv(h, p(`conv${l}/w`), p(`conv${l}/b`), o.kernel, 2 ** l)
      h = add(gelu(film(conv, cond, p(`film${l}/w`), p(`film${l}/b`), s[0]!, o.channels)), affine(h, p(`res${l}/w`), p(`res${l}/b`)))
    }
    return outProj.apply(h)
  }
  return { name, params, init: (seed) => initParams(params, seed), apply, receptiveField: 1 + (o.kernel - 1) * (2 ** o.layers - 1) }
}
