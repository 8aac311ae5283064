import { describe, expect, it } from 'vitest'


import { constant, input } from '../core/signal.js'
import { firTable } from '../host/fir.js'
import { hannTable } from '../host/window.js'
import { frequencyFilter, frequencyImpulseResponse } from './fir.js'
import { run, close } from '../../testing/run.js'

/** Host irfft of a real (zero-phase) spectrum of M bins: h[n] = (1/L)(m₀ + (−1)ⁿ m_{M−1} + 2 Σ m_k cos(2πkn/L)). */
const irfftReal = (m: readonly number[]): number[] => {
  const l = 2 * (m.length - 1)
  return Array.from({ length: l }, (_, n) => {
    let s = m[0]! + (n % 2 === 0 ? 1 : -1) * m.at(-1)!
    for (let k = 1; k < m.length - 1; k++) s += 2 * m[k]! * Math.cos((2 * Math.PI * k * n) / l)
    return s / l
  })
}
/** DDSP apply_window_to_impulse_response, literally (ddsp-anchors §2.6). */
const ddspIr = (mags: readonly number[], windowSize: number): number[] => {
  const h0 = irfftReal(mags)
  const l = h0.length
  const w = windowSize <= 0 || windowSize > l ? l : windowSize
  const win = hannTable(w)
  if (w === l) return h0.map((_, k) => win[k]! * h0[(k + l / 2) % l]!) // fftshift(fftshift(w)·h)
  const half = Math.floor((w + 1) / 2)
  const padded = [...win.slice(half), ...new Array<number>(l - w).fill(0), ...win.slice(0, half)]
  const h = h0.map((v, i) => v * padded[i]!)
  return [...h.slice(l - (half - 1) + 1), ...h.slice(0, half + 1)]
}
const mags = (m: number, seed: number) => Array.from({ length: m }, (_, i) => 0.2 + Math.abs(Math.sin(seed * (i + 1))))

describe('frequencyImpulseResponse', () => {
  it.each([
    [65, 0, false, 128, 64],
    [65, 257, false, 128, 64],
    [1025, 257, true, 257, 127],
    [1025, 256, true, 255, 126],
    [1025, 22, true, 21, 9],
    [16, 0, false, 30, 15],
    [30, 257, false, 58, 29],
    [1025, 257, false, 257, 128],
    [1025, 22, false, 21, 10],
  ])('M = %i, W = %i, ddspCompat %s: length %i, peak tap %i (ddsp-anchors App. A)', (m, w, compat, len, peak) => {
    const t = firTable(m, w, compat)
    expect(t.idx.length).toBe(len)
    expect(t.center).toBe(peak)
  })
  it.each([
    [65, 0],
    [17, 9],
    [17, 10],
    [33, 21],
  ])('reproduces DDSP exactly when W = L or with ddspCompat (M = %i, W = %i)', (m, w) => {
    const g = mags(m, 3)
    const y = run({ h: frequencyImpulseResponse(constant(g, [1, 1, m]), w, { ddspCompat: true }) }, {})['h']!
    close(y, ddspIr(g, w), 1e-13)
  })
  it.each([
    [17, 0],
    [17, 9],
    [17, 10],
    [33, 21],
  ])('the default design is exactly symmetric about its centre tap (M = %i, W = %i)', (m, w) => {
    const y = run({ h: frequencyImpulseResponse(input('g', [1, m], 'control'), w) }, { g: mags(m, 5) })['h']!
    const c = Math.floor(y.length / 2)
    for (let j = 1; j <= (y.length % 2 === 1 ? c : c - 1); j++) expect(y[c + j]).toBeCloseTo(y[c - j]!, 14)
    expect(y.indexOf(Math.max(...y))).toBe(c)
  })
  it('flat magnitudes give a unit impulse at the centre tap', () => {
    const y = run({ h: frequencyImpulseResponse(constant(1, [2, 3, 9]), 0) }, {})['h']!
    expect(y.length).toBe(2 * 3 * 16)
    close(y.slice(0, 16), impulseRow(16, 8), 1e-15)
  })
})
const impulseRow = (n: number, at: number) => Array.from({ length: n }, (_, i) => (i === at ? 1 : 0))

describe('frequencyFilter', () => {
  const x = Array.from({ length: 64 }, (_, i) => Math.sin(i * 0.7) + 0.5 * Math.cos(i * 2.3))
  const audio = input('x', [1, 64], 'audio')
  it('with flat magnitudes is the identity (default) and a 2-sample lag with ddspCompat, as DDSP', () => {
    close(run({ y: frequencyFilter(audio, constant(1, [1, 4, 33])) }, { x })['y'], x, 1e-12)
    close(run({ y: frequencyFilter(audio, constant(1, [1, 4, 33]), 0, { ddspCompat: true }) }, { x })['y'], [0, 0, ...x.slice(0, 62)], 1e-12)
    close(run({ y: frequencyFilter(audio, constant(1, [1, 33])) }, { x })['y'], x, 1e-12)
  })
  it('a low-pass response removes a tone above its cutoff and keeps one below', () => {
    const n = 4096
    const low = Array.from({ length: 65 }, (_, k) => (k < 16 ? 1 : 0))
    const tone = (bin: number) => Array.from({ length: n }, (_, i) => Math.sin((Math.PI * bin * i) / 64))
    const rms = (v: readonly number[]) => Math.sqrt(v.slice(512, -512).reduce((s, a) => s + a * a, 0) / (n - 1024))
    const f = (t: number[]) => run({ y: frequencyFilter(input('x', [1, n], 'audio'), constant(low, [1, 65])) }, { x: t })['y']!
    expect(rms(f(tone(4)))).toBeGreaterThan(0.69)
    expect(rms(f(tone(40)))).toBeLessThan(1e-3)
  })
})
