/**
 * Every renderable synth by its CLI name (`ddsp render <name>`), with a one-line
 * description and default parameters, parameterised by sample rate and length.
 *
 * @example
 * const y = synthRegistry['snare808'].render({ sampleRate: 44100, samples: 44100 })  // Signal<'audio'> [1, n]
 */
import { constant, withRate, type Signal } from '../core/signal.js'
import { kit808, type Voice808 } from './drums/kit808.js'
import { notes, renderNotes } from './poly.js'
import { harmonic } from './harmonic.js'
import { sinusoidal } from './sinusoidal.js'
import { filteredNoise } from './filtered-noise.js'
import { expDecayIr, reverb } from './reverb.js'
import { MODAL_PRESET, modalDrum } from './modal.js'
import { wavetableSynth } from './wavetable.js'
import { snare808 } from './drums/snare808.js'
import { kick808 } from './drums/kick808.js'
import { clap808 } from './drums/clap808.js'

/** How long and at what rate to render. */
export interface RenderSpec {
  readonly sampleRate: number
  readonly samples: number
  /** added to each synth's own noise seed (default 0: the synth's default noise; synths without noise ignore it) */
  readonly seed?: number
}

/** A named synth with default parameters. */
export interface NamedSynth {
  readonly description: string
  /** Number of parameters it exposes. */
  readonly parameterCount: number
  readonly render: (spec: RenderSpec) => Signal<'audio'>
}

/** The 808 voices with noise, by their noise seed (default seed + `RenderSpec.seed`). */
const SEEDED_808: Partial<Record<Voice808, (p: Signal<'static'>, n: number, sr: number, seed: number) => Signal<'audio'>>> = {
  snare808: (p, n, sr, s) => snare808(p, n, sr, 808 + s),
  tom808: (p, n, sr, s) => snare808(p, n, sr, 808 + s),
  kick808: (p, n, sr, s) => kick808(p, n, sr, 36 + s),
  clap808: (p, n, sr, s) => clap808(p, n, sr, 39 + s),
}

const voice = (name: Voice808): NamedSynth => {
  const v = kit808[name]
  return {
    description: `808 ${name.replace('808', '').replace('-', ' ')} (${v.params(44100).length} params in [0, 1])`,
    parameterCount: v.params(44100).length,
    render: ({ sampleRate, samples, seed = 0 }) => {
      const p = v.defaults(sampleRate)
      const seeded = SEEDED_808[name]
      return seeded !== undefined && seed !== 0 ? seeded(constant(p, [1, p.length]), samples, sampleRate, seed) : v.render(constant(p, [1, p.length]), samples, sampleRate)
    },
  }
}

/** 250 frames per second, at least one; `samples` a multiple of the frame count (ddsp window upsampling). */
const frameCount = (spec: RenderSpec) => {
  const F = Math.max(1, Math.round((250 * spec.samples) / spec.sampleRate))
  return spec.samples % F === 0 ? F : Array.from({ length: F }, (_, i) => F - i).find((d) => spec.samples % d === 0)!
}

