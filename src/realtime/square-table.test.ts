import { describe, expect, it } from 'vitest'
import { squares, squaresStep } from './drum-kernels.js'
import { SQUARE_POINTS, squareAt, squareTable } from './square-table.js'

describe('square tables', () => {
  it.each([270, 331.7, 540, 800, 1600])('read the exact band-limited sum to 1e-7 at %s Hz (48 kHz, up to 88 harmonics)', (f) => {
    const exact = squares([f], 270, 48000) // the real-time bank: the offline sum, harmonic by harmonic
    const table = squareTable(exact.kmax[0]!)
    let worst = 0
    for (let n = 0; n < 20000; n++) worst = Math.max(worst, Math.abs(squaresStep(exact) - squareAt(table, (n * f) / 48000)))
    expect(worst).toBeLessThan(1e-7)
  })
  it('hold S_K at the table points and share the table of an even K with K − 1', () => {
    const t = squareTable(7)
    const s7 = (phi: number) => [1, 3, 5, 7].reduce((a, k) => a + (4 / (Math.PI * k)) * Math.sin(2 * Math.PI * k * phi), 0)
    for (const j of [-1, 0, 1, 1000, SQUARE_POINTS - 1, SQUARE_POINTS, SQUARE_POINTS + 1]) expect(t[j + 1]).toBeCloseTo(s7(j / SQUARE_POINTS), 14)
    expect(squareTable(8)).toBe(t)
    expect(squareAt(t, 0.25 + 3)).toBeCloseTo(s7(0.25), 14) // whole periods wrap
  })
})
