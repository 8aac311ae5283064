/**
 * The 808 kit as an instrument: every voice of `src/realtime/voice-808.ts`
 * (one instance each), triggered by notes through `kitVoiceOf` with its unit
 * parameter vector, and mixed: out = g·Σᵥ velᵥ·voiceᵥ. Nothing is allocated
 * after construction.
 *
 * @example
 * const k = kitPlayer(spec, 128)
 * k.noteOn(36, 1); k.process(out128)
 */
import { kit808 } from '../src/synths/drums/kit808.js'
import { kit808Voices } from '../src/realtime/voice-808.js'
import { KIT_VOICES, KNOBS, kitVoiceOf, type KitSpec } from './spec.js'

/** The kit instrument. @example const k: KitPlayer = kitPlayer(spec, 128); k.noteOn(38, 1) */
export interface KitPlayer {
  readonly noteOn: (note: number, velocity: number) => void
  /** Output gain, dB. */
  gainDb: number
  /** Renders one block (overwrites `out`). */
  readonly process: (out: Float32Array) => void
}

/**
 * Builds the kit for a spec (voices it omits use the kit's presets at the spec's rate).
 * @param spec unit params by voice  @param block samples per `process` call
 * @example kitPlayer({ format: 'ddsp-ts/synth', kind: 'kit808', name: '808', sampleRate: 48000, voices: {} }, 128)
 */
export const kitPlayer = (spec: KitSpec, block: number): KitPlayer => {
  const sr = spec.sampleRate
  const voices = KIT_VOICES.map((v) => kit808Voices[v](sr))
  const params = KIT_VOICES.map((v) => Float64Array.from(spec.voices[v] ?? kit808[v].defaults(sr)))
  const vel = new Float64Array(KIT_VOICES.length)
  const scratch = new Float32Array(block)
  const player: KitPlayer = {
    gainDb: KNOBS.gain.value,
    noteOn: (note, velocity) => {
      const i = kitVoiceOf(note)
      vel[i] = velocity
      voices[i]!.trigger(params[i]!)
    },
    process: (out) => {
      out.fill(0)
      const g = Math.pow(10, player.gainDb / 20)
      for (let v = 0; v < voices.length; v++) {
        voices[v]!.process(scratch)
        const w = g * vel[v]!
        for (let i = 0; i < out.length; i++) out[i] = out[i]! + w * scratch[i]!
      }
    },
  }
  return player
}
