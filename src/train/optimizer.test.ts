import { describe, expect, it } from 'vitest'
import { clipByGlobalNorm, globalNorm } from './clip.js'
import { initOptimizer, optimizerProblem, optimizerStep, type OptimizerSpec } from './optimizer.js'
import type { NamedParams } from './params.js'
import { learningRate } from './schedule.js'

const constant = (lr: number) => ({ kind: 'constant' as const, lr })

/** Runs `n` steps of `spec` on f(x) = ½ Σ aᵢ xᵢ² (gradient aᵢ xᵢ) from x = 1. */
const quadratic = (spec: OptimizerSpec, a: readonly number[], n: number): number[] => {
  let params: NamedParams = { x: Float64Array.from(a, () => 1) }
  let state = initOptimizer(spec, params)
  for (let i = 0; i < n; i++) {
    const x = params['x']!
    ;({ params, state } = optimizerStep(spec)(state, params, { x: x.map((v, j) => a[j]! * v) }))
  }
  return Array.from(params['x']!)
}

describe('Adam', () => {
  it('first steps match hand-computed values (x = 1, lr 0.1, g = 0.5, 0.25, −1)', () => {
    const spec: OptimizerSpec = { kind: 'adam', schedule: constant(0.1) }
    let params: NamedParams = { x: Float64Array.of(1) }
    let state = initOptimizer(spec, params)
    const got: number[] = []
    for (const g of [0.5, 0.25, -1]) {
      ;({ params, state } = optimizerStep(spec)(state, params, { x: Float64Array.of(g) }))
      got.push(params['x']![0]!)
    }
    // step 1: m̂ = g, v̂ = g², so x = 1 − 0.1·0.5/(0.5 + 1e-8) = 0.900000002
    expect(got[0]).toBeCloseTo(0.900000002, 15)
    // step 2: m = 0.07, v = 3.1225e-4; m̂ = 0.07/0.19, v̂ = 3.1225e-4/0.001999 → x ≈ 0.9 − 0.0932180
    expect(got[1]).toBeCloseTo(0.8067820404774624, 12)
    expect(got[2]).toBeCloseTo(0.8274177428854115, 12)
    expect(state.step).toBe(3)
  })
  it('AdamW decays weights multiplicatively, decoupled from the gradient', () => {
    const spec: OptimizerSpec = { kind: 'adam', schedule: constant(0.1), weightDecay: 0.5 }
    const params = { x: Float64Array.of(2) }
    const r = optimizerStep(spec)(initOptimizer(spec, params), params, { x: Float64Array.of(0) })
    expect(r.params['x']![0]).toBeCloseTo(2 * (1 - 0.1 * 0.5), 14)
  })
  it('keeps float32 params float32 and leaves its inputs untouched', () => {
    const spec: OptimizerSpec = { kind: 'adam', schedule: constant(0.1) }
    const params = { x: Float32Array.of(1) }
    const r = optimizerStep(spec)(initOptimizer(spec, params), params, { x: Float32Array.of(1) })
    expect(r.params['x']).toBeInstanceOf(Float32Array)
    expect(params.x[0]).toBe(1)
  })
  it('state survives a JSON round trip bit for bit', () => {
    const spec: OptimizerSpec = { kind: 'adam', schedule: constant(0.01) }
    const params = { x: Float64Array.of(0.1, -0.3) }
    const r = optimizerStep(spec)(initOptimizer(spec, params), params, { x: Float64Array.of(Math.PI, 1 / 3) })
    expect(JSON.parse(JSON.stringify(r.state))).toEqual(r.state)
  })
})

describe('SGD', () => {
  it('with momentum converges on an ill-conditioned quadratic', () => {
    const x = quadratic({ kind: 'sgd', schedule: constant(0.1), momentum: 0.9 }, [1, 10], 200)
    x.forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-4))
  })
  it('momentum beats plain descent at the same learning rate; Nesterov converges too', () => {
    const plain = quadratic({ kind: 'sgd', schedule: constant(0.01) }, [1, 10], 100)
    const heavy = quadratic({ kind: 'sgd', schedule: constant(0.01), momentum: 0.9 }, [1, 10], 100)
    const nesterov = quadratic({ kind: 'sgd', schedule: constant(0.01), momentum: 0.9, nesterov: true }, [1, 10], 300)
    expect(Math.abs(heavy[0]!)).toBeLessThan(Math.abs(plain[0]!))
    nesterov.forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-3))
  })
  it('one plain step is x − lr·g', () => {
    expect(quadratic({ kind: 'sgd', schedule: constant(0.25) }, [2], 1)).toEqual([0.5])
  })
})

describe('clipping and schedules', () => {
  it('clipping caps the global norm and keeps directions', () => {
    const { grads, norm } = clipByGlobalNorm({ a: Float64Array.of(3), b: Float64Array.of(0, 4) }, 1)
    expect(norm).toBe(5)
    expect(globalNorm(grads)).toBeCloseTo(1, 14)
    expect(Array.from(grads['b']!)).toEqual([0, 0.8])
    expect(clipByGlobalNorm({ a: Float64Array.of(0.3) }, 1).grads['a']![0]).toBe(0.3)
  })
  it('the optimizer clips before the update', () => {
    const spec: OptimizerSpec = { kind: 'sgd', schedule: constant(1), clipNorm: 2 }
    const r = optimizerStep(spec)(initOptimizer(spec, { x: Float64Array.of(0) }), { x: Float64Array.of(0) }, { x: Float64Array.of(10) })
    expect(r.params['x']![0]).toBe(-2)
    expect(r.gradNorm).toBe(10)
  })
  it('exponential decay: lr·rate^(step/decaySteps), staircase floors the exponent', () => {
    const s = { kind: 'exponential' as const, lr: 1e-3, rate: 0.98, decaySteps: 10000 }
    expect(learningRate(s, 0)).toBe(1e-3)
    expect(learningRate(s, 10000)).toBeCloseTo(9.8e-4, 18)
    expect(learningRate(s, 5000)).toBeCloseTo(1e-3 * Math.sqrt(0.98), 18)
    expect(learningRate({ ...s, staircase: true }, 19999)).toBeCloseTo(9.8e-4, 18)
    expect(learningRate(constant(0.5), 123)).toBe(0.5)
  })
  it('names what is wrong with a spec', () => {
    expect(optimizerProblem({ kind: 'sgd', schedule: constant(1), momentum: 1.5 })).toBe('momentum must be in [0, 1)')
    expect(optimizerProblem({ kind: 'adam', schedule: constant(-1) })).toMatch(/^schedule: lr/)
  })
})
