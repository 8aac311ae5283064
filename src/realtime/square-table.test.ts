import { describe, expect, it } from 'vitest'
import { METAL_HZ } from '../synths/drums/metal808.js'
import { squares, squaresBlock, squaresStep } from './drum-kernels.js'
import { squareAt, squarePoints, squareTable } from './square-table.js'

/** Largest |a − b| over n samples of two generators. */
const worst = (n: number, a: () => number, b: () => number) => {
  let w = 0
  for (let i = 0; i < n; i++) w = Math.max(w, Math.abs(a() - b()))
  return w
}

describe('square tables', () => {
  it.each([
    [270, 48000],
    [331.7, 48000],
    [540, 48000],
    [1600, 48000],
    [270, 96000], // 177 harmonics
    [103, 48000], // 233 harmonics
  ])('read the exact band-limited sum to 2e-8 at %s Hz (sample rate %s)', (f, sr) => {
    const exact = squares([f], f, sr) // the real-time bank: the offline sum, harmonic by harmonic
    const k = exact.kmax[0]!
    const table = squareTable(k)
    let n = 0
    expect(worst(20000, () => squaresStep(exact), () => squareAt(table, (n++ * f) / sr, squarePoints(k)))).toBeLessThan(2e-8)
  })
  it('read the hats’ metal bank past its exact samples to 2e-8 (44.1, 48, 96 kHz)', () => {
    for (const sr of [44100, 48000, 96000]) {
      const [exact, viaTables] = [squares(METAL_HZ, METAL_HZ[0], sr), squares(METAL_HZ, METAL_HZ[0], sr)]
      const shapes = Array.from(viaTables.kmax, (k) => squareTable(k))
      const got = new Float64Array(20000)
      squaresBlock(viaTables, new Float64Array(0), got, got.length, shapes)
      let i = 0
      expect(worst(got.length, () => squaresStep(exact), () => got[i++]!)).toBeLessThan(2e-8)
    }
  })
  it('hold S_K at the table points and share the table of an even K with K − 1', () => {
    const t = squareTable(7)
    const n = squarePoints(7)
    const s7 = (phi: number) => [1, 3, 5, 7].reduce((a, k) => a + (4 / (Math.PI * k)) * Math.sin(2 * Math.PI * k * phi), 0)
    for (const j of [-1, 0, 1, 100, n - 1, n, n + 1]) expect(t[j + 1]).toBeCloseTo(s7(j / n), 14)
    expect(squareTable(8)).toBe(t)
    expect(squareAt(t, 0.25 + 3, n)).toBeCloseTo(s7(0.25), 14) // whole periods wrap
  })
})
