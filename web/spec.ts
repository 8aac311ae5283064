/**
 * What the AudioWorklet plays: a plain-JSON synth description (no graph, no
 * tensors), small enough to `postMessage`. Either the DDSP voice (harmonic +
 * filtered noise + reverb, `src/realtime/voice-ddsp.ts`) with its timbre —
 * raw harmonic distribution, raw noise magnitudes and the reverb IR, as the
 * offline synth takes them — or the 808 kit (`src/realtime/voice-808.ts`) with
 * each voice's unit parameter vector.
 *
 * @example
 * const s: SynthSpec = { format: SYNTH_FORMAT, kind: 'kit808', name: '808', sampleRate: 48000, voices: {} }
 */
import type { Voice808 } from '../src/synths/drums/kit808.js'

/** The `format` tag of a synth description. @example SYNTH_FORMAT // 'ddsp-ts/synth' */
export const SYNTH_FORMAT = 'ddsp-ts/synth'

/** The DDSP voice's timbre (raw values, before exp-sigmoid, as `synths/harmonic` and `synths/filtered-noise`). @example defaultDdsp(48000) // a DdspSpec */
export interface DdspSpec {
  readonly format: typeof SYNTH_FORMAT
  readonly kind: 'ddsp'
  readonly name: string
  /** Hz; the page opens its AudioContext at this rate. */
  readonly sampleRate: number
  /** Samples per control frame. */
  readonly hop: number
  /** K raw harmonic weights. */
  readonly distribution: readonly number[]
  /** M raw noise band magnitudes (DC…Nyquist). */
  readonly noise: readonly number[]
  /** Reverb impulse response (tap 0 ignored, as `synths/reverb`); empty = dry. */
  readonly ir: readonly number[]
  /** Noise seed of the filtered-noise stream. */
  readonly seed: number
}

/** The 808 kit: unit parameter vectors by voice (missing voices use the kit's presets). @example const k: KitSpec = { format: SYNTH_FORMAT, kind: 'kit808', name: 'kit', sampleRate: 48000, voices: { kick808: kick } } */
export interface KitSpec {
  readonly format: typeof SYNTH_FORMAT
  readonly kind: 'kit808'
  readonly name: string
  readonly sampleRate: number
  readonly voices: Readonly<Partial<Record<Voice808, readonly number[]>>>
}

/** A synth description. @example const s: SynthSpec = defaultKit(48000) */
export type SynthSpec = DdspSpec | KitSpec

/** Voices of the kit in a fixed order (the engine's voice index). @example KIT_VOICES[0] // 'kick808' */
export const KIT_VOICES: readonly Voice808[] = ['kick808', 'snare808', 'clap808', 'tom808', 'hat808-closed', 'hat808-open', 'cowbell808']

/**
 * General MIDI percussion notes of the kit (36 kick, 38 snare, 39 clap, 45 tom, 42/46 hats, 56 cowbell);
 * any other note picks voice `note mod 7`, so the on-screen keyboard reaches every voice.
 * @param note MIDI note number
 * @example kitVoiceOf(36) // 0 (kick808)
 */
export const kitVoiceOf = (note: number): number => {
  const gm: Readonly<Record<number, number>> = { 35: 0, 36: 0, 38: 1, 40: 1, 39: 2, 41: 3, 43: 3, 45: 3, 47: 3, 42: 4, 44: 4, 46: 5, 56: 6 }
  return gm[note] ?? ((note % 7) + 7) % 7
}

/** One scheduled control event (sample time `at`; omitted = at the next block). @example { type: 'noteOn', note: 60, velocity: 0.8, at: 4800 } */
export type SynthEvent =
  | { readonly type: 'noteOn'; readonly note: number; readonly velocity: number; readonly at?: number }
  | { readonly type: 'noteOff'; readonly note: number; readonly at?: number }
  | { readonly type: 'knob'; readonly name: KnobName; readonly value: number; readonly at?: number }

/** Knobs of the engine. @example const k: KnobName = 'brightness' */
export type KnobName = 'gain' | 'attack' | 'release' | 'brightness' | 'noise' | 'transpose' | 'micGain'

/** A knob's range, default and unit. @example KNOBS.release // { min: 10, max: 2000, value: 200, unit: 'ms' } */
export interface KnobDef {
  readonly min: number
  readonly max: number
  readonly value: number
  readonly unit: string
}

/**
 * The knobs: gain (dB), attack and release (ms), brightness (spectral tilt exponent: cₖ·k^−b),
 * noise (dB on the noise bands), transpose (semitones), micGain (dB, timbre transfer input).
 * @example KNOBS.gain.value // -10
 */
export const KNOBS: Readonly<Record<KnobName, KnobDef>> = {
  gain: { min: -40, max: 6, value: -10, unit: 'dB' },
  attack: { min: 1, max: 500, value: 10, unit: 'ms' },
  release: { min: 10, max: 2000, value: 200, unit: 'ms' },
  brightness: { min: -1, max: 3, value: 0, unit: '' },
  noise: { min: -40, max: 12, value: 0, unit: 'dB' },
  transpose: { min: -24, max: 24, value: 0, unit: 'st' },
  micGain: { min: -20, max: 40, value: 12, unit: 'dB' },
}

/** Messages to the worklet's port. @example node.port.postMessage({ type: 'mic', on: true }) */
export type WorkletMessage =
  | { readonly type: 'load'; readonly spec: SynthSpec }
  | { readonly type: 'events'; readonly events: readonly SynthEvent[] }
  | { readonly type: 'mic'; readonly on: boolean }

/** Replies from the worklet's port. @example { type: 'loaded', name: '808 kit (presets)' } */
export type WorkletReply =
  | { readonly type: 'loaded'; readonly name: string }
  | { readonly type: 'queued'; readonly count: number }
  | { readonly type: 'error'; readonly message: string }
  | { readonly type: 'features'; readonly f0: number; readonly loudness: number }
