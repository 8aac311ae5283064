import { describe, expect, it } from 'vitest'
import { mul } from '../core/math.js'
import { rfft } from '../core/tensor.js'
import { input, type Signal } from '../core/signal.js'
import { bandlimited, type Waveform } from './bandlimited.js'
import { evaluateOrThrow } from '../../testing/run.js'

const evalOut = (outs: Record<string, Signal<'audio'>>, feeds: Record<string, Float64Array>) => evaluateOrThrow(outs, feeds)
const times = (n: number) => Float64Array.from({ length: n }, (_, i) => i)

const naive: Record<Exclude<Waveform, 'pulse'>, (p: number) => number> = {
  saw: (p) => 2 * (p - Math.floor(p)) - 1,
  square: (p) => (p - Math.floor(p) < 0.5 ? 1 : -1),
  triangle: (p) => {
    const f = p - Math.floor(p)
    return f < 0.25 ? 4 * f : f < 0.75 ? 2 - 4 * f : 4 * f - 4
  },
}

describe('bandlimited', () => {
  it.each(Object.keys(naive) as Array<keyof typeof naive>)('%s converges to the naive waveform away from its corners', (shape) => {
    const [sr, n, f] = [48000, 480, 100] // 480 harmonics below Nyquist
    const t = input('t', [1, n], 'audio')
    const y = evalOut({ y: bandlimited(shape, mul(f / sr, t), f, sr, 239) }, { t: times(n) })['y']!.data
    for (let i = 0; i < n; i++) {
      const p = (f * i) / sr
      const distance = Math.min(...[0, 0.25, 0.5, 0.75, 1].map((c) => Math.abs(p - Math.floor(p) - c)))
      if (distance > 0.02) expect(Math.abs(y[i]! - naive[shape](p))).toBeLessThan(shape === 'triangle' ? 2e-3 : 0.06)
    }
  })
  it.each(['saw', 'square', 'pulse', 'triangle'] as const)('%s at 8 kHz (44.1 kHz) has nothing but its harmonics below Nyquist: aliasing under −60 dB', (shape) => {
    // sr not a multiple of f, so aliases (e.g. 44.1k − 24k = 20.1k) fall off the harmonic grid; 80 whole periods
    const [sr, n, f] = [44100, 441, 8000]
    const t = input('t', [1, n], 'audio')
    const spectrum = rfft(bandlimited(shape, mul(f / sr, t), f, sr, 16, { width: 0.3 }), n)
    const X = evalOut({ X: spectrum as Signal<'audio'> }, { t: times(n) })['X']!.data
    const mag = (k: number) => Math.hypot(X[2 * k]!, X[2 * k + 1]!)
    const peak = Math.max(...Array.from({ length: n / 2 + 1 }, (_, k) => mag(k)))
    for (let k = 0; k <= n / 2; k++) {
      const hz = (k * sr) / n
      const harmonic = hz > 0 && Math.abs(hz / f - Math.round(hz / f)) < 1e-9
      if (!harmonic && hz > 0) expect(20 * Math.log10(mag(k) / peak + 1e-300)).toBeLessThan(-60)
    }
  })
})
