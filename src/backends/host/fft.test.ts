import { describe, expect, it } from 'vitest'
import { realFft } from './fft.js'

const dft = (x: number[]) => {
  const n = x.length
  return Array.from({ length: Math.floor(n / 2) + 1 }, (_, k) => {
    let re = 0, im = 0
    x.forEach((v, t) => { re += v * Math.cos((2 * Math.PI * k * t) / n); im -= v * Math.sin((2 * Math.PI * k * t) / n) })
    return [re, im]
  }).flat()
}

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
