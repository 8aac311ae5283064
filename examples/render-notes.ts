/**
 * Renders the timbre-transfer material with Debian's `fluidsynth` and
 * `fluid-soundfont-gm`: a violin (GM program 40) playing scales and a melody
 * for ~30 s (training data), and a flute (GM program 73) melody of ~12 s (the
 * transfer input). Each part is written as a Standard MIDI File by
 * `@tonejs/midi` (`io/midi-file.ts`: one track, tempo 120 bpm) and rendered by
 *   fluidsynth -ni -g 0.8 -F out.wav -r 16000 FluidR3_GM.sf2 part.mid
 *
 * @example
 * npx tsx examples/render-notes.ts out          # writes out/violin.{mid,wav}, out/flute.{mid,wav}
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { midiBytes } from '../src/io/midi-file.js'

/** A note: MIDI pitch, start and length in beats (120 bpm: 0.5 s), velocity 1–127. */
interface Note {
  readonly pitch: number
  readonly start: number
  readonly beats: number
  readonly velocity: number
}

const SF2 = '/usr/share/sounds/sf2/FluidR3_GM.sf2'
const SECONDS_PER_BEAT = 0.5 // 120 bpm

/** A one-track SMF (channel 0, one program change, 120 bpm) of the notes, times in seconds and velocity in [0, 1]. */
const smf = (program: number, notes: readonly Note[]): Uint8Array =>
  midiBytes(
    notes.map((n) => ({ pitch: n.pitch, onset: n.start * SECONDS_PER_BEAT, duration: n.beats * SECONDS_PER_BEAT, velocity: n.velocity / 127 })),
    { program, bpm: 60 / SECONDS_PER_BEAT },
  )

/** Notes played one after another with a small gap (legato-ish phrasing). */
const sequence = (pitches: readonly number[], beats: readonly number[], velocity: (i: number) => number, at = 0): Note[] => {
  let t = at
  return pitches.map((pitch, i) => {
    const b = beats[i % beats.length]!
    const n = { pitch, start: t, beats: b * 0.92, velocity: velocity(i) }
    t += b
    return n
  })
}

const G_MAJOR = [0, 2, 4, 5, 7, 9, 11]
const scale = (root: number, octaves: number) => Array.from({ length: 7 * octaves + 1 }, (_, i) => root + 12 * Math.floor(i / 7) + G_MAJOR[i % 7]!)

/** Violin: G3–G5 scale up and down, then a melody with long and short notes and varied dynamics (~30 s). */
const violin = (): Note[] => {
  const up = scale(55, 2)
  const run = [...up, ...up.slice(0, -1).reverse()]
  const melody = [67, 71, 74, 79, 78, 76, 74, 72, 71, 69, 67, 66, 67, 62, 64, 66, 67, 69, 71, 72, 74, 76, 74, 71, 67]
  const first = sequence(run, [1], (i) => 60 + ((i * 9) % 60))
  const end = first.at(-1)!.start + 1.5
  return [...first, ...sequence(melody, [1, 0.5, 0.5, 2, 1, 1], (i) => 50 + ((i * 13) % 70), end)]
}

/** Flute: a different tune in D major, A4–D6 (~12 s). */
const flute = (): Note[] => {
  const tune = [74, 76, 78, 81, 79, 78, 76, 74, 73, 74, 76, 69, 71, 73, 74, 78, 81, 86, 83, 81, 78, 76, 74]
  return sequence(tune, [1, 0.5, 0.5, 1.5, 1, 0.5], (i) => 55 + ((i * 17) % 60))
}

const render = (dir: string, name: string, program: number, notes: readonly Note[]): void => {
  const mid = join(dir, `${name}.mid`)
  writeFileSync(mid, smf(program, notes))
  execFileSync('fluidsynth', ['-ni', '-g', '0.8', '-F', join(dir, `${name}.wav`), '-r', '16000', SF2, mid], { stdio: 'ignore' })
  const seconds = Math.max(...notes.map((n) => n.start + n.beats)) / 2
  console.log(`${join(dir, `${name}.wav`)}: ${notes.length} notes, ${seconds.toFixed(1)} s, GM program ${program}`)
}

const dir = process.argv[2] ?? 'out'
mkdirSync(dir, { recursive: true })
render(dir, 'violin', 40, violin())
render(dir, 'flute', 73, flute())
