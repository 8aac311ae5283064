import { describe, expect, it } from 'vitest'
import { reference, type RefTensor } from './index.js'

const k = reference('float64').kernels
const t = (shape: number[], values: number[]): RefTensor => ({ data: Float64Array.from(values), shape })
const values = (x: RefTensor) => Array.from(x.data)
// x[i, j, l] = 100 i + 10 j + l, shape [2, 3, 2]
const x = t([2, 3, 2], [0, 1, 10, 11, 20, 21, 100, 101, 110, 111, 120, 121])

describe('reductions', () => {
  it('sums over one axis', () => {
    expect(values(k.sum([x], { axes: [1] }, [2, 2]))).toEqual([30, 33, 330, 333])
    expect(values(k.sum([x], { axes: [2] }, [2, 3]))).toEqual([1, 21, 41, 201, 221, 241])
  })

  it('sums over several, possibly negative, axes', () => {
    expect(values(k.sum([x], { axes: [0, -1] }, [3]))).toEqual([0 + 1 + 100 + 101, 10 + 11 + 110 + 111, 20 + 21 + 120 + 121])
    expect(values(k.sum([x], { axes: [2, 0, 1] }, []))).toEqual([726])
  })

  it('sum over no axes is a copy', () => {
    expect(values(k.sum([x], { axes: [] }, [2, 3, 2]))).toEqual(values(x))
  })

  it('reduceMax over axes', () => {
    const y = t([2, 3], [3, -1, 7, -5, -2, -9])
    expect(values(k.reduceMax([y], { axes: [1] }, [2]))).toEqual([7, -2])
    expect(values(k.reduceMax([y], { axes: [-2] }, [3]))).toEqual([3, -1, 7])
    expect(values(k.reduceMax([y], { axes: [0, 1] }, []))).toEqual([7])
  })

  it('reduceMax of an empty set is -Infinity', () => {
    expect(values(k.reduceMax([t([0, 2], [])], { axes: [0] }, [2]))).toEqual([-Infinity, -Infinity])
  })
})
