import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { recurrenceSequential } from './recurrence.js'

const random = (n: number, seed: number, lo = -1, hi = 1): Float64Array => {
  let s = seed
  return Float64Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return lo + ((hi - lo) * s) / 2147483648
  })
}

describe('recurrenceSequential', () => {
  it.each([1, 2, 3])('equals the float64 reference kernel for k = %i (float64 in and out)', (k) => {
    const [B, T] = [3, 500]
    const a = random(B * T * k * k, 7, -0.6 / k, 0.6 / k)
    const x = random(B * T * k, 8)
    const y0 = random(B * k, 9)
    const y = new Float64Array(B * T * k)
    recurrenceSequential(a, x, y0, y, B, T, k)
    const want = reference('float64').kernels.recurrence(
      [{ data: a, shape: [B, T, k, k] }, { data: x, shape: [B, T, k] }, { data: y0, shape: [B, k] }], {}, [B, T, k],
    ).data
    for (let i = 0; i < y.length; i++) expect(Math.abs(y[i]! - want[i]!)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(want[i]!)))
  })

  it('keeps the state in float64 when writing float32: a one-pole at 1 − 1e-6 integrates 1e5 small steps', () => {
    const T = 100_000
    const a = new Float32Array(T).fill(1 - 1e-6)
    const x = new Float32Array(T).fill(1e-3)
    const y = new Float32Array(T)
    recurrenceSequential(a, x, new Float32Array(1), y, 1, T, 1)
    const pole = Math.fround(1 - 1e-6)
    const exact = (1e-3 * Math.fround(1e-3) / 1e-3) * (1 - pole ** T) / (1 - pole)
    expect(Math.abs(y[T - 1]! - exact) / exact).toBeLessThan(1e-6)
  })
})
