import { describe, expect, it } from 'vitest'
import { reference, type RefTensor } from './index.js'

const k = reference('float64').kernels
const t = (shape: number[], values: number[]): RefTensor => ({ data: Float64Array.from(values), shape })
const values = (x: RefTensor) => Array.from(x.data)

describe('elementwise kernels', () => {
  it('add broadcasts [2, 1] + [3] to [2, 3]', () => {
    const out = k.add([t([2, 1], [10, 20]), t([3], [1, 2, 3])], {}, [2, 3])
    expect(out.shape).toEqual([2, 3])
    expect(values(out)).toEqual([11, 12, 13, 21, 22, 23])
  })

  it('broadcasts a scalar against a rank-3 tensor on either side', () => {
    const x = t([1, 2, 1], [1, 2])
    expect(values(k.sub([t([], [10]), x], {}, [1, 2, 1]))).toEqual([9, 8])
    expect(values(k.div([x, t([], [2])], {}, [1, 2, 1]))).toEqual([0.5, 1])
  })

  it('broadcasts both operands: [3, 1] * [1, 2]', () => {
    expect(values(k.mul([t([3, 1], [1, 2, 3]), t([1, 2], [10, 100])], {}, [3, 2]))).toEqual([10, 100, 20, 200, 30, 300])
  })

  it('computes pow, maximum, minimum and atan2(y, x)', () => {
    const a = t([3], [2, -1, 4])
    const b = t([3], [3, 2, 0.5])
    expect(values(k.pow([a, b], {}, [3]))).toEqual([8, 1, 2])
    expect(values(k.maximum([a, b], {}, [3]))).toEqual([3, 2, 4])
    expect(values(k.minimum([a, b], {}, [3]))).toEqual([2, -1, 0.5])
    expect(values(k.atan2([t([2], [1, 0]), t([2], [0, -1])], {}, [2]))).toEqual([Math.PI / 2, Math.PI])
  })

  it('less gives 1/0 and select picks a where mask != 0, broadcasting all three', () => {
    const x = t([4], [-2, -1, 1, 2])
    const mask = k.less([x, t([], [0])], {}, [4])
    expect(values(mask)).toEqual([1, 1, 0, 0])
    const abs = k.select([mask, k.neg([x], {}, [4]), x], {}, [4])
    expect(values(abs)).toEqual([2, 1, 1, 2])
    const rows = k.select([t([2, 1], [0, 0.5]), t([3], [1, 2, 3]), t([], [-1])], {}, [2, 3])
    expect(values(rows)).toEqual([-1, -1, -1, 1, 2, 3])
  })

  it('applies the unary maths functions', () => {
    const x = t([4], [-1.5, -0, 0, 2.25])
    expect(values(k.sign([x], {}, [4]))).toEqual([-1, 0, 0, 1])
    expect(Object.is(k.sign([x], {}, [4]).data[1], 0)).toBe(true)
    expect(values(k.floor([x], {}, [4]))).toEqual([-2, -0, 0, 2])
    expect(values(k.abs([x], {}, [4]))).toEqual([1.5, 0, 0, 2.25])
    expect(values(k.sqrt([t([2], [4, 2.25])], {}, [2]))).toEqual([2, 1.5])
    expect(values(k.exp([t([1], [0])], {}, [1]))).toEqual([1])
    expect(values(k.log([t([1], [Math.E])], {}, [1]))).toEqual([1])
    expect(values(k.tanh([t([1], [0])], {}, [1]))).toEqual([0])
    expect(values(k.sin([t([1], [Math.PI / 2])], {}, [1]))).toEqual([1])
    expect(values(k.cos([t([1], [0])], {}, [1]))).toEqual([1])
    expect(values(k.stopGradient([x], {}, [4]))).toEqual(values(x))
  })

  it('stores results in the float type of the backend', () => {
    const out = reference('float32').kernels.add([t([1], [0.1]), t([1], [0.2])], {}, [1])
    expect(out.data).toBeInstanceOf(Float32Array)
    expect(out.data[0]).toBe(Math.fround(0.1 + 0.2))
  })
})
