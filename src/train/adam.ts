/**
 * Adam (Kingma & Ba 2015, "Adam: A Method for Stochastic Optimization",
 * Algorithm 1) with optional decoupled weight decay, i.e. AdamW (Loshchilov &
 * Hutter 2019, "Decoupled Weight Decay Regularization", Algorithm 2), in
 * PyTorch's form:
 *   θ ← θ·(1 − lr·λ)
 *   m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²
 *   θ ← θ − lr · (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 * Moments are float64 plain arrays, so the state is JSON and a resumed run is
 * bitwise identical to an uninterrupted one.
 *
 * @example
 * const s = adamInit({ w: Float32Array.of(1) })
 * adamUpdate(adamDefaults, s, 1, { w: Float32Array.of(1) }, { w: Float32Array.of(0.5) }) // w → 1 − 1·sign
 */
import type { NamedParams, ParamArray } from './params.js'

/** Adam's hyper-parameters (besides the learning rate). @example const c: AdamConfig = { ...adamDefaults, weightDecay: 0.01 } // AdamW */
export interface AdamConfig {
  readonly beta1: number
  readonly beta2: number
  readonly eps: number
  /** decoupled weight decay λ (AdamW); 0 is plain Adam */
  readonly weightDecay: number
}

/** PyTorch's defaults: β₁ 0.9, β₂ 0.999, ε 1e-8, no weight decay. @example adamDefaults.beta1 // 0.9 */
export const adamDefaults: AdamConfig = { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 }

/** Adam's slots: first and second moments by param name (JSON-able). @example adamInit({ w: new Float32Array(2) }) // { m: { w: [0, 0] }, v: { w: [0, 0] } } */
export interface AdamSlots {
  readonly m: Readonly<Record<string, readonly number[]>>
  readonly v: Readonly<Record<string, readonly number[]>>
}

/**
 * Zero moments for every param.
 * @param params the params to optimise (names and sizes)
 * @example adamInit({ w: new Float32Array(3) }).m['w'] // [0, 0, 0]
 */
export const adamInit = (params: NamedParams): AdamSlots => {
  const zeros = () => Object.fromEntries(Object.entries(params).map(([k, p]) => [k, new Array<number>(p.length).fill(0)]))
  return { m: zeros(), v: zeros() }
}

/**
 * One Adam(W) update.
 * @param c hyper-parameters  @param s moments  @param t 1-based step count (for bias correction)
 * @param lr learning rate  @param params current values  @param grads gradients (same names and sizes)
 * @returns new params (same element types) and moments; inputs untouched
 * @example adamUpdate(adamDefaults, adamInit(p), 1, 1e-3, p, g)
 */
export const adamUpdate = (
  c: AdamConfig,
  s: AdamSlots,
  t: number,
  lr: number,
  params: NamedParams,
  grads: NamedParams,
): { params: Record<string, ParamArray>; slots: AdamSlots } => {
  const bc1 = 1 - c.beta1 ** t
  const bc2 = 1 - c.beta2 ** t
  const out: Record<string, ParamArray> = {}
  const m: Record<string, number[]> = {}
  const v: Record<string, number[]> = {}
  for (const [k, p0] of Object.entries(params)) {
    const g = grads[k]!
    const p = p0.slice()
    const mk = (s.m[k] ?? []).slice()
    const vk = (s.v[k] ?? []).slice()
    for (let i = 0; i < p.length; i++) {
      const gi = g[i]!
      mk[i] = c.beta1 * (mk[i] ?? 0) + (1 - c.beta1) * gi
      vk[i] = c.beta2 * (vk[i] ?? 0) + (1 - c.beta2) * gi * gi
      const decayed = p[i]! * (1 - lr * c.weightDecay)
      p[i] = decayed - (lr * (mk[i]! / bc1)) / (Math.sqrt(vk[i]! / bc2) + c.eps)
    }
    out[k] = p
    m[k] = mk
    v[k] = vk
  }
  return { params: out, slots: { m, v } }
}
