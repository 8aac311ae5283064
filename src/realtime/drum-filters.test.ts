import { describe, expect, it } from 'vitest'
import { input } from '../core/signal.js'
import { biquad, highpassCoefficients } from '../dsp/biquad.js'
import { svf } from '../dsp/filters.js'
import { evaluateOrThrow } from '../../testing/run.js'
import { biquadBlock, biquadState, setHighpass, setSvf, svfBlock, svfState } from './drum-filters.js'

describe('filter blocks', () => {
  const x = Float64Array.from({ length: 700 }, (_, i) => Math.sin(0.37 * i) + 0.3 * Math.cos(2.1 * i * i))
  const offline = (y: ReturnType<typeof svf>) => Float64Array.from(evaluateOrThrow({ y }, { x: [...x] })['y']!.data)
  /** Runs `block` over random partitions of x on a fresh state from `fresh`. */
  const partitioned = (fresh: () => (xs: Float64Array, n: number) => void, seed: number): Float64Array => {
    const block = fresh()
    const got = new Float64Array(x.length)
    for (let s = 0, k = seed; s < x.length; k = (k * 11 + 7) % 97) {
      const m = Math.min(1 + k, x.length - s)
      const buf = x.slice(s, s + m)
      block(buf, m)
      got.set(buf, s)
      s += m
    }
    return got
  }
  /** The block form equals the offline graph (reference, float64) to rounding, and any partition gives the same bits. */
  const check = (fresh: () => (xs: Float64Array, n: number) => void, want: Float64Array) => {
    const got = partitioned(fresh, 5)
    let worst = 0
    for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(got[i]! - want[i]!))
    expect(worst).toBeLessThan(1e-12)
    expect(partitioned(fresh, 40)).toEqual(got)
  }
  const signal = input('x', [1, x.length], 'audio')
  it('biquadBlock is the offline high-pass biquad', () => {
    const fresh = () => {
      const f = biquadState()
      setHighpass(f, 2500, 2, 48000)
      return (xs: Float64Array, n: number) => biquadBlock(f, xs, n)
    }
    check(fresh, offline(biquad(signal, highpassCoefficients(2500, 2, 48000))))
  })
  it.each(['low', 'band', 'high'] as const)('svfBlock is the offline SVF (%s)', (mode) => {
    const fresh = () => {
      const f = svfState()
      setSvf(f, 1200, 1.5, 48000, mode)
      return (xs: Float64Array, n: number) => svfBlock(f, xs, n)
    }
    check(fresh, offline(svf(signal, 1200, 1.5, 48000, mode)))
  })
})
