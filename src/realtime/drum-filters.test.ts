import { describe, expect, it } from 'vitest'
import { biquadBlock, biquadState, biquadStep, setHighpass, setSvf, svfBlock, svfState, svfStep } from './drum-filters.js'

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
