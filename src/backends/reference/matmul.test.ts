import { describe, expect, it } from 'vitest'
import { reference, type RefTensor } from './index.js'

const k = reference('float64').kernels
const t = (shape: number[], values: number[]): RefTensor => ({ data: Float64Array.from(values), shape })
const values = (x: RefTensor) => Array.from(x.data)
const seq = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i))
const plain = { transposeA: false, transposeB: false }

describe('matmul', () => {
  it('multiplies two matrices', () => {
    const a = t([2, 3], [1, 2, 3, 4, 5, 6])
    const b = t([3, 2], [7, 8, 9, 10, 11, 12])
    expect(values(k.matmul([a, b], plain, [2, 2]))).toEqual([58, 64, 139, 154])
  })

  it('honours transposeA and transposeB', () => {
    const a = t([2, 3], [1, 2, 3, 4, 5, 6])
    const aT = k.transpose([a], { perm: [1, 0] }, [3, 2])
    const b = t([3, 2], [7, 8, 9, 10, 11, 12])
    const bT = k.transpose([b], { perm: [1, 0] }, [2, 3])
    const ab = [58, 64, 139, 154]
    expect(values(k.matmul([aT, b], { transposeA: true, transposeB: false }, [2, 2]))).toEqual(ab)
    expect(values(k.matmul([a, bT], { transposeA: false, transposeB: true }, [2, 2]))).toEqual(ab)
    expect(values(k.matmul([aT, bT], { transposeA: true, transposeB: true }, [2, 2]))).toEqual(ab)
    // aᵀ·aᵀᵀ = aᵀ·a, [3, 3]
    expect(values(k.matmul([a, a], { transposeA: true, transposeB: false }, [3, 3]))).toEqual([17, 22, 27, 22, 29, 36, 27, 36, 45])
  })

  it('broadcasts a single matrix over a batch', () => {
    const a = t([2, 1, 2], [1, 2, 3, 4])
    const b = t([2, 2], [1, 0, 0, 10])
    expect(values(k.matmul([a, b], plain, [2, 1, 2]))).toEqual([1, 20, 3, 40])
  })

  it('broadcasts batch axes NumPy-style against a hand loop: [2, 1, 2, 3] · [3, 4, 3]ᵀ → [2, 3, 2, 4]', () => {
    const a = t([2, 1, 2, 3], seq(12, (i) => i - 4))
    const b = t([3, 4, 3], seq(36, (i) => (i * 7) % 5))
    const out = k.matmul([a, b], { transposeA: false, transposeB: true }, [2, 3, 2, 4])
    const expected: number[] = []
    for (let p = 0; p < 2; p++)
      for (let q = 0; q < 3; q++)
        for (let i = 0; i < 2; i++)
          for (let j = 0; j < 4; j++) {
            let s = 0
            for (let l = 0; l < 3; l++) s += a.data[p * 6 + i * 3 + l]! * b.data[q * 12 + j * 3 + l]!
            expected.push(s)
          }
    expect(out.shape).toEqual([2, 3, 2, 4])
    expect(values(out)).toEqual(expected)
  })
})
