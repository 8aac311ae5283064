import { describe, expect, it } from 'vitest'
import { reference, type RefTensor } from './index.js'

const k = reference('float64').kernels
const t = (shape: number[], values: number[]): RefTensor => ({ data: Float64Array.from(values), shape })
const seq = <A>(n: number, f: (i: number) => A): A[] => Array.from({ length: n }, (_, i) => f(i))
const bins = (n: number) => Math.floor(n / 2) + 1

/** The rfft definition, summed directly. */
const dft = (x: readonly number[]): number[] => {
  const n = x.length
  return seq(bins(n), (f) => {
    const re = x.reduce((s, v, i) => s + v * Math.cos((2 * Math.PI * f * i) / n), 0)
    const im = x.reduce((s, v, i) => s - v * Math.sin((2 * Math.PI * f * i) / n), 0)
    return [re, im]
  }).flat()
}

const expectClose = (got: ArrayLike<number>, want: readonly number[], digits = 10) => {
  expect(got.length).toBe(want.length)
  want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, digits))
}

describe('rfft', () => {
  for (const n of [16, 12]) {
    it(`cos at bin 3 gives n/2 at bin 3 and 0 elsewhere (n = ${n})`, () => {
      const x = t([n], seq(n, (i) => Math.cos((2 * Math.PI * 3 * i) / n)))
      const X = k.rfft([x], { n }, [bins(n), 2])
      expect(X.shape).toEqual([bins(n), 2])
      expectClose(X.data, seq(2 * bins(n), (j) => (j === 6 ? n / 2 : 0)))
    })
  }

  it('sin at bin 2 gives −n/2 in the imaginary part', () => {
    const X = k.rfft([t([8], seq(8, (i) => Math.sin((2 * Math.PI * 2 * i) / 8)))], { n: 8 }, [5, 2])
    expectClose(X.data, seq(10, (j) => (j === 5 ? -4 : 0)))
  })

  for (const n of [1, 2, 7, 8, 12, 32]) {
    it(`matches the direct sum on every row of a batch (n = ${n})`, () => {
      const rows = seq(3, (r) => seq(n, (i) => Math.sin(1.3 * i + r) + 0.25 * r))
      const X = k.rfft([t([3, n], rows.flat())], { n }, [3, bins(n), 2])
      expectClose(X.data, rows.flatMap(dft))
    })
  }
})

describe('irfft', () => {
  for (const n of [1, 2, 5, 8, 12, 16]) {
    it(`inverts rfft (n = ${n})`, () => {
      const data = seq(2 * n, (i) => Math.cos(0.7 * i * i) - 0.3)
      const X = k.rfft([t([2, n], data)], { n }, [2, bins(n), 2])
      const y = k.irfft([X], { n }, [2, n])
      expect(y.shape).toEqual([2, n])
      expectClose(y.data, data)
    })
  }

  for (const n of [8, 9]) {
    it(`follows the weighted-sum definition and ignores DC/Nyquist imaginary parts (n = ${n})`, () => {
      const X = seq(2 * bins(n), (j) => Math.sin(j + 0.5))
      const want = seq(n, (s) => {
        let acc = 0
        for (let f = 0; f < bins(n); f++) {
          const w = f === 0 || (n % 2 === 0 && f === n / 2) ? 1 : 2
          const th = (2 * Math.PI * f * s) / n
          const im = w === 1 ? 0 : X[2 * f + 1]!
          acc += w * (X[2 * f]! * Math.cos(th) - im * Math.sin(th))
        }
        return acc / n
      })
      expectClose(k.irfft([t([bins(n), 2], X)], { n }, [n]).data, want)
    })
  }

  it('writes float32 in the float32 backend', () => {
    const r = reference('float32')
    const x = r.upload(Float32Array.from(seq(12, (i) => i % 3)), [12])
    const X = r.kernels.rfft([x], { n: 12 }, [7, 2])
    const y = r.kernels.irfft([X], { n: 12 }, [12])
    expect(X.data).toBeInstanceOf(Float32Array)
    expect(y.data).toBeInstanceOf(Float32Array)
    expectClose(y.data, seq(12, (i) => i % 3), 5)
  })
})
