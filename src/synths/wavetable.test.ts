import { describe, expect, it } from 'vitest'
import { constant, input, withRate } from '../core/signal.js'
import { evaluateOrThrow } from '../../testing/run.js'
import { wavetableLookup, wavetableSynth } from './wavetable.js'

const run = (N: number, T: number, table: Float64Array, phase: Float64Array, varying = false) =>
  evaluateOrThrow({ y: wavetableLookup(input('table', varying ? [1, T, N] : [1, N], varying ? 'audio' : 'static'), input('phase', [1, T], 'audio')) }, { table, phase })['y']!.data
/** ddsp's dense linear_lookup: Σᵢ relu(1 − |φ − i/N|·N)·table[i] over the closed table. */
const dense = (table: ArrayLike<number>, phase: number, N: number) => {
  const phi = phase - Math.floor(phase)
  let y = 0
  for (let i = 0; i <= N; i++) y += Math.max(0, 1 - Math.abs(phi - i / N) * N) * table[i % N]!
  return y
}

describe('wavetableLookup', () => {
  it('equals ddsp’s dense linear_lookup', () => {
    const [N, T] = [16, 200]
    const table = Float64Array.from({ length: N }, (_, i) => Math.cos(i * 1.7) + 0.3 * i)
    const phase = Float64Array.from({ length: T }, (_, t) => 3.3 * Math.sin(t * 0.37) - 1)
    const y = run(N, T, table, phase)
    phase.forEach((ph, t) => expect(y[t]).toBeCloseTo(dense(table, ph, N), 12))
  })
  it('reads a 2048-point sine table to 2e-6 (ddsp’s test asks ≤ 2e-3 mean)', () => {
    const [N, T] = [2048, 1000]
    const table = Float64Array.from({ length: N }, (_, i) => Math.sin((2 * Math.PI * i) / N))
    const phase = Float64Array.from({ length: T }, (_, t) => (t * 0.618034) % 1)
    const y = run(N, T, table, phase)
    phase.forEach((ph, t) => expect(Math.abs(y[t]! - Math.sin(2 * Math.PI * ph))).toBeLessThan(2e-6))
  })
  it('takes one table per sample', () => {
    const [N, T] = [4, 3]
    const tables = Float64Array.from([0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23])
    const y = run(N, T, tables, Float64Array.from([0, 0.125, 0.875]), true)
    expect([...y]).toEqual([0, 10.5, 21.5]) // row 2 at φ = 7/8: between 23 and the wrapped 20
  })
})

describe('wavetableSynth', () => {
  it('a sine table at constant f0 is amp·sin(2π·f0·n/sr): phase starts at 0 (ddsp), accurate over 10 s in float32', () => {
    const [sr, T, F, N] = [16000, 160000, 100, 2048]
    const ctl = (v: number) => withRate(constant(v, [1, F, 1]).node, 'control')
    const table = constant(Array.from({ length: N }, (_, i) => Math.sin((2 * Math.PI * i) / N)), [1, N])
    const y = evaluateOrThrow({ y: wavetableSynth(ctl(0.5), ctl(440), table, { samples: T, sampleRate: sr }) }, {}, 'float32')['y']!.data
    let worst = 0
    for (let n = 0; n < T; n++) worst = Math.max(worst, Math.abs(y[n]! - 0.5 * Math.sin((2 * Math.PI * 440 * n) / sr)))
    expect(worst).toBeLessThan(1e-3)
  })
})
