/**
 * Every renderable synth by its CLI name (`ddsp render <name>`), with a one-line
 * description and default parameters, parameterised by sample rate and length.
 *
 * @example
 * const y = synthRegistry['snare808'].render({ sampleRate: 44100, samples: 44100 })  // Signal<'audio'> [1, n]
 */
import { constant, type Signal } from '../core/signal.js'
import { kit808, type Voice808 } from './drums/kit808.js'
import { notes, renderNotes } from './poly.js'

/** How long and at what rate to render. */
export interface RenderSpec {
  readonly sampleRate: number
  readonly samples: number
}

/** A named synth with default parameters. */
export interface NamedSynth {
  readonly description: string
  /** Number of parameters it exposes. */
  readonly parameterCount: number
  readonly render: (spec: RenderSpec) => Signal<'audio'>
}

const voice = (name: Voice808): NamedSynth => {
  const v = kit808[name]
  return {
    description: `808 ${name.replace('808', '').replace('-', ' ')} (${v.params(44100).length} params in [0, 1])`,
    parameterCount: v.params(44100).length,
    render: ({ sampleRate, samples }) => {
      const p = v.defaults(sampleRate)
      return v.render(constant(p, [1, p.length]), samples, sampleRate)
    },
  }
}

const C_MAJOR_7 = [48, 55, 64, 71].map((pitch, i) => ({ pitch, onset: 0.03 * i, duration: 1.2, velocity: 0.25 }))

/** The registry. */
export const synthRegistry: Readonly<Record<string, NamedSynth>> = {
  ...Object.fromEntries((Object.keys(kit808) as Voice808[]).map((k) => [k, voice(k)])),
  'adsr-saw': {
    description: 'one band-limited saw note through an ADSR and an envelope-swept resonant low-pass',
    parameterCount: 11,
    render: ({ sampleRate, samples }) =>
      renderNotes(notes([{ pitch: 45, onset: 0.05, duration: Math.max(0.1, (0.6 * samples) / sampleRate), velocity: 0.3 }]), samples, sampleRate, {
        waveform: 'saw',
        envelope: { attack: 0.01, decay: 0.3, sustain: 0.4, release: 0.4 },
        filter: { cutoff: 200, envAmount: 3000, q: 6 },
      }),
  },
  poly: {
    description: 'a Cmaj7 chord, four band-limited triangle voices with per-note phase reset',
    parameterCount: 16,
    render: ({ sampleRate, samples }) => renderNotes(notes(C_MAJOR_7), samples, sampleRate, { waveform: 'triangle' }),
  },
}
