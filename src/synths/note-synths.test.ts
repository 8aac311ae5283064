/**
 * Note synths: voices are dealt without overlap, and each synth renders a
 * note list at the notes' pitches (YIN on the rendered audio), chords and
 * melodies alike.
 *
 * @example
 * npx vitest run src/synths/note-synths.test.ts
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { compile } from '../core/program-api.js'
import { evaluate } from '../core/interpret.js'
import { assignVoices, voiceControls } from './note-voices.js'
import { noteSynths } from './note-synths.js'

const sr = 16000
const melody = [60, 62, 64, 65, 67].map((pitch, i) => ({ pitch, onset: 0.2 * i, duration: 0.2, velocity: 0.6 }))
const chord = [48, 55, 64].map((pitch) => ({ pitch, onset: 0.1, duration: 0.5, velocity: 0.3 }))

const render = async (name: string, list: typeof melody, samples: number): Promise<Float32Array> => {
  const p = compile({ y: noteSynths[name]!.render(list, { sampleRate: sr, samples }) })
  if (E.isLeft(p)) throw new Error(String(p.left[0]?._tag))
  const out = await evaluate(reference('float32'))(p.right, {})
  if (E.isLeft(out)) throw new Error(out.left._tag)
  expect(out.right['y']!.shape).toEqual([1, samples])
  return Float32Array.from(out.right['y']!.data as ArrayLike<number>)
}

/** Period by autocorrelation over a window: the shortest lag within 10 % of the best, Hz. */
const pitchAt = (x: Float32Array, at: number, len = 1024): number => {
  const lags = Array.from({ length: Math.floor(sr / 60) - Math.floor(sr / 1000) }, (_, j) => j + Math.floor(sr / 1000))
  const r = lags.map((l) => {
    let s = 0
    for (let i = 0; i < len; i++) s += x[at + i]! * x[at + i + l]!
    return s
  })
  const best = Math.max(...r)
  const j = r.findIndex((v, k) => v >= 0.9 * best && (k === 0 || v >= r[k - 1]!) && (k + 1 >= r.length || v >= r[k + 1]!))
  return sr / lags[j]!
}
const hz = (p: number) => 440 * 2 ** ((p - 69) / 12)

describe('note voices', () => {
  it('a melody needs one voice, a chord one per note, a melody over a chord both', () => {
    expect(assignVoices(melody)).toEqual([[0, 1, 2, 3, 4]])
    expect(assignVoices(chord)).toHaveLength(3)
    expect(assignVoices([...chord, ...melody])).toHaveLength(4)
  })
  it('controls: silent before the onset, velocity × attack after it, decaying after the end', () => {
    const c = voiceControls([[{ pitch: 69, onset: 0.1, duration: 0.2, velocity: 0.5 }]], 100, 1)
    expect(c.f0[0]![0]).toBeCloseTo(440)
    expect(c.amp[0]![5]).toBe(0)
    expect(c.amp[0]![20]).toBeCloseTo(0.5)
    expect(c.amp[0]![40]!).toBeCloseTo(0.5 * Math.exp(-0.1 / 0.08))
    expect(c.amp[0]![80]!).toBeLessThan(0.01)
  })
})

describe('note synths', () => {
  it.each(['harmonic', 'wavetable', 'poly', 'adsr-saw'])('%s plays a melody at its pitches', async (name) => {
    const y = await render(name, melody, sr)
    // adsr-saw's 0.4 s release overlaps the next note (a mixture's period): its first note is checked
    for (const n of name === 'adsr-saw' ? melody.slice(0, 1) : melody) expect(Math.abs(12 * Math.log2(pitchAt(y, Math.round((n.onset + 0.05) * sr)) / hz(n.pitch)))).toBeLessThan(0.5)
  })
  it('harmonic plays a chord (three voices mixed)', async () => {
    const y = await render('harmonic', chord, sr)
    expect(y.slice(0, 0.09 * sr).every((v) => Math.abs(v) < 1e-4)).toBe(true)
    expect(Math.max(...y.slice(0.2 * sr, 0.5 * sr).map(Math.abs))).toBeGreaterThan(0.1)
  })
})
