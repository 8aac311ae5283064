import { describe, expect, it } from 'vitest'
import { fillNoise, fillUniform, uniformAt } from './random.js'

describe('counter-based noise', () => {
  it('fillUniform writes uniformAt(seed, offset + j) bit for bit, across 2³¹ and 2³² counters', () => {
    for (const [seed, offset] of [[0, 0], [36, 1000], [808, 2 ** 31 - 50], [7, 2 ** 32 - 60], [3, 5 * 2 ** 32 + 17]] as const) {
      const out = new Float64Array(130)
      fillUniform(out, seed, offset, 120)
      for (let j = 0; j < 120; j++) expect(out[j]).toBe(uniformAt(seed, offset + j))
      expect(out[120]).toBe(0) // count is respected
    }
  })
  it('fillNoise uniform is the same stream; values lie in [−1, 1)', () => {
    const a = fillNoise(new Float32Array(64), 9, 'uniform', 123)
    a.forEach((v, j) => expect(v).toBe(Math.fround(uniformAt(9, 123 + j))))
    expect(a.every((v) => v >= -1 && v < 1)).toBe(true)
  })
})
