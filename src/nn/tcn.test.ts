import { describe, expect, it } from 'vitest'
import { input } from '../core/signal.js'
import { close, run } from '../../testing/run.js'
import { causalConv, tcn } from './tcn.js'

const opts = { inputs: 1, channels: 4, kernel: 3, layers: 3, conditioning: 2, outputs: 1 }
const T = 40

describe('tcn', () => {
  it('causal dilated convolution: y[t] = Σ_j W_j·x[t − d(k−1−j)] + b', () => {
    // one channel, k = 3, d = 2: y[t] = 1·x[t−4] + 10·x[t−2] + 100·x[t] + 0.5
    const x = [1, 2, 3, 4, 5, 6]
    const y = run({ y: causalConv(input('x', [1, 6, 1], 'audio'), input('w', [3, 1]), input('b', [1]), 3, 2) }, { x, w: [1, 10, 100], b: [0.5] })['y']!
    close(y, x.map((v, t) => 100 * v + 10 * (x[t - 2] ?? 0) + (x[t - 4] ?? 0) + 0.5), 1e-12)
  })
  it('maps [B, T, in] with [B, E] conditioning to [B, T, out]; receptive field 1 + (k−1)(2^L − 1)', () => {
    const net = tcn('t', opts)
    const y = net.apply(input('x', [2, T, 1], 'audio'), input('c', [2, 2]))
    expect(y.shape).toEqual([2, T, 1])
    expect(y.rate).toBe('audio')
    expect(net.receptiveField).toBe(15)
  })
  it('is causal: changing x at t0 leaves every output before t0 unchanged, and changes some after', () => {
    const net = tcn('t', opts)
    const p = net.init(5)
    const y = net.apply(input('x', [1, T, 1], 'audio'), input('c', [1, 2]))
    const x = Array.from({ length: T }, (_, t) => Math.sin(0.3 * t))
    const a = run({ y }, { x, c: [0.5, -0.5], ...p })['y']!
    const x2 = x.map((v, t) => (t === 20 ? v + 1 : v))
    const b = run({ y }, { x: x2, c: [0.5, -0.5], ...p })['y']!
    close(b.slice(0, 20), a.slice(0, 20), 0)
    expect(b.slice(20).some((v, i) => v !== a[20 + i])).toBe(true)
  })
  it('FiLM conditions the output: two embeddings give two outputs', () => {
    const net = tcn('t', opts)
    const p = net.init(5)
    const y = net.apply(input('x', [1, T, 1], 'audio'), input('c', [1, 2]))
    const x = Array.from({ length: T }, (_, t) => Math.sin(0.3 * t))
    const a = run({ y }, { x, c: [0, 0], ...p })['y']!
    const b = run({ y }, { x, c: [1, -1], ...p })['y']!
    expect(a.some((v, i) => Math.abs(v - b[i]!) > 1e-3)).toBe(true)
  })
})
