import { describe, expect, it } from 'vitest'
import { realFft } from '../../host/fft.js'
import { fftFits, wasmRealFft } from './fft.js'

const worst = (a: ArrayLike<number>, b: ArrayLike<number>, n: number) => {
  let w = 0
  for (let i = 0; i < n; i++) w = Math.max(w, Math.abs(a[i]! - b[i]!))
  return w
}

describe('wasm real FFT (fft.wat)', () => {
  it('equals realFft forward and inverse for n = 8 … 8192, and round-trips', () => {
    for (let n = 8; n <= 8192; n *= 2) {
      const f = wasmRealFft(n)
      expect(f, `n ${n}`).toBeDefined()
      const m = n / 2
      const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 1.7 + n) + ((i * 7919) % 17) / 17 - 0.5)
      const re = new Float64Array(m + 1), im = new Float64Array(m + 1)
      realFft(n).forwardSplit(x, 0, re, im)
      f!.x.set(x)
      f!.forward()
      const scale = Math.sqrt(n)
      expect(worst(f!.re, re, m + 1), `re n ${n}`).toBeLessThan(1e-13 * scale * Math.log2(n))
      expect(worst(f!.im, im, m + 1), `im n ${n}`).toBeLessThan(1e-13 * scale * Math.log2(n))
      // the inverse of an arbitrary spectrum (DC/Nyquist imaginary parts ignored, as in irfft)
      const R = Float64Array.from({ length: m + 1 }, (_, k) => Math.cos(k * 0.3)), I = Float64Array.from({ length: m + 1 }, (_, k) => Math.sin(k * 0.7))
      const want = new Float64Array(n)
      realFft(n).inverseSplit(R, I, want, 0)
      f!.re.set(R)
      f!.im.set(I)
      f!.inverse()
      expect(worst(f!.out, want, n), `inverse n ${n}`).toBeLessThan(1e-14 * Math.log2(n))
      f!.x.set(x)
      f!.forward()
      f!.inverse()
      expect(worst(f!.out, x, n), `round trip n ${n}`).toBeLessThan(1e-14 * Math.log2(n))
    }
  })
  it('declines lengths it does not handle, and the js choice', () => {
    expect(fftFits(4)).toBe(false)
    expect(fftFits(48)).toBe(false)
    expect(wasmRealFft(12)).toBeUndefined()
    expect(wasmRealFft(256, 'js')).toBeUndefined()
  })
})
