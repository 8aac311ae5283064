import { describe, expect, it } from 'vitest'
import { constant, input, withRate } from '../core/signal.js'
import { upsample } from './resample.js'
import { hannTable } from '../host/window.js'
import { run, close } from '../../testing/run.js'

/** DDSP upsample_with_windows, literally: duplicate the last frame, window each frame value by Hann(2H), overlap-add at hop H, trim H at both ends. */
const ddspWindows = (x: readonly number[], n: number): number[] => {
  const hop = n / x.length
  const xs = [...x, x.at(-1)!]
  const w = hannTable(2 * hop)
  const out = new Array<number>((xs.length - 1) * hop + 2 * hop).fill(0)
  xs.forEach((v, f) => w.forEach((wv, l) => (out[f * hop + l]! += v * wv)))
  return out.slice(hop, hop + n)
}

describe('upsample', () => {
  const x = [0.5, -1, 2, 3, 0.25]
  const feed = { x }
  const sig = input('x', [1, 5, 1], 'control')

  it.each(['linear', 'window'] as const)('%s: a constant stays constant and the output is audio rate [B, T, C]', (method) => {
    const y = upsample(input('c', [2, 4, 3], 'control'), 40, method)
    expect(y.rate).toBe('audio')
    expect(y.shape).toEqual([2, 40, 3])
    close(run({ y }, { c: new Array<number>(24).fill(0.7) })['y'], new Array<number>(240).fill(0.7), 1e-15)
  })
  it.each(['linear', 'window'] as const)('%s: hop-aligned, y[k·T/F] = x[k]', (method) => {
    const y = run({ y: upsample(sig, 320, method) }, feed)['y']!
    x.forEach((v, k) => expect(y[k * 64]).toBeCloseTo(v, 14))
  })
  it("'window' equals DDSP's overlap-add of periodic Hann windows exactly", () => {
    close(run({ y: upsample(sig, 320, 'window') }, feed)['y'], ddspWindows(x, 320), 1e-14)
  })
  it("'linear' uses resize coordinates src = n·F/T and holds the last frame (add_endpoint)", () => {
    const y = run({ y: upsample(sig, 16, 'linear') }, feed)['y']!
    const want = Array.from({ length: 16 }, (_, n) => {
      const s = (n * 5) / 16
      const i = Math.floor(s)
      return x[i]! + (x[Math.min(i + 1, 4)]! - x[i]!) * (s - i)
    })
    close(y, want, 1e-14)
    expect(y[15]).toBeCloseTo(x[4]!, 14)
  })
  it('interpolates each channel independently for frame counts that do not divide T (linear)', () => {
    const y = run({ y: upsample(input('c', [1, 3, 2], 'control'), 7, 'linear') }, { c: [0, 10, 1, 11, 2, 12] })['y']!
    const ch0 = y.filter((_, i) => i % 2 === 0)
    const ch1 = y.filter((_, i) => i % 2 === 1)
    close(ch1, ch0.map((v) => v + 10), 1e-13)
  })
  it("'window' with T not a multiple of F is a graph error", () => {
    expect(() => run({ y: upsample(sig, 321, 'window') }, feed)).toThrow(/multiple/)
  })
})

describe('upsample centered (PyTorch align_corners=False)', () => {
  it('matches F.interpolate([0, 1], size=4, mode="linear") = [0, 0.25, 0.75, 1]', () => {
    expect(run({ y: upsample(withRate(constant([0, 1], [1, 2, 1]).node, 'control'), 4, 'centered') })['y']).toEqual([0, 0.25, 0.75, 1])
  })
})