/** The render's length `secs` (s) and `controls(C, f)`: frame-rate controls `[1, F, C]` from f(frame time in s, channel). */
const framed = (spec: RenderSpec) => {
  const F = frameCount(spec)
  const secs = spec.samples / spec.sampleRate
  const controls = (C: number, f: (t: number, c: number) => number): Signal<'control'> =>
    withRate(constant(Array.from({ length: F * C }, (_, i) => f((Math.floor(i / C) * secs) / F, i % C)), [1, F, C]).node, 'control')
  return { secs, controls }
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
  harmonic: {
    description: 'ddsp harmonic synth: a 220 Hz tone with 5 Hz vibrato, a 1/k distribution over 40 harmonics, decaying',
    parameterCount: 42,
    render: (spec) => {
      const { controls } = framed(spec)
      const amp = controls(1, (t) => 0.5 * Math.exp(-1.5 * t))
      const dist = controls(40, (_, k) => 1 / (k + 1))
      const f0 = controls(1, (t) => 220 * (1 + 0.01 * Math.sin(2 * Math.PI * 5 * t)))
      return harmonic(amp, dist, f0, { samples: spec.samples, sampleRate: spec.sampleRate, scale: false })
    },
  },
  sinusoidal: {
    description: 'ddsp sinusoidal synth: 6 inharmonic bell partials gliding apart, each decaying at its own rate',
    parameterCount: 12,
    render: (spec) => {
      const { controls } = framed(spec)
      const ratios = [1, 2.76, 5.4, 8.93, 13.34, 18.64]
      const amps = controls(6, (t, k) => (0.3 / (k + 1)) * Math.exp(-(1 + k) * 2 * t))
      const freqs = controls(6, (t, k) => 330 * ratios[k]! * (1 + 0.002 * k * t))
      return sinusoidal(amps, freqs, { samples: spec.samples, sampleRate: spec.sampleRate, scale: false })
    },
  },
  wavetable: {
    description: 'ddsp wavetable synth: a 2048-point table (a bright additive wave), 110 Hz gliding to 165 Hz, decaying',
    parameterCount: 2048 + 2,
    render: (spec) => {
      const { secs, controls } = framed(spec)
      const N = 2048
      const table = constant(Array.from({ length: N }, (_, i) => [1, 2, 3, 5, 8].reduce((s, k) => s + Math.sin((2 * Math.PI * k * i) / N) / k, 0) / 1.8), [1, N])
      const amp = controls(1, (t) => 0.6 * Math.exp(-t))
      const f0 = controls(1, (t) => 110 * 1.5 ** Math.min(1, t / secs))
      return wavetableSynth(amp, f0, table, spec)
    },
  },
  'filtered-noise': {
    description: 'ddsp filtered noise: a resonant band sweeping up through 65 linear bands, 257-tap FIRs per frame',
    parameterCount: 65,
    render: (spec) => {
      const { secs, controls } = framed(spec)
      const mags = controls(65, (t, k) => 0.5 * Math.exp(-(((k - 4 - (50 * t) / secs) / 3) ** 2)))
      return filteredNoise(mags, { samples: spec.samples, scale: false, seed: spec.seed ?? 0 })
    },
  },
  reverb: {
    description: 'an impulse through the ddsp reverb with an exponentially decaying noise IR (1 s, decay rate 2 + e²)',
    parameterCount: 2,
    render: ({ sampleRate, samples, seed = 0 }) => {
      const impulse = withRate(constant(Array.from({ length: samples }, (_, i) => (i === 0 ? 0.5 : 0)), [1, samples]).node, 'audio')
      const ir = expDecayIr(constant(0, [1, 1]), constant(2, [1, 1]), Math.min(samples, sampleRate), 1 + seed)
      return reverb(impulse, ir)
    },
  },
  'modal-drum': {
    description: 'drumblender-style modal drum: 8 circular-membrane modes gliding down 3 %, each decaying, plus a noise burst',
    parameterCount: 8 * 3 + 16,
    render: (spec) => {
      const { controls } = framed(spec)
      const freqs = controls(8, (t, m) => MODAL_PRESET.f0 * MODAL_PRESET.ratios[m]! * (1 - 0.03 * (1 - Math.exp(-12 * t))))
      const amps = controls(8, (t, m) => (0.25 / (1 + m)) * Math.exp(-(4 + 3 * m) * t))
      const bands = controls(16, (t, k) => 0.15 * Math.exp(-40 * t) * (1 + k / 8))
      return modalDrum({ freqs, amps, phase0: constant(0, [1, 8]), noiseBands: bands }, { ...spec, seed: 7 + (spec.seed ?? 0) })
    },
  },
  poly: {
    description: 'a Cmaj7 chord, four band-limited triangle voices with per-note phase reset',
    parameterCount: 16,
    render: ({ sampleRate, samples }) => renderNotes(notes(C_MAJOR_7), samples, sampleRate, { waveform: 'triangle' }),
  },
}
