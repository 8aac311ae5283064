/**
 * Standard MIDI Files in and out through `@tonejs/midi` (tempo maps,
 * running status, note-on-with-velocity-0 as note-off are its business): a
 * file's notes as a list in seconds — MIDI pitch, onset, duration, velocity in
 * [0, 1] — for `ddsp render --notes` and for training-data scripts, and such a
 * list written back as a one-track file. The file size is checked before
 * reading; a file that does not parse, holds no notes, or has more notes or a
 * later end than the bounds is a `MidiError` value.
 *
 * @example
 * const r = await readMidiNotes('melody.mid')() // Either<IoError | MidiError, MidiNotes>
 * await writeMidiNotes('out/flute.mid', notes, { program: 73, bpm: 120 })()
 */
import { readFile } from 'node:fs/promises'
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import tonejs from '@tonejs/midi'
import { writeAtomic } from './atomic.js'
import { checkFileSize } from './file-size.js'
import type { IoError } from './io-error.js'

const { Midi } = tonejs

/** One note: MIDI pitch, onset and duration in seconds, velocity in [0, 1] (the shape of `synths/poly`'s Note). @example const n: MidiNote = { pitch: 60, onset: 0, duration: 0.5, velocity: 0.8 } */
export interface MidiNote {
  readonly pitch: number
  readonly onset: number
  readonly duration: number
  readonly velocity: number
}

/** A MIDI file's notes, every track and channel merged, sorted by onset then pitch. @example const m: MidiNotes = { notes: [], seconds: 0, tracks: 1, programs: [0] } */
export interface MidiNotes {
  readonly notes: readonly MidiNote[]
  /** when the last note ends, s */
  readonly seconds: number
  /** tracks that hold notes */
  readonly tracks: number
  /** the GM program of each such track (0-based) */
  readonly programs: readonly number[]
}

/** A MIDI file that cannot be used. @example const e: MidiError = { _tag: 'MidiError', path: 'a.mid', message: 'holds no notes' } */
export interface MidiError {
  readonly _tag: 'MidiError'
  readonly path: string
  readonly message: string
}

/** The bounds a MIDI file must keep. @example MIDI_BOUNDS.maxNotes // 100000 */
export const MIDI_BOUNDS = { maxBytes: 16 * 2 ** 20, maxNotes: 100_000, maxSeconds: 3600 } as const

const midiError = (path: string, message: string): MidiError => ({ _tag: 'MidiError', path, message })

/**
 * The notes of a Standard MIDI File's bytes.
 * @param path named in errors  @param bytes the file
 * @example parseMidiNotes('a.mid', bytes) // Right({ notes: [{ pitch: 60, onset: 0, duration: 0.5, velocity: 0.79 }], … })
 */
export const parseMidiNotes = (path: string, bytes: Uint8Array): E.Either<MidiError, MidiNotes> => {
  let midi: InstanceType<typeof Midi>
  try {
    midi = new Midi(bytes)
  } catch (e) {
    return E.left(midiError(path, `not a Standard MIDI File (${e instanceof Error ? e.message : String(e)})`))
  }
  const played = midi.tracks.filter((t) => t.notes.length > 0)
  const notes = played
    .flatMap((t) => t.notes.map((n) => ({ pitch: n.midi, onset: n.time, duration: n.duration, velocity: n.velocity })))
    .sort((a, b) => a.onset - b.onset || a.pitch - b.pitch)
  if (notes.length === 0) return E.left(midiError(path, 'holds no notes'))
  if (notes.length > MIDI_BOUNDS.maxNotes) return E.left(midiError(path, `holds ${notes.length} notes; at most ${MIDI_BOUNDS.maxNotes} are read`))
  const bad = notes.find((n) => !(Number.isFinite(n.onset) && Number.isFinite(n.duration) && n.onset >= 0 && n.duration >= 0))
  if (bad !== undefined) return E.left(midiError(path, `a note of pitch ${bad.pitch} has onset ${bad.onset} s and duration ${bad.duration} s`))
  const seconds = Math.max(...notes.map((n) => n.onset + n.duration))
  if (seconds > MIDI_BOUNDS.maxSeconds) return E.left(midiError(path, `its last note ends at ${seconds.toFixed(1)} s; at most ${MIDI_BOUNDS.maxSeconds} s are read`))
  return E.right({ notes, seconds, tracks: played.length, programs: played.map((t) => t.instrument.number) })
}

/**
 * Reads a Standard MIDI File's notes (size checked before reading).
 * @param path file
 * @example await readMidiNotes('melody.mid')()
 */
export const readMidiNotes = (path: string): TE.TaskEither<IoError | MidiError, MidiNotes> => async () => {
  const size = await checkFileSize(path, MIDI_BOUNDS.maxBytes)()
  if (E.isLeft(size)) return E.left(size.left._tag === 'IoError' ? size.left : midiError(path, size.left.message))
  try {
    return parseMidiNotes(path, await readFile(path))
  } catch (e) {
    return E.left({ _tag: 'IoError', path, message: e instanceof Error ? e.message : String(e) })
  }
}

/** How `writeMidiNotes` writes: the GM program (0-based) and tempo. @example const o: MidiWriteOptions = { program: 40, bpm: 120 } */
export interface MidiWriteOptions {
  readonly program?: number
  readonly bpm?: number
}

/**
 * A one-track Standard MIDI File (channel 0, one program change, one tempo) of `notes`.
 * @param notes times in seconds  @param o GM program (default 0) and tempo (default 120 bpm)
 * @example midiBytes([{ pitch: 60, onset: 0, duration: 0.5, velocity: 0.8 }], { program: 73 }) // Uint8Array (SMF type 1)
 */
export const midiBytes = (notes: readonly MidiNote[], o: MidiWriteOptions = {}): Uint8Array => {
  const midi = new Midi()
  midi.header.setTempo(o.bpm ?? 120)
  const track = midi.addTrack()
  track.instrument.number = o.program ?? 0
  for (const n of notes) track.addNote({ midi: n.pitch, time: n.onset, duration: n.duration, velocity: n.velocity })
  return midi.toArray()
}

/**
 * Writes `notes` as a Standard MIDI File, atomically.
 * @example await writeMidiNotes('out/violin.mid', notes, { program: 40 })()
 */
export const writeMidiNotes = (path: string, notes: readonly MidiNote[], o: MidiWriteOptions = {}): TE.TaskEither<IoError, string> =>
  TE.flatMap((bytes: Uint8Array) => writeAtomic(path, bytes))(TE.tryCatch(async () => midiBytes(notes, o), (e): IoError => ({ _tag: 'IoError', path, message: e instanceof Error ? e.message : String(e) })))
