/**
 * A monophonic DDSP instrument on the real-time DDSP voice: notes (a
 * last-note-priority stack), knobs and — for timbre transfer — microphone
 * f0 + loudness become control frames (`timbre.ts`), pushed ahead of the
 * voice's read position. Per control frame: a linear attack and an
 * exponential release envelope e (time constants from the knobs), amplitude
 * a = e·velocity·gain, noise scale e·velocity·noiseGain, f0 = 440·2^((n + transpose − 69)/12);
 * in mic mode e = RMS·micGain while the tracker is confident and f0 follows
 * the tracker. Nothing is allocated per block.
 * Latency: an event applies at the next block; frames are pushed up to
 * ⌊(t + B − 1 + max(H, 129))/H⌋ + 2 ahead (the noise FIR's look-ahead and the
 * harmonic interpolation's next frame), so a note reaches the audio 2–3
 * control frames later (≈ 10–15 ms at H = 192, 48 kHz).
 *
 * @example
 * const p = ddspPlayer(spec, 128)
 * p.noteOn(60, 1); p.process(out128)
 */
import { ddspVoice } from '../src/realtime/voice-ddsp.js'
import { noteStack } from './notes.js'
import { pitchTracker } from './pitch.js'
import { KNOBS, type DdspSpec } from './spec.js'
import { timbreFrame } from './timbre.js'

export { inverseExpSigmoid } from './timbre.js'

const dbToGain = (db: number) => Math.pow(10, db / 20)

/** Live settings of the player (knob values: dB, ms, tilt exponent, semitones). @example p.settings.gainDb = -6 */
export interface DdspSettings {
  gainDb: number
  attackMs: number
  releaseMs: number
  brightness: number
  noiseDb: number
  transpose: number
  micGainDb: number
}

/** The instrument. @example const p: DdspPlayer = ddspPlayer(spec, 128); p.noteOn(57, 0.8) */
export interface DdspPlayer {
  readonly noteOn: (note: number, velocity: number) => void
  readonly noteOff: (note: number) => void
  /** Applies changed settings (recomputes the tilted distribution). */
  readonly retune: () => void
  readonly settings: DdspSettings
  /** Microphone mode: f0 and amplitude follow `input` instead of the notes. */
  mic: boolean
  /** The tracker's latest f0 (Hz) and RMS, for display. */
  readonly features: () => { f0: number; rms: number }
  /** Renders one block; `input` (mic) is analysed when mic mode is on. */
  readonly process: (out: Float32Array, input?: Float32Array) => void
}

/**
 * Builds the player for a DDSP spec.
 * @param spec the timbre  @param block samples per `process` call (a power of 2)
 * @example ddspPlayer(defaultDdsp(48000), 128)
 */
export const ddspPlayer = (spec: DdspSpec, block: number): DdspPlayer => {
  const ir = spec.ir.length > 1 ? { ir: Float32Array.from(spec.ir) } : {}
  const voice = ddspVoice({ sampleRate: spec.sampleRate, harmonics: spec.distribution.length, bands: spec.noise.length, hop: spec.hop, block, seed: spec.seed, ...ir })
  const tracker = pitchTracker({ sampleRate: spec.sampleRate, hop: spec.hop })
  const timbre = timbreFrame(spec)
  const notes = noteStack()
  const s: DdspSettings = {
    gainDb: KNOBS.gain.value, attackMs: KNOBS.attack.value, releaseMs: KNOBS.release.value, brightness: KNOBS.brightness.value,
    noiseDb: KNOBS.noise.value, transpose: KNOBS.transpose.value, micGainDb: KNOBS.micGain.value,
  }
  const st = { env: 0, f0: 440, pushed: 0, t: 0 } // envelope, f0 (Hz), frames pushed, samples rendered
  const framesPerMs = spec.sampleRate / spec.hop / 1000
  const nextFrame = (): void => {
    let vel = 1
    if (player.mic) {
      const f0 = tracker.state[0]!
      const confidence = tracker.state[1]!
      const rms = tracker.state[2]!
      st.env = confidence > 0.3 ? rms * dbToGain(s.micGainDb) : 0
      if (f0 > 0) st.f0 = f0
    } else {
      if (notes.gate) st.env = Math.min(1, st.env + 1 / Math.max(1, s.attackMs * framesPerMs))
      else st.env *= Math.exp(-1 / Math.max(1, s.releaseMs * framesPerMs))
      st.f0 = 440 * Math.pow(2, (notes.note + s.transpose - 69) / 12)
      vel = notes.velocity
    }
    timbre.levels(st.env * vel * dbToGain(s.gainDb), Math.min(1, st.env) * vel * dbToGain(s.noiseDb), st.f0)
    voice.pushFrame(timbre.frame)
    st.pushed++
  }
  const player: DdspPlayer = {
    noteOn: notes.on,
    noteOff: notes.off,
    retune: () => timbre.brighten(s.brightness),
    settings: s,
    mic: false,
    features: () => ({ f0: tracker.f0, rms: tracker.rms }),
    process: (out, input) => {
      if (player.mic && input !== undefined) tracker.push(input)
      // frames past this block's end by the noise FIR's look-ahead c ≤ 128 (window 257), plus one frame for the harmonic interpolation
      const need = Math.floor((st.t + block - 1 + Math.max(spec.hop, 129)) / spec.hop) + 2
      while (st.pushed < need) nextFrame()
      voice.process(out)
      st.t += block
    },
  }
  return player
}
