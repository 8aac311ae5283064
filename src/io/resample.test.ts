import { describe, expect, it } from 'vitest'
import { resample } from './resample.js'

const tone = (hz: number, sr: number, n: number) => Float32Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * hz * i) / sr))
/** Largest error away from the edges (the kernel sees zeros beyond them). */
const interiorError = (a: Float32Array, b: Float32Array, edge: number) => {
  let e = 0
  for (let i = edge; i < a.length - edge; i++) e = Math.max(e, Math.abs(a[i]! - b[i]!))
  return e
}

describe('resample (windowed sinc)', () => {
  it('a 1 kHz tone 44.1 kHz → 22.05 kHz and 16 kHz → 22.05 kHz equals the tone sampled at the new rate', () => {
    for (const [from, to] of [[44100, 22050], [16000, 22050], [22050, 16000]] as const) {
      const y = resample(tone(1000, from, from / 2), from, to)
      expect(y.length).toBe(Math.round(to / 2))
      expect(interiorError(y, tone(1000, to, y.length), 400)).toBeLessThan(2e-3)
    }
  })
  it('removes what the new rate cannot hold: 15 kHz at 44.1 kHz → 22.05 kHz is (almost) silence, not an alias at 7.05 kHz', () => {
    const y = resample(tone(15000, 44100, 22050), 44100, 22050)
    expect(interiorError(y, new Float32Array(y.length), 400)).toBeLessThan(0.01)
  })
  it('same rate is a copy', () => {
    const x = tone(440, 8000, 100)
    expect(resample(x, 8000, 8000)).toEqual(x)
  })
})
