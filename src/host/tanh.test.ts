import { describe, expect, it } from 'vitest'
import { tanhExp } from './tanh.js'
import { lcg } from '../../testing/run.js'

describe('tanhExp', () => {
  it('is within 4e-16 of Math.tanh from 1e-12 to 40 in magnitude, and odd', () => {
    const next = lcg(11)
    let worst = 0
    for (let i = 0; i < 200000; i++) {
      const x = (next() < 0.5 ? -1 : 1) * 10 ** (-12 + 13.6 * next()) // |x| log-uniform in [1e-12, 40]
      worst = Math.max(worst, Math.abs(tanhExp(x) - Math.tanh(x)))
      expect(tanhExp(-x)).toBe(-tanhExp(x))
    }
    expect(worst).toBeLessThan(4e-16)
  })
  it('saturates to ±1 and keeps the sign of zero', () => {
    expect(tanhExp(0)).toBe(0)
    expect(tanhExp(-0)).toBe(-0)
    expect(tanhExp(25)).toBe(1)
    expect(tanhExp(-1e300)).toBe(-1)
  })
})
