import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { bitReversal, isPow2, realFft } from './fft.js'

const dft = (x: number[]) => {
  const n = x.length
  return Array.from({ length: Math.floor(n / 2) + 1 }, (_, k) => {
    let re = 0, im = 0
    x.forEach((v, t) => { re += v * Math.cos((2 * Math.PI * k * t) / n); im -= v * Math.sin((2 * Math.PI * k * t) / n) })
    return [re, im]
  }).flat()
}

describe('isPow2 and bitReversal (shared by the host, reference and wasm FFTs)', () => {
  it('isPow2 accepts positive integer powers of two only', () => {
    expect([1, 2, 64, 4096].map(isPow2)).toEqual([true, true, true, true])
    expect([0, -4, 3, 1.5, 2.5, NaN].map(isPow2)).toEqual([false, false, false, false, false, false])
  })
  it('bitReversal reverses the low log2(m) bits and is an involution', () => {
    expect(Array.from(bitReversal(8))).toEqual([0, 4, 2, 6, 1, 5, 3, 7])
    const rev = bitReversal(1024)
    expect(rev.every((r, i) => rev[r] === i)).toBe(true)
  })
})

describe('realFft', () => {
  for (const n of [1, 3, 4, 8, 12, 64, 512]) {
    const x = Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) + 0.3 * Math.cos(i * i))
    it(`forward equals the DFT (n = ${n})`, () => {
      const X = new Float64Array(2 * Math.floor(n / 2) + 2)
      realFft(n).forward(x, 0, X, 0)
      dft(x).forEach((v, i) => expect(X[i]).toBeCloseTo(v, 9))
    })
    it(`inverse is NumPy's irfft and undoes forward (n = ${n})`, () => {
      const X = new Float64Array(2 * Math.floor(n / 2) + 2)
      realFft(n).forward(x, 0, X, 0)
      X[1] = 5 // imaginary parts of DC and (n even) Nyquist are ignored
      if (n % 2 === 0) X[n + 1] = -3
      const y = new Float64Array(n)
      realFft(n).inverse(X, 0, y, 0)
      x.forEach((v, i) => expect(y[i]).toBeCloseTo(v, 9))
    })
  }
  it('rejects lengths that are not positive integers', () => expect(() => realFft(0)).toThrow(/positive integer/))
})

describe('realFft, split spectra (as the real-time voices and plots use it)', () => {
  const signal = (n: number) => Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) + 0.01 * i)
  const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((w, v, i) => Math.max(w, Math.abs(v - b[i]!)), 0)
  it.each([4, 8, 16, 32, 128, 1024, 2048, 4096])('forwardSplit(%i) equals the reference rfft kernel, and inverseSplit inverts it', (n) => {
    const x = signal(n)
    const want = reference('float64').kernels.rfft([{ data: x, shape: [n] }], { n }, [n / 2 + 1, 2]).data
    const re = new Float64Array(n / 2 + 1)
    const im = new Float64Array(n / 2 + 1)
    realFft(n).forwardSplit(x, 0, re, im)
    expect(maxDiff(re, want.filter((_, i) => i % 2 === 0))).toBeLessThan(1e-12 * n)
    expect(maxDiff(im, want.filter((_, i) => i % 2 === 1))).toBeLessThan(1e-12 * n)
    const back = new Float64Array(n)
    realFft(n).inverseSplit(re, im, back, 0)
    expect(maxDiff(back, x)).toBeLessThan(1e-13 * n)
  })
  it('the transform of a unit impulse at 1 is e^{−2πik/n}', () => {
    const x = new Float64Array(16)
    x[1] = 1
    const re = new Float64Array(9)
    const im = new Float64Array(9)
    realFft(16).forwardSplit(x, 0, re, im)
    for (let k = 0; k <= 8; k++) {
      expect(re[k]).toBeCloseTo(Math.cos((2 * Math.PI * k) / 16), 14)
      expect(im[k]).toBeCloseTo(-Math.sin((2 * Math.PI * k) / 16), 14)
    }
  })
})
