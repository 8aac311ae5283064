/**
 * Stochastic gradient descent with momentum, optionally Nesterov's (Sutskever
 * et al. 2013, "On the importance of initialization and momentum in deep
 * learning", eq. 1–4), in PyTorch's form:
 *   b ← μb + g;  θ ← θ − lr·(g + μb) (Nesterov)  or  θ ← θ − lr·b
 * With μ = 0 it is plain gradient descent.
 *
 * @example
 * const s = sgdInit({ x: Float64Array.of(1) })
 * sgdUpdate({ momentum: 0.9, nesterov: false }, s, 0.1, { x: Float64Array.of(1) }, { x: Float64Array.of(2) }) // x → 0.8
 */
import type { NamedParams, ParamArray } from './params.js'

/** SGD hyper-parameters. @example const c: SgdConfig = { momentum: 0.9, nesterov: true } */
export interface SgdConfig {
  /** momentum μ in [0, 1) */
  readonly momentum: number
  readonly nesterov: boolean
}

/** SGD's slot: the momentum buffer by param name (JSON-able). @example sgdInit({ x: new Float64Array(2) }) // { b: { x: [0, 0] } } */
export interface SgdSlots {
  readonly b: Readonly<Record<string, readonly number[]>>
}

/**
 * Zero momentum buffers.
 * @param params the params to optimise (names and sizes)
 * @example sgdInit({ x: new Float64Array(2) }).b['x'] // [0, 0]
 */
export const sgdInit = (params: NamedParams): SgdSlots => ({
  b: Object.fromEntries(Object.entries(params).map(([k, p]) => [k, new Array<number>(p.length).fill(0)])),
})

/**
 * One SGD update.
 * @param c momentum settings  @param s buffers  @param lr learning rate
 * @param params current values  @param grads gradients (same names and sizes)
 * @returns new params (same element types) and buffers; inputs untouched
 * @example sgdUpdate({ momentum: 0, nesterov: false }, sgdInit(p), 0.1, p, g)
 */
export const sgdUpdate = (
  c: SgdConfig,
  s: SgdSlots,
  lr: number,
  params: NamedParams,
  grads: NamedParams,
): { params: Record<string, ParamArray>; slots: SgdSlots } => {
  const out: Record<string, ParamArray> = {}
  const b: Record<string, number[]> = {}
  for (const [k, p0] of Object.entries(params)) {
    const g = grads[k]!
    const p = p0.slice()
    const bk = (s.b[k] ?? []).slice()
    for (let i = 0; i < p.length; i++) {
      bk[i] = c.momentum * (bk[i] ?? 0) + g[i]!
      p[i] = p[i]! - lr * (c.nesterov ? g[i]! + c.momentum * bk[i]! : bk[i]!)
    }
    out[k] = p
    b[k] = bk
  }
  return { params: out, slots: { b } }
}
