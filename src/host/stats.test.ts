import { describe, expect, it } from 'vitest'
import { extent, mean, median } from './stats.js'

describe('host statistics', () => {
  it('extent, mean and median of plain arrays, empty ones included', () => {
    expect(extent(new Float32Array([2, -5, 1]))).toEqual([-5, 2])
    expect(extent([])).toEqual([Infinity, -Infinity])
    expect(mean([1, 2, 3, 6])).toBe(3)
    expect(mean([])).toBe(0)
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })
  it('take 3·10⁵ values (no argument spreading)', () => {
    const xs = Float64Array.from({ length: 300000 }, (_, i) => Math.sin(i) * i)
    let [lo, hi] = [Infinity, -Infinity]
    for (const v of xs) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)]
    expect(extent(xs)).toEqual([lo, hi])
  })
})
