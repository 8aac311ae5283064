/**
 * What `ddsp render` evaluates: a synth's default render, an 808 voice at
 * given parameters, a note synth playing a MIDI file's notes, or an 808 voice
 * hit once per note (rendered once, placed at each onset and scaled by its
 * velocity). `rows` is how many signals of the graph's length the render holds
 * at once, for the memory estimate.
 *
 * @example
 * const p = renderPlan('kick808', 44100, 44100, 0, { notes }) // Right({ graph, graphSamples: 44100, rows: 1, finish })
 */
import * as E from 'fp-ts/lib/Either.js'
import { constant, type Signal } from '../core/signal.js'
import { isVoice808, kit808 } from '../synths/drums/kit808.js'
import { noteSynths } from '../synths/note-synths.js'
import { synthRegistry } from '../synths/registry.js'
import type { MidiNote } from '../io/midi-file.js'
import { usage, type CliError } from './errors.js'
import type { RenderInputs } from './render-inputs.js'

/** A render: the graph, its length, its rows and the host step after it. @example const p: RenderPlan = { graph, graphSamples: 44100, rows: 1, finish: (y) => y } */
export interface RenderPlan {
  readonly graph: Signal<'audio'>
  readonly graphSamples: number
  readonly rows: number
  /** the evaluated graph → the file's samples */
  readonly finish: (y: Float32Array) => Float32Array
}

/** Length of one 808 hit when a MIDI file triggers a voice, s. @example HIT_SECONDS // 1 */
export const HIT_SECONDS = 1

/**
 * The default length of a render of notes: the last note's end plus a tail (the hit length for 808 voices, 0.5 s else).
 * @example noteSeconds('poly', 12) // 12.5
 */
export const noteSeconds = (name: string, lastEnd: number): number => lastEnd + (isVoice808(name) ? HIT_SECONDS : 0.5)

/**
 * Places a hit at every note's onset, scaled by its velocity, into `samples` samples.
 * @example placeHits(hit, [{ pitch: 36, onset: 0, duration: 0.1, velocity: 1 }], 44100, 88200)
 */
export const placeHits = (hit: Float32Array, notes: readonly MidiNote[], sampleRate: number, samples: number): Float32Array => {
  const y = new Float32Array(samples)
  for (const n of notes) {
    const at = Math.round(n.onset * sampleRate)
    for (let i = 0; i < hit.length && at + i < samples; i++) y[at + i] = y[at + i]! + n.velocity * hit[i]!
  }
  return y
}

/**
 * The plan of a render of synth `name`.
 * @param name registry name  @param samples file length  @param sampleRate Hz  @param seed noise seed offset  @param inputs params, notes
 * @example renderPlan('poly', 88200, 44100, 0, {})
 */
export const renderPlan = (name: string, samples: number, sampleRate: number, seed: number, inputs: RenderInputs): E.Either<CliError, RenderPlan> => {
  const same = (y: Float32Array) => y
  const voice = isVoice808(name) ? kit808[name] : undefined
  const hitOf = (p: readonly number[], n: number) => voice!.render(constant([...p], [1, p.length]), n, sampleRate)
  if (inputs.notes !== undefined) {
    const notes = inputs.notes.notes
    if (voice !== undefined) {
      const n = Math.min(samples, Math.round(HIT_SECONDS * sampleRate))
      const p = inputs.params ?? voice.defaults(sampleRate)
      return E.right({ graph: hitOf(p, n), graphSamples: n, rows: 1, finish: (hit) => placeHits(hit, notes, sampleRate, samples) })
    }
    const s = noteSynths[name]
    if (s === undefined) return E.left(usage(`${name} does not play notes`))
    return E.right({ graph: s.render(notes, { sampleRate, samples }), graphSamples: samples, rows: s.rows(notes), finish: same })
  }
  if (inputs.params !== undefined && voice !== undefined) return E.right({ graph: hitOf(inputs.params, samples), graphSamples: samples, rows: 1, finish: same })
  const synth = synthRegistry[name]
  if (synth === undefined) return E.left(usage(`unknown synth '${name}'; try one of: ${Object.keys(synthRegistry).join(', ')}`))
  return E.right({ graph: synth.render({ sampleRate, samples, seed }), graphSamples: samples, rows: 1, finish: same })
}
