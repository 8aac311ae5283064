import { describe, expect, it } from 'vitest'
import { reference, type RefTensor } from './index.js'

const k = reference('float64').kernels
const t = (shape: number[], values: number[]): RefTensor => ({ data: Float64Array.from(values), shape })
const values = (x: RefTensor) => Array.from(x.data)
const seq = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i))

describe('cumsum', () => {
  const x = t([2, 3], [1, 2, 3, 10, 20, 30])
  it('runs forward, inclusive, along the last axis', () => {
    expect(values(k.cumsum([x], { axis: 1, reverse: false, exclusive: false }, [2, 3]))).toEqual([1, 3, 6, 10, 30, 60])
  })
  it('exclusive starts at 0', () => {
    expect(values(k.cumsum([x], { axis: -1, reverse: false, exclusive: true }, [2, 3]))).toEqual([0, 1, 3, 0, 10, 30])
  })
  it('reverse sums from the end', () => {
    expect(values(k.cumsum([x], { axis: 1, reverse: true, exclusive: false }, [2, 3]))).toEqual([6, 5, 3, 60, 50, 30])
  })
  it('reverse and exclusive together', () => {
    expect(values(k.cumsum([x], { axis: 1, reverse: true, exclusive: true }, [2, 3]))).toEqual([5, 3, 0, 50, 30, 0])
  })
  it('runs along a leading (negative) axis', () => {
    expect(values(k.cumsum([x], { axis: -2, reverse: false, exclusive: false }, [2, 3]))).toEqual([1, 2, 3, 11, 22, 33])
    expect(values(k.cumsum([x], { axis: 0, reverse: true, exclusive: true }, [2, 3]))).toEqual([10, 20, 30, 0, 0, 0])
  })
})

/** y[t]_i = Σ_j a[t]_ij y[t−1]_j + x[t]_i, batch-major, as a plain hand loop. */
const handRecurrence = (a: number[], x: number[], y0: number[], batch: number, T: number, n: number): number[] => {
  const y: number[] = []
  for (let b = 0; b < batch; b++) {
    let prev = y0.slice(b * n, b * n + n)
    for (let s = 0; s < T; s++) {
      const next = seq(n, (i) => {
        let v = x[(b * T + s) * n + i]!
        for (let j = 0; j < n; j++) v += a[((b * T + s) * n + i) * n + j]! * prev[j]!
        return v
      })
      y.push(...next)
      prev = next
    }
  }
  return y
}

describe('recurrence', () => {
  it('k = 1, a = 0.5: a one-pole filter', () => {
    const a = t([4, 1, 1], [0.5, 0.5, 0.5, 0.5])
    const x = t([4, 1], [1, 0, 0, 2])
    const y = k.recurrence([a, x, t([1], [4])], {}, [4, 1])
    expect(values(y)).toEqual([3, 1.5, 0.75, 2.375])
  })

  it('k = 2 with a batch axis matches a hand loop', () => {
    const [batch, T, n] = [3, 5, 2]
    const a = seq(batch * T * n * n, (i) => 0.6 * Math.sin(1.7 * i))
    const x = seq(batch * T * n, (i) => Math.cos(0.9 * i))
    const y0 = seq(batch * n, (i) => i - 2)
    const y = k.recurrence([t([batch, T, n, n], a), t([batch, T, n], x), t([batch, n], y0)], {}, [batch, T, n])
    expect(y.shape).toEqual([batch, T, n])
    const want = handRecurrence(a, x, y0, batch, T, n)
    want.forEach((w, i) => expect(y.data[i]).toBeCloseTo(w, 12))
  })

  it('two blocks chained through y0 equal one block, in float32 too', () => {
    const r = reference('float32')
    const up = (shape: number[], v: number[]) => r.upload(Float32Array.from(v), shape)
    const a = seq(8 * 4, (i) => 0.9 * Math.cos(i))
    const x = seq(8 * 2, (i) => Math.sin(i))
    const whole = r.kernels.recurrence([up([8, 2, 2], a), up([8, 2], x), up([2], [1, -1])], {}, [8, 2])
    const first = r.kernels.recurrence([up([4, 2, 2], a.slice(0, 16)), up([4, 2], x.slice(0, 8)), up([2], [1, -1])], {}, [4, 2])
    const last = Array.from(first.data.subarray(6, 8))
    const second = r.kernels.recurrence([up([4, 2, 2], a.slice(16)), up([4, 2], x.slice(8)), up([2], last)], {}, [4, 2])
    expect([...first.data, ...second.data]).toEqual(Array.from(whole.data))
  })
})
