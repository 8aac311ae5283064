import { describe, expect, it } from 'vitest'
import { sinPi } from './sine.js'

describe('sinPi', () => {
  it('equals Math.sin on [−π, π] to 4e-16 absolute', () => {
    let worst = 0
    for (let i = 0; i <= 200000; i++) {
      const x = -Math.PI + (2 * Math.PI * i) / 200000
      worst = Math.max(worst, Math.abs(sinPi(x) - Math.sin(x)))
    }
    expect(worst).toBeLessThan(4e-16)
  })
  it('is odd and exact at zero', () => {
    expect(sinPi(0)).toBe(0)
    for (const x of [0.1, 1, Math.PI / 2, 3]) expect(sinPi(-x)).toBe(-sinPi(x))
  })
})
