import { describe, expect, it } from 'vitest'
import { reference, type RefTensor } from './index.js'

const k = reference('float64').kernels
const t = (shape: number[], values: number[]): RefTensor => ({ data: Float64Array.from(values), shape })
const values = (x: RefTensor) => Array.from(x.data)
const dot = (a: RefTensor, b: RefTensor) => Array.from(a.data).reduce((s, v, i) => s + v * b.data[i]!, 0)
const seq = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i))

describe('gather', () => {
  it('frames a signal (axis 0, batchDims 0), reading 0 out of range and rounding indices', () => {
    const x = t([6], [10, 11, 12, 13, 14, 15])
    const idx = t([2, 3], [0, 1.4, 2.6, 4, 5, 6])
    expect(values(k.gather([x, idx], { axis: 0, batchDims: 0 }, [2, 3]))).toEqual([10, 11, 13, 14, 15, 0])
  })

  it('keeps the axes after `axis` (negative axis)', () => {
    const x = t([3, 2], [1, 2, 3, 4, 5, 6])
    expect(values(k.gather([x, t([2], [2, 0])], { axis: -2, batchDims: 0 }, [2, 2]))).toEqual([5, 6, 1, 2])
    expect(values(k.gather([x, t([3], [1, 1, 0])], { axis: -1, batchDims: 0 }, [3, 3]))).toEqual([2, 2, 1, 4, 4, 3, 6, 6, 5])
  })

  it('batchDims 1: out[b, i] = x[b, idx[b, i]]', () => {
    const x = t([2, 4], [10, 11, 12, 13, 20, 21, 22, 23])
    const idx = t([2, 3], [3, 0, 1.4, 2, 2, -1])
    expect(values(k.gather([x, idx], { axis: 1, batchDims: 1 }, [2, 3]))).toEqual([13, 10, 11, 22, 22, 0])
  })

  it('batchDims 1 with axes between batch and axis: out[b, p, i] = x[b, p, idx[b, i]]', () => {
    const x = t([2, 3, 4], seq(24, (f) => 100 * Math.floor(f / 12) + 10 * (Math.floor(f / 4) % 3) + (f % 4)))
    const idx = t([2, 2], [0, 3, 1, 5])
    expect(values(k.gather([x, idx], { axis: 2, batchDims: 1 }, [2, 3, 2]))).toEqual([
      0, 3, 10, 13, 20, 23, 101, 0, 111, 0, 121, 0,
    ])
  })

  it('batchDims 1 with several index axes and trailing axes', () => {
    // x[b, j, q] = 100 b + 10 j + q, [2, 3, 2]; idx [2, 2, 2]; out [2, 2, 2, 2]
    const x = t([2, 3, 2], seq(12, (f) => 100 * Math.floor(f / 6) + 10 * (Math.floor(f / 2) % 3) + (f % 2)))
    const idx = t([2, 2, 2], [0, 2, 1, 1, 2, 0, 3, 1])
    const out = k.gather([x, idx], { axis: 1, batchDims: 1 }, [2, 2, 2, 2])
    expect(values(out)).toEqual([0, 1, 20, 21, 10, 11, 10, 11, 120, 121, 100, 101, 0, 0, 110, 111])
  })
})

describe('scatterAdd', () => {
  it('batchDims 1: out[b, idx[b, i]] += u[b, i], dropping out-of-range indices', () => {
    const u = t([2, 3], [1, 2, 4, 8, 16, 32])
    const idx = t([2, 3], [3, 0, 2.8, 2, 9, -0.4])
    expect(values(k.scatterAdd([u, idx], { axis: 1, batchDims: 1, size: 4 }, [2, 4]))).toEqual([2, 0, 0, 5, 32, 0, 8, 0])
  })

  it('overlap-adds frames (axis 0, batchDims 0)', () => {
    const u = t([2, 3], [1, 1, 1, 1, 1, 1])
    const idx = t([2, 3], [0, 1, 2, 2, 3, 4])
    expect(values(k.scatterAdd([u, idx], { axis: 0, batchDims: 0, size: 5 }, [5]))).toEqual([1, 1, 2, 1, 1])
  })

  it('is the transpose of gather: <gather(x), u> = <x, scatterAdd(u)>', () => {
    const x = t([2, 3, 4], seq(24, (i) => Math.sin(i + 1)))
    const idx = t([2, 2], [0, 3, 3, 1])
    const u = t([2, 3, 2], seq(12, (i) => Math.cos(3 * i)))
    const g = k.gather([x, idx], { axis: 2, batchDims: 1 }, [2, 3, 2])
    const s = k.scatterAdd([u, idx], { axis: 2, batchDims: 1, size: 4 }, [2, 3, 4])
    expect(dot(g, u)).toBeCloseTo(dot(x, s), 12)
  })

  it('is the transpose of gather with several index axes and trailing axes', () => {
    const x = t([2, 3, 2], seq(12, (i) => Math.sin(2 * i + 1)))
    const idx = t([2, 2, 2], [0, 2, 1, 1, 2, 0, 3, 1])
    const u = t([2, 2, 2, 2], seq(16, (i) => Math.cos(i)))
    const g = k.gather([x, idx], { axis: 1, batchDims: 1 }, [2, 2, 2, 2])
    const s = k.scatterAdd([u, idx], { axis: 1, batchDims: 1, size: 3 }, [2, 3, 2])
    expect(dot(g, u)).toBeCloseTo(dot(x, s), 12)
  })
})
