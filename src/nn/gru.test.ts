import { describe, expect, it } from 'vitest'
import { compile } from '../core/program-api.js'
import { input } from '../core/signal.js'
import { close, run } from '../../testing/run.js'
import { gru } from './gru.js'

/** A direct transcription of PyTorch's GRU equations for B = 1, as the oracle. */
const naiveGru = (x: number[][], p: Record<string, Float32Array>, H: number): number[][] => {
  const [w, b, u, c] = ['g/w', 'g/b', 'g/u', 'g/c'].map((k) => p[k]!) as [Float32Array, Float32Array, Float32Array, Float32Array]
  const sig = (v: number) => 1 / (1 + Math.exp(-v))
  let h = new Array<number>(H).fill(0)
  return x.map((xt) => {
    const xp = (j: number) => b[j]! + xt.reduce((s, v, i) => s + v * w[i * 3 * H + j]!, 0)
    const hu = (j: number) => c[j]! + h.reduce((s, v, i) => s + v * u[i * 3 * H + j]!, 0)
    h = h.map((hk, k) => {
      const r = sig(xp(k) + hu(k))
      const z = sig(xp(H + k) + hu(H + k))
      const n = Math.tanh(xp(2 * H + k) + r * hu(2 * H + k))
      return (1 - z) * n + z * hk
    })
    return h
  })
}

describe('gru', () => {
  it('maps [B, T, in] to [B, T, hidden] and matches the GRU equations step by step', () => {
    const [I, H, T] = [2, 3, 5]
    const g = gru('g', { inputs: I, hidden: H })
    const p = g.init(9)
    p['g/b'] = Float32Array.from({ length: 3 * H }, (_, i) => 0.1 * i - 0.3) // non-zero biases exercise every term
    p['g/c'] = Float32Array.from({ length: 3 * H }, (_, i) => 0.2 - 0.05 * i)
    const x = Array.from({ length: T }, (_, t) => [Math.sin(t), Math.cos(2 * t)])
    const y = g.apply(input('x', [1, T, I], 'control'))
    expect(y.shape).toEqual([1, T, H])
    const out = run({ y }, { x: x.flat(), ...p })
    close(out['y'], naiveGru(x, p, H).flat(), 1e-6)
  })
  it('batches are independent', () => {
    const g = gru('g', { inputs: 1, hidden: 2 })
    const p = g.init(1)
    const both = run({ y: g.apply(input('x', [2, 3, 1], 'control')) }, { x: [1, 2, 3, -1, 0, 1], ...p })['y']!
    const first = run({ y: g.apply(input('x', [1, 3, 1], 'control')) }, { x: [1, 2, 3], ...p })['y']!
    close(both.slice(0, 6), first, 1e-12)
  })
  it('a wrong input shape is a compile error', () => {
    const r = compile({ y: gru('g', { inputs: 2, hidden: 2 }).apply(input('x', [1, 4], 'control')) })
    expect(r._tag === 'Left' && r.left[0].message).toMatch(/gru: input must be \[B, T, 2\]/)
  })
})
