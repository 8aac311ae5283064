import { describe, expect, it } from 'vitest'
import { decayBlock, decayState, nextDecay, resetDecay } from './drum-kernels.js'

describe('decayBlock', () => {
  it('equals nextDecay sample by sample, bit for bit, over any block partition', () => {
    const cases = [
      { ms: 300, start: 0, attack: 48 },
      { ms: 10, start: 1234.37, attack: 0 },
      { ms: 120, start: 0, attack: 0 },
      { ms: 800, start: 7.5, attack: 3 },
    ]
    for (const c of cases) {
      const a = decayState()
      const b = decayState()
      resetDecay(a, c.ms, c.start, 48000, c.attack)
      resetDecay(b, c.ms, c.start, 48000, c.attack)
      const want = Float64Array.from({ length: 4000 }, () => nextDecay(a))
      const got = new Float64Array(4000)
      const buf = new Float64Array(512)
      for (let s = 0, k = 1; s < got.length; k = (k * 7 + 3) % 509) {
        const m = Math.min(1 + k, got.length - s)
        decayBlock(b, buf, m)
        got.set(buf.subarray(0, m), s)
        s += m
      }
      expect(got).toEqual(want)
    }
  })
})
