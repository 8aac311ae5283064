import { describe, expect, it } from 'vitest'
import { reference } from './index.js'

const k = reference('float64').kernels

describe('sources', () => {
  it('constant fills one value or copies size(shape) values', () => {
    expect(Array.from(k.constant([], { shape: [2, 2], data: [0.5] }, [2, 2]).data)).toEqual([0.5, 0.5, 0.5, 0.5])
    const c = k.constant([], { shape: [3], data: [1, 2, 3] }, [3])
    expect(Array.from(c.data)).toEqual([1, 2, 3])
    expect(c.shape).toEqual([3])
  })

  it('noise is deterministic in (seed, offset + i)', () => {
    const attrs = { seed: 7, shape: [6], dist: 'normal', offset: 0 } as const
    const a = k.noise([], attrs, [6])
    const b = k.noise([], attrs, [6])
    expect(Array.from(a.data)).toEqual(Array.from(b.data))
    const shifted = k.noise([], { ...attrs, shape: [4], offset: 2 }, [4])
    expect(Array.from(shifted.data)).toEqual(Array.from(a.data.subarray(2)))
    const other = k.noise([], { ...attrs, seed: 8 }, [6])
    expect(Array.from(other.data)).not.toEqual(Array.from(a.data))
  })

  it('uniform noise lies in [−1, 1) and agrees across float types up to rounding', () => {
    const attrs = { seed: 3, shape: [2, 50], dist: 'uniform', offset: 10 } as const
    const u64 = k.noise([], attrs, [2, 50])
    const u32 = reference('float32').kernels.noise([], attrs, [2, 50])
    expect(u32.data).toBeInstanceOf(Float32Array)
    expect(u64.data.every((v) => v >= -1 && v < 1)).toBe(true)
    expect(Array.from(u32.data)).toEqual(Array.from(u64.data, Math.fround))
  })
})
