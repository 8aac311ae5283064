import { describe, expect, it } from 'vitest'
import { reference, type RefTensor } from './index.js'

const k = reference('float64').kernels
const t = (shape: number[], values: number[]): RefTensor => ({ data: Float64Array.from(values), shape })
const values = (x: RefTensor) => Array.from(x.data)
const m23 = t([2, 3], [1, 2, 3, 4, 5, 6])

describe('layout kernels', () => {
  it('reshape keeps the data (and may share it)', () => {
    const r = k.reshape([m23], { shape: [3, 2] }, [3, 2])
    expect(r.shape).toEqual([3, 2])
    expect(values(r)).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('broadcast stretches unit and missing axes', () => {
    expect(values(k.broadcast([t([2, 1], [1, 2])], { shape: [2, 2, 3] }, [2, 2, 3]))).toEqual([
      1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2,
    ])
  })

  it('transpose: out.shape[i] = x.shape[perm[i]]', () => {
    expect(values(k.transpose([m23], { perm: [1, 0] }, [3, 2]))).toEqual([1, 4, 2, 5, 3, 6])
    // x[i, j, l] = 100 i + 10 j + l, [2, 3, 4] → perm [2, 0, 1] → [4, 2, 3]
    const x = t([2, 3, 4], Array.from({ length: 24 }, (_, f) => 100 * Math.floor(f / 12) + 10 * (Math.floor(f / 4) % 3) + (f % 4)))
    const y = k.transpose([x], { perm: [2, 0, 1] }, [4, 2, 3])
    const expected: number[] = []
    for (let l = 0; l < 4; l++) for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) expected.push(100 * i + 10 * j + l)
    expect(values(y)).toEqual(expected)
  })

  it('slice takes a window', () => {
    expect(values(k.slice([m23], { begin: [0, 1], size: [2, 2] }, [2, 2]))).toEqual([2, 3, 5, 6])
    expect(values(k.slice([m23], { begin: [1, 0], size: [1, 3] }, [1, 3]))).toEqual([4, 5, 6])
    expect(values(k.slice([m23], { begin: [1, 3], size: [1, 0] }, [1, 0]))).toEqual([])
  })

  it('pad adds zeros before and after each axis', () => {
    expect(values(k.pad([m23], { before: [1, 0], after: [0, 2] }, [3, 5]))).toEqual([
      0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 4, 5, 6, 0, 0,
    ])
    expect(values(k.pad([t([2], [7, 8])], { before: [2], after: [1] }, [5]))).toEqual([0, 0, 7, 8, 0])
  })

  it('slice undoes pad', () => {
    const p = k.pad([m23], { before: [1, 2], after: [3, 1] }, [6, 6])
    expect(values(k.slice([p], { begin: [1, 2], size: [2, 3] }, [2, 3]))).toEqual(values(m23))
  })

  it('concat joins several inputs along a (negative) axis', () => {
    const a = t([2, 1], [1, 2])
    const b = t([2, 2], [3, 4, 5, 6])
    const c = t([2, 1], [7, 8])
    expect(values(k.concat([a, b, c], { axis: -1 }, [2, 4]))).toEqual([1, 3, 4, 7, 2, 5, 6, 8])
    expect(values(k.concat([m23, t([1, 3], [7, 8, 9])], { axis: 0 }, [3, 3]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('reverse flips the given axes', () => {
    expect(values(k.reverse([m23], { axes: [1] }, [2, 3]))).toEqual([3, 2, 1, 6, 5, 4])
    expect(values(k.reverse([m23], { axes: [-2] }, [2, 3]))).toEqual([4, 5, 6, 1, 2, 3])
    expect(values(k.reverse([m23], { axes: [0, 1] }, [2, 3]))).toEqual([6, 5, 4, 3, 2, 1])
    expect(values(k.reverse([m23], { axes: [] }, [2, 3]))).toEqual(values(m23))
  })
})
