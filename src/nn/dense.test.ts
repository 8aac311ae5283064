import { describe, expect, it } from 'vitest'
import { compile } from '../core/program-api.js'
import { input } from '../core/signal.js'
import { close, run } from '../../testing/run.js'
import { gelu, leakyRelu } from './activations.js'
import { dense } from './dense.js'
import { initParams } from './init.js'
import { layerNorm } from './layer-norm.js'
import { mlp } from './mlp.js'

describe('init', () => {
  it('Glorot values lie in ±√(6/(in+out)), are seeded, and do not depend on declaration order', () => {
    const d = { 'a/w': { shape: [4, 6], init: { kind: 'glorot', fanIn: 4, fanOut: 6 } }, 'a/b': { shape: [6], init: { kind: 'zeros' } } } as const
    const p = initParams(d, 3)
    const lim = Math.sqrt(6 / 10)
    expect(p['a/w']!.every((v) => Math.abs(v) <= lim)).toBe(true)
    expect(Math.max(...p['a/w']!.map(Math.abs))).toBeGreaterThan(lim / 2)
    expect(Array.from(p['a/b']!)).toEqual(new Array(6).fill(0))
    expect(initParams({ 'a/w': d['a/w'] }, 3)['a/w']).toEqual(p['a/w'])
    expect(initParams(d, 4)['a/w']).not.toEqual(p['a/w'])
  })
})

describe('dense, layer norm, activations, mlp', () => {
  it('dense is x·W + b over the last axis', () => {
    const d = dense('d', { inputs: 2, outputs: 3 })
    const w = [1, 2, 3, 4, 5, 6]
    const out = run({ y: d.apply(input('x', [2, 1, 2], 'control')) }, { x: [1, 0, 0.5, -1], 'd/w': w, 'd/b': [0.1, 0.2, 0.3] })
    close(out['y'], [1.1, 2.2, 3.3, 0.5 - 4 + 0.1, 1 - 5 + 0.2, 1.5 - 6 + 0.3], 1e-12)
  })
  it('dense on the wrong channel count is a compile error naming the shape', () => {
    const r = compile({ y: dense('d', { inputs: 3, outputs: 1 }).apply(input('x', [1, 4, 2], 'control')) })
    expect(r._tag === 'Left' && r.left[0].message).toMatch(/dense: input shape \[1, 4, 2\]/)
  })
  it('names the caller’s line as the site of an error raised inside nn (every src/ folder is library, not only a listed few)', () => {
    const r = compile({ y: dense('d', { inputs: 3, outputs: 1 }).apply(input('x', [1, 4, 2], 'control')) })
    expect(r._tag === 'Left' && r.left[0].site).toContain('dense.test.ts')
  })
  it('layer norm gives zero mean and unit variance per position before γ, β', () => {
    const ln = layerNorm('ln', { features: 4, eps: 0 })
    const y = run({ y: ln.apply(input('x', [2, 4])) }, { x: [1, 2, 3, 4, -2, 0, 0, 10], 'ln/gamma': [1, 1, 1, 1], 'ln/beta': [0, 0, 0, 0] })['y']!
    for (const row of [y.slice(0, 4), y.slice(4)]) {
      expect(row.reduce((a, b) => a + b) / 4).toBeCloseTo(0, 12)
      expect(row.reduce((a, b) => a + b * b, 0) / 4).toBeCloseTo(1, 12)
    }
  })
  it('leaky ReLU and GELU values', () => {
    const out = run({ l: leakyRelu(input('x', [3])), g: gelu(input('x', [3])) }, { x: [-1, 0, 2] })
    close(out['l'], [-0.2, 0, 2], 1e-15)
    close(out['g'], [-0.15880800939172324, 0, 1.954597694087775], 1e-12) // tanh form, Hendrycks & Gimpel
  })
  it('mlp maps [B, T, in] to [B, T, out] and declares fc_stack params', () => {
    const m = mlp('dec', { inputs: 2, hidden: 8, layers: 2, outputs: 5 })
    expect(Object.keys(m.params).sort()).toEqual(
      ['dec/fc0/b', 'dec/fc0/w', 'dec/fc1/b', 'dec/fc1/w', 'dec/ln0/beta', 'dec/ln0/gamma', 'dec/ln1/beta', 'dec/ln1/gamma', 'dec/out/b', 'dec/out/w'],
    )
    const y = m.apply(input('x', [3, 7, 2], 'control'))
    expect(y.shape).toEqual([3, 7, 5])
    expect(y.rate).toBe('control')
    const out = run({ y }, { x: new Float64Array(42).fill(0.3), ...m.init(1) })
    expect(out['y']!.every(Number.isFinite)).toBe(true)
  })
})
