import { describe, expect, it } from 'vitest'
import { input, type Signal } from '../core/signal.js'
import { onePole, svf, type SvfMode } from './filters.js'
import { evaluateOrThrow } from '../../testing/run.js'

const sr = 48000
const run = (build: (x: Signal<'audio'>) => Signal<'audio'>, x: Float64Array) =>
  evaluateOrThrow({ y: build(input('x', [1, x.length], 'audio')) }, { x })['y']!.data

const sine = (f: number, n: number) => Float64Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * f * i) / sr))
/** Steady-state amplitude: √2·RMS over the last 0.1 s (a whole number of periods of every test tone). */
const amplitude = (y: ArrayLike<number>) => {
  let e = 0
  for (let i = y.length - 4800; i < y.length; i++) e += y[i]! ** 2
  return Math.sqrt((2 * e) / 4800)
}
/** The analog prototype's gains at prewarped r = tan(πf/sr)/tan(πfc/sr) (TPT matches it exactly). */
const analog = (mode: SvfMode, f: number, fc: number, q: number) => {
  const r = Math.tan((Math.PI * f) / sr) / Math.tan((Math.PI * fc) / sr)
  const d = Math.hypot(1 - r * r, r / q)
  return mode === 'low' ? 1 / d : mode === 'high' ? (r * r) / d : r / d
}

describe('svf', () => {
  it.each([
    ['low', 1000, 1000, 0.7071],
    ['low', 1000, 250, 4],
    ['high', 1000, 1000, 2],
    ['high', 1000, 4000, 0.7071],
    ['band', 1000, 1000, 3],
    ['band', 1000, 3000, 3],
  ] as const)('%s at fc=%d Hz, f=%d Hz, Q=%d matches the prewarped analog gain', (mode, fc, f, q) => {
    const y = run((x) => svf(x, fc, q, sr, mode), sine(f, 24000))
    expect(amplitude(y)).toBeCloseTo(analog(mode, f, fc, q), 3)
  })
  it('low passes DC with unit gain and high blocks it', () => {
    const dc = new Float64Array(4800).fill(1)
    expect(run((x) => svf(x, 500, 0.7071, sr, 'low'), dc).at(-1)).toBeCloseTo(1, 6)
    expect(run((x) => svf(x, 500, 0.7071, sr, 'high'), dc).at(-1)).toBeCloseTo(0, 6)
  })
})

describe('onePole', () => {
  it('matches y[t] = a·y[t−1] + (1 − a)·x[t]', () => {
    const x = Float64Array.from({ length: 50 }, (_, i) => Math.cos(i))
    const y = run((s) => onePole(s, 0.9), x)
    let acc = 0
    x.forEach((v, i) => {
      acc = 0.9 * acc + 0.1 * v
      expect(y[i]).toBeCloseTo(acc, 12)
    })
  })
})
