/**
 * Synths that play a note list (from a MIDI file or code): the polyphonic
 * band-limited voices (`poly`, `adsr-saw`: one row per note, `poly.ts`) and the
 * f0-driven ddsp synths (`harmonic`, `wavetable`: notes dealt to monophonic
 * voices, `note-voices.ts`, one row per voice), each mixed to `[1, n]`.
 * `noteRows` says how many rows a render holds (for the memory estimate).
 *
 * @example
 * const y = noteSynths['harmonic']!.render(notes, { sampleRate: 16000, samples: 32000 }) // Signal<'audio'> [1, 32000]
 */
import { constant, withRate, type Signal } from '../core/signal.js'
import { reshape, sum } from '../core/tensor.js'
import { harmonic } from './harmonic.js'
import { notes as noteSignals, renderNotes } from './poly.js'
import { wavetableSynth } from './wavetable.js'
import { assignVoices, voiceControls, type VoiceNote } from './note-voices.js'

/** Rate and length of a note render. @example const s: NoteSpec = { sampleRate: 44100, samples: 44100 } */
export interface NoteSpec {
  readonly sampleRate: number
  readonly samples: number
}

/** A synth that plays notes. */
export interface NoteSynth {
  readonly description: string
  /** rows the render holds at once (notes or voices), for the memory estimate */
  readonly rows: (notes: readonly VoiceNote[]) => number
  readonly render: (notes: readonly VoiceNote[], spec: NoteSpec) => Signal<'audio'>
}

/** 250 frames per second, at least one, dividing `samples` (ddsp window upsampling). */
const frameCount = (spec: NoteSpec): number => {
  const F = Math.max(1, Math.round((250 * spec.samples) / spec.sampleRate))
  return spec.samples % F === 0 ? F : Array.from({ length: F }, (_, i) => F - i).find((d) => spec.samples % d === 0)!
}

/** Per-voice controls `[V, F, 1]` of the voices the notes need. */
const controls = (list: readonly VoiceNote[], spec: NoteSpec) => {
  const voices = assignVoices(list).map((v) => v.map((i) => list[i]!))
  const F = frameCount(spec)
  const c = voiceControls(voices, F, spec.samples / spec.sampleRate)
  const stack = (rows: readonly Float64Array[]): Signal<'control'> => withRate(constant(rows.flatMap((r) => Array.from(r)), [rows.length, F, 1]).node, 'control')
  return { V: voices.length, F, f0: stack(c.f0), amp: stack(c.amp) }
}

const mixRows = (y: Signal<'audio'>, n: number): Signal<'audio'> => reshape(sum(y, [0]), [1, n])

const HARMONICS = 40
const TABLE = 2048

/** The note synths, by the registry's names. */
export const noteSynths: Readonly<Record<string, NoteSynth>> = {
  poly: {
    description: 'band-limited triangle voices, one per note, phase reset at each onset',
    rows: (l) => l.length,
    render: (l, s) => renderNotes(noteSignals(l), s.samples, s.sampleRate, { waveform: 'triangle' }),
  },
  'adsr-saw': {
    description: 'band-limited saws through an ADSR and an envelope-swept resonant low-pass, one per note',
    rows: (l) => l.length,
    render: (l, s) =>
      renderNotes(noteSignals(l), s.samples, s.sampleRate, { waveform: 'saw', envelope: { attack: 0.01, decay: 0.3, sustain: 0.4, release: 0.4 }, filter: { cutoff: 200, envAmount: 3000, q: 6 } }),
  },
  harmonic: {
    description: `the ddsp harmonic synth (${HARMONICS} harmonics, 1/k), one monophonic voice per overlapping note`,
    rows: (l) => assignVoices(l).length * HARMONICS,
    render: (l, s) => {
      const c = controls(l, s)
      const dist = constant(Array.from({ length: c.V * c.F * HARMONICS }, (_, i) => 1 / ((i % HARMONICS) + 1)), [c.V, c.F, HARMONICS])
      return mixRows(harmonic(c.amp, withRate(dist.node, 'control'), c.f0, { samples: s.samples, sampleRate: s.sampleRate, scale: false }), s.samples)
    },
  },
  wavetable: {
    description: `the ddsp wavetable synth (a ${TABLE}-point bright additive wave), one monophonic voice per overlapping note`,
    rows: (l) => assignVoices(l).length,
    render: (l, s) => {
      const c = controls(l, s)
      const table = constant(Array.from({ length: TABLE }, (_, i) => [1, 2, 3, 5, 8].reduce((acc, k) => acc + Math.sin((2 * Math.PI * k * i) / TABLE) / k, 0) / 1.8), [1, TABLE])
      return mixRows(wavetableSynth(c.amp, c.f0, table, s), s.samples)
    },
  },
}
