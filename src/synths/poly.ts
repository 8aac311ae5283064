/**
 * Polyphonic note rendering: a note list → one voice per note → mix. Notes are
 * the batch axis, so every voice renders in parallel, and pitch, onset,
 * duration and velocity are signals (differentiable where the maths is).
 * Voice i:
 *   φᵢ(t) = fᵢ·max(t − onsetᵢ, 0)              per-note phase reset at the onset
 *   vᵢ(t) = velocityᵢ · adsrᵢ(t) · osc(φᵢ)       band-limited oscillator
 *   optional low-pass: cutoff = base + envAmount·adsrᵢ(t) (resonant SVF)
 *   y(t) = Σᵢ vᵢ(t)
 * with fᵢ = 440·2^((pitchᵢ − 69)/12) (MIDI pitch).
 *
 * @example
 * const y = renderNotes(notes([{ pitch: 60, onset: 0, duration: 1, velocity: 0.8 }]), 48000, 48000, { waveform: 'saw' })
 */
import { add, max, mul, pow, sub } from '../core/math.js'
import { constant, withRate, type Signal } from '../core/signal.js'
import { sum, reshape } from '../core/tensor.js'
import { svf } from '../dsp/filters.js'
import { adsr, type AdsrParams } from './adsr.js'
import { bandlimited, type Waveform } from './bandlimited.js'
import { sampleCounts } from './time.js'

/** One note: MIDI pitch, onset and duration in seconds, velocity in [0, 1]. */
export interface Note {
  readonly pitch: number
  readonly onset: number
  readonly duration: number
  readonly velocity: number
}

/** Notes as `[N, 1]` static signals (constants or params). */
export interface NoteSignals {
  readonly pitch: Signal<'static'>
  readonly onset: Signal<'static'>
  readonly duration: Signal<'static'>
  readonly velocity: Signal<'static'>
  /** The lowest pitch that will be played (to size the harmonic bank). */
  readonly lowestPitch: number
}

/** A note list as constant signals. @example notes([{ pitch: 60, onset: 0, duration: 0.5, velocity: 1 }]) */
export const notes = (list: readonly Note[]): NoteSignals => {
  const col = (k: keyof Note) => constant(list.map((x) => x[k]), [list.length, 1])
  return { pitch: col('pitch'), onset: col('onset'), duration: col('duration'), velocity: col('velocity'), lowestPitch: Math.min(...list.map((x) => x.pitch)) }
}

/** Voice options. */
export interface PolyOptions {
  readonly waveform: Waveform
  /** Envelope, default a 5/100/0.7/200 ms-ish organ-like shape. */
  readonly envelope?: AdsrParams
  /** Resonant low-pass following the envelope. */
  readonly filter?: { readonly cutoff: number; readonly envAmount: number; readonly q: number }
}

const midiToHz = (pitch: Signal<'static'>): Signal<'static'> => mul(440, pow(2, mul(1 / 12, sub(pitch, 69))))
const DEFAULT_ENV: AdsrParams = { attack: 0.005, decay: 0.1, sustain: 0.7, release: 0.2 }

/**
 * Renders notes to one mixed signal.
 * @returns audio `[1, n]`
 * @example renderNotes(notes(chord), 96000, 48000, { waveform: 'saw', filter: { cutoff: 400, envAmount: 3000, q: 4 } })
 */
export const renderNotes = (ns: NoteSignals, n: number, sampleRate: number, options: PolyOptions): Signal<'audio'> => {
  const env = adsr({ ...(options.envelope ?? DEFAULT_ENV), onset: ns.onset, offset: add(ns.onset, ns.duration) }, n, sampleRate)
  const f = midiToHz(ns.pitch)
  const t = mul(1 / sampleRate, sub(sampleCounts(n), 1)) // sample start times
  const phase = withRate(mul(f, max(sub(t, ns.onset), 0)).node, 'audio')
  const harmonics = Math.max(1, Math.floor(sampleRate / 2 / (440 * 2 ** ((ns.lowestPitch - 69) / 12))))
  const osc = bandlimited(options.waveform, phase, f, sampleRate, harmonics)
  const fl = options.filter
  const shaped = fl === undefined ? osc : svf(osc, add(fl.cutoff, mul(fl.envAmount, env)), fl.q, sampleRate, 'low')
  const voices = mul(mul(ns.velocity, env), shaped)
  return reshape(sum(voices, [0]), [1, n])
}
