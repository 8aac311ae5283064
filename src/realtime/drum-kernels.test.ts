import { describe, expect, it } from 'vitest'
import {
  biquadBlock, biquadState, biquadStep, decayBlock, decayState, nextDecay, resetDecay, setHighpass, setSvf, svfBlock, svfState, svfStep,
} from './drum-kernels.js'

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

describe('filter blocks', () => {
  const x = Float64Array.from({ length: 700 }, (_, i) => Math.sin(0.37 * i) + 0.3 * Math.cos(2.1 * i * i))
  /** Runs `block` over random partitions of x and `step` sample by sample on a twin state. */
  const compare = (block: (xs: Float64Array, n: number) => void, step: (v: number) => number) => {
    const want = x.map((v) => step(v))
    const got = new Float64Array(x.length)
    for (let s = 0, k = 5; s < x.length; k = (k * 11 + 7) % 97) {
      const m = Math.min(1 + k, x.length - s)
      const buf = x.slice(s, s + m)
      block(buf, m)
      got.set(buf, s)
      s += m
    }
    expect(got).toEqual(want)
  }
  it('biquadBlock equals biquadStep, bit for bit', () => {
    const [a, b] = [biquadState(), biquadState()]
    setHighpass(a, 2500, 2, 48000)
    setHighpass(b, 2500, 2, 48000)
    compare((xs, n) => biquadBlock(a, xs, n), (v) => biquadStep(b, v))
  })
  it.each(['low', 'band', 'high'] as const)('svfBlock equals svfStep, bit for bit (%s)', (mode) => {
    const [a, b] = [svfState(), svfState()]
    setSvf(a, 1200, 1.5, 48000, mode)
    setSvf(b, 1200, 1.5, 48000, mode)
    compare((xs, n) => svfBlock(a, xs, n), (v) => svfStep(b, v))
  })
})
