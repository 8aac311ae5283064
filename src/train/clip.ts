/**
 * Gradient clipping by global norm (`tf.clip_by_global_norm`, DDSP's
 * `grad_clip_norm = 3`): with ‖g‖ = √(Σ over all tensors of Σ gᵢ²), every
 * gradient is scaled by `maxNorm / max(‖g‖, maxNorm)`, so directions are kept
 * and only the length is capped (Pascanu et al. 2013, "On the difficulty of
 * training recurrent neural networks", §3.2).
 *
 * @example
 * const { grads, norm } = clipByGlobalNorm({ w: Float64Array.of(3, 4) }, 1) // norm 5, w → [0.6, 0.8]
 */
import type { NamedParams, ParamArray } from './params.js'

/**
 * The global L2 norm of all gradients together.
 * @param grads gradients by name
 * @example globalNorm({ a: Float64Array.of(3), b: Float64Array.of(4) }) // 5
 */
export const globalNorm = (grads: NamedParams): number => {
  let s = 0
  for (const g of Object.values(grads)) for (let i = 0; i < g.length; i++) s += g[i]! * g[i]!
  return Math.sqrt(s)
}

/**
 * Scales all gradients so their global norm is at most `maxNorm` (new arrays; input untouched).
 * @param grads gradients by name  @param maxNorm the cap (> 0)
 * @returns the clipped gradients and the norm before clipping
 * @example clipByGlobalNorm(grads, 3)
 */
export const clipByGlobalNorm = (grads: NamedParams, maxNorm: number): { grads: Record<string, ParamArray>; norm: number } => {
  const norm = globalNorm(grads)
  const scale = norm > maxNorm ? maxNorm / norm : 1
  return { grads: Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, g.map((v) => v * scale)])), norm }
}
