/**
 * MIDI files through `@tonejs/midi`: written notes read back (times in
 * seconds at any tempo, velocity within one MIDI step), and every unusable
 * file a typed MidiError.
 *
 * @example
 * npx vitest run src/io/midi-file.test.ts
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { midiBytes, parseMidiNotes, readMidiNotes, writeMidiNotes } from './midi-file.js'

const melody = [60, 64, 67, 72].map((pitch, i) => ({ pitch, onset: 0.25 * i, duration: 0.2, velocity: 0.5 + 0.1 * i }))

describe('MIDI files', () => {
  it.each([60, 120, 97])('notes written at %i bpm read back in seconds', (bpm) => {
    const r = parseMidiNotes('m.mid', midiBytes(melody, { program: 40, bpm }))
    if (E.isLeft(r)) throw new Error(r.left.message)
    expect(r.right.programs).toEqual([40])
    expect(r.right.seconds).toBeCloseTo(0.95, 2)
    r.right.notes.forEach((n, i) => {
      expect(n.pitch).toBe(melody[i]!.pitch)
      expect(n.onset).toBeCloseTo(melody[i]!.onset, 2)
      expect(n.duration).toBeCloseTo(melody[i]!.duration, 2)
      expect(Math.abs(n.velocity - melody[i]!.velocity)).toBeLessThanOrEqual(1 / 127)
    })
  })

  it('refuses what is not a MIDI file, and a file with no notes', () => {
    const bad = parseMidiNotes('x.mid', new TextEncoder().encode('RIFF....WAVE'))
    expect(E.isLeft(bad) && bad.left.message).toMatch(/^not a Standard MIDI File/)
    const empty = parseMidiNotes('e.mid', midiBytes([]))
    expect(E.isLeft(empty) && empty.left.message).toBe('holds no notes')
  })

  it('reads and writes files (atomically), a missing file is an IoError, a huge one refused by size', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ddsp-midi-'))
    try {
      const w = await writeMidiNotes(join(dir, 'a.mid'), melody, { program: 73 })()
      expect(E.isRight(w)).toBe(true)
      const r = await readMidiNotes(join(dir, 'a.mid'))()
      expect(E.isRight(r) && r.right.notes.map((n) => n.pitch)).toEqual([60, 64, 67, 72])
      const missing = await readMidiNotes(join(dir, 'none.mid'))()
      expect(E.isLeft(missing) && missing.left._tag).toBe('IoError')
      await writeFile(join(dir, 'big.mid'), new Uint8Array(17 * 2 ** 20))
      const big = await readMidiNotes(join(dir, 'big.mid'))()
      expect(E.isLeft(big) && big.left).toMatchObject({ _tag: 'MidiError', message: expect.stringMatching(/at most 16 MiB is read/) })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
