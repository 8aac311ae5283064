import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { fft, fftPlan, irfftReal, realFftPlan, rfftReal } from './fft.js'

const signal = (n: number) => Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) + 0.01 * i)
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((w, v, i) => Math.max(w, Math.abs(v - b[i]!)), 0)

describe('real-time FFT', () => {
  it.each([4, 8, 128, 1024])('rfftReal(%i) equals the reference rfft kernel, and irfftReal inverts it', (n) => {
    const x = signal(n)
    const want = reference('float64').kernels.rfft([{ data: x, shape: [n] }], { n }, [n / 2 + 1, 2]).data
    const re = new Float64Array(n / 2 + 1)
    const im = new Float64Array(n / 2 + 1)
    rfftReal(realFftPlan(n), x, re, im)
    expect(maxDiff(re, want.filter((_, i) => i % 2 === 0))).toBeLessThan(1e-12 * n)
    expect(maxDiff(im, want.filter((_, i) => i % 2 === 1))).toBeLessThan(1e-12 * n)
    const back = new Float64Array(n)
    irfftReal(realFftPlan(n), re, im, back)
    expect(maxDiff(back, x)).toBeLessThan(1e-13 * n)
  })
  it('the complex FFT of a unit impulse at 1 is e^{−2πik/n}', () => {
    const re = new Float64Array(16)
    const im = new Float64Array(16)
    re[1] = 1
    fft(fftPlan(16), re, im)
    for (let k = 0; k < 16; k++) {
      expect(re[k]).toBeCloseTo(Math.cos((2 * Math.PI * k) / 16), 14)
      expect(im[k]).toBeCloseTo(-Math.sin((2 * Math.PI * k) / 16), 14)
    }
  })
})
