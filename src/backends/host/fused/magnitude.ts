/**
 * Fused host lowering of `dsp.magnitude` and its `.vjp` (one pass each, no
 * broadcast of the cotangent over the complex axis):
 *   |X| = √(re² + im² + ε),   ∂L/∂(re, im) = g·(re, im)/|X|
 *
 * @example
 * const m = magnitudeForward([spec], [[1, 59, 513, 2]], { eps: 1e-18 }, [1, 59, 513])
 */
import type { HostKernel } from './kernel.js'
import { num } from './attrs.js'
import { output } from './arena.js'

/** Forward: complex `[..., 2]` → `[...]`. @example magnitudeForward([X], [[4, 2]], { eps: 0 }, [4]) */
export const magnitudeForward: HostKernel = (inputs, _shapes, attrs) => {
  const X = inputs[0]!
  const eps = num(attrs, 'eps')
  const out = output(X.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(X[2 * i]! * X[2 * i]! + X[2 * i + 1]! * X[2 * i + 1]! + eps)
  return out
}

/** Backward: `[X, g]` → `∂X` (same shape as X). @example magnitudeVjp([X, g], [[4, 2], [4]], { eps: 0 }, [8]) */
export const magnitudeVjp: HostKernel = (inputs, _shapes, attrs) => {
  const [X, g] = inputs as [Float32Array, Float32Array]
  const eps = num(attrs, 'eps')
  const out = output(X.length)
  for (let i = 0; i < g.length; i++) {
    const re = X[2 * i]!, im = X[2 * i + 1]!
    const m = Math.sqrt(re * re + im * im + eps)
    const s = m > 0 ? g[i]! / m : 0
    out[2 * i] = s * re
    out[2 * i + 1] = s * im
  }
  return out
}
