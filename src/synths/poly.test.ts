import { describe, expect, it } from 'vitest'
import { rfft } from '../core/tensor.js'
import type { Signal } from '../core/signal.js'
import { notes, renderNotes, type Note } from './poly.js'
import { evaluateOrThrow } from '../../testing/run.js'

const sr = 8000
const ev = (outs: Record<string, Signal<'audio'>>) => evaluateOrThrow(outs)
const chord: Note[] = [60, 64, 67].map((pitch, i) => ({ pitch, onset: 0.01 * i, duration: 0.3, velocity: 0.5 + 0.1 * i }))

describe('renderNotes', () => {
  it('mixes voices: the chord equals the sum of its notes rendered alone', () => {
    const n = 4000
    const opts = { waveform: 'saw' as const, filter: { cutoff: 300, envAmount: 2000, q: 3 } }
    const out = ev({ all: renderNotes(notes(chord), n, sr, opts), ...Object.fromEntries(chord.map((c, i) => [`n${i}`, renderNotes(notes([c]), n, sr, opts)])) })
    const summed = out['n0']!.data.map((v, i) => v + out['n1']!.data[i]! + out['n2']!.data[i]!)
    out['all']!.data.forEach((v, i) => expect(v).toBeCloseTo(summed[i]!, 12))
  })
  it('starts each voice at its onset with its phase reset, and sounds its fundamental', () => {
    const n = 4000
    const y = ev({ y: renderNotes(notes([{ pitch: 69, onset: 0.05, duration: 0.4, velocity: 1 }]), n, sr, { waveform: 'triangle' }) })['y']!.data
    expect(y.slice(0, 400).every((v) => v === 0)).toBe(true) // nothing before the onset (sample 400)
    expect(Math.abs(y[400]!)).toBeLessThan(1e-9) // phase 0 at the onset: triangle(0) = 0
  })
  it('a C major chord peaks at its three fundamentals', () => {
    const n = 4096
    const sustained = chord.map((c) => ({ ...c, onset: 0, duration: 1 }))
    const X = ev({ X: rfft(renderNotes(notes(sustained), n, sr, { waveform: 'triangle' }), n) })['X']!.data
    const mag = (k: number) => Math.hypot(X[2 * k]!, X[2 * k + 1]!)
    const peaks = Array.from({ length: n / 2 }, (_, k) => k)
      .filter((k) => k > 2 && mag(k) > mag(k - 1) && mag(k) > mag(k + 1))
      .sort((a, b) => mag(b) - mag(a))
      .slice(0, 3)
      .map((k) => (k * sr) / n)
      .sort((a, b) => a - b)
    ;[261.63, 329.63, 392.0].forEach((f, i) => expect(Math.abs(peaks[i]! - f)).toBeLessThan(sr / n))
  })
})
