/**
 * Fused host lowering of `losses.meanDifference` and its `.vjp` (DDSP
 * `mean_difference` without weights, equal shapes): one pass, no broadcast
 * of the scalar cotangent.
 *   L1: D = (1/n)·Σ|tᵢ − vᵢ|,  ∂D/∂t = sign(t − v)/n   (sign 0 = 0, as the decomposition)
 *   L2: D = (1/n)·Σ(tᵢ − vᵢ)², ∂D/∂t = 2(t − v)/n;     ∂D/∂v = −∂D/∂t
 *
 * @example
 * meanDifferenceForward([t, v], [[3], [3]], { distance: 'L1' }, []) // Float32Array [D]
 */
import type { HostKernel } from './kernel.js'
import { oneOf } from './attrs.js'
import { output } from './arena.js'

const DISTANCES = ['L1', 'L2'] as const

/** Forward: `[t, v]` → `[]`. @example meanDifferenceForward([t, v], [[n], [n]], { distance: 'L2' }, []) */
export const meanDifferenceForward: HostKernel = (inputs, _shapes, attrs) => {
  const [t, v] = inputs as [Float32Array, Float32Array]
  const l1 = oneOf(attrs, 'distance', DISTANCES) === 'L1'
  let acc = 0
  for (let i = 0; i < t.length; i++) {
    const d = t[i]! - v[i]!
    acc += l1 ? Math.abs(d) : d * d
  }
  return Float32Array.of(acc / t.length)
}

/** Backward: `[t, v, g]` → packed `[∂t (n), ∂v (n)]`. @example meanDifferenceVjp([t, v, g], shapes, { distance: 'L1' }, [2 * n]) */
export const meanDifferenceVjp: HostKernel = (inputs, _shapes, attrs) => {
  const [t, v, g] = inputs as [Float32Array, Float32Array, Float32Array]
  const n = t.length
  const l1 = oneOf(attrs, 'distance', DISTANCES) === 'L1'
  const scale = g[0]! / n
  const out = output(2 * n)
  for (let i = 0; i < n; i++) {
    const d = t[i]! - v[i]!
    const dt = l1 ? scale * Math.sign(d) : 2 * scale * d
    out[i] = dt
    out[n + i] = -dt
  }
  return out
}
