/**
 * A monophonic DDSP instrument on the real-time DDSP voice: notes (last-note
 * priority), knobs and — for timbre transfer — microphone f0 + loudness turn
 * into control frames, pushed one hop ahead of the voice's read position:
 *   amplitude a = env·g (linear; raw = expSigmoid⁻¹(a)),
 *   cₖ = expSigmoid(distₖ)·(k+1)^(−brightness),
 *   noise mₖ = expSigmoid(noiseₖ − 5)·env·gₙ (raw = expSigmoid⁻¹(mₖ) + 5, the voice's bias),
 * with expSigmoid(x) = 2σ(x)^ln10 + 1e−7 (DDSP `exp_sigmoid`), so
 * expSigmoid⁻¹(a) = logit(((a − 1e−7)/2)^(1/ln10)). The envelope is a linear
 * attack and an exponential release, per control frame. Nothing is allocated
 * after construction.
 *
 * @example
 * const p = ddspPlayer(spec, 128)
 * p.noteOn(60, 1); p.process(out128)
 */
import { expSigmoid } from '../src/realtime/frames.js'
import { ddspVoice } from '../src/realtime/voice-ddsp.js'
import { KNOBS, type DdspSpec } from './spec.js'
import { pitchTracker } from './pitch.js'

/**
 * Raw control for a linear exp-sigmoid output `a` (clamped to its range): logit(((a − 1e−7)/2)^(1/ln10)).
 * @param a the wanted exp-sigmoid output (linear)
 * @example inverseExpSigmoid(expSigmoid(0.5)) // ≈ 0.5
 */
export const inverseExpSigmoid = (a: number): number => {
  if (a <= 2e-7) return -40
  const s = Math.pow(Math.min(a - 1e-7, 1.999) / 2, 1 / Math.LN10)
  return Math.log(s / (1 - s))
}

const dbToGain = (db: number) => Math.pow(10, db / 20)

/** Live settings of the player (knob values in their units). */
export interface DdspSettings {
  gainDb: number
  attackMs: number
  releaseMs: number
  brightness: number
  noiseDb: number
  transpose: number
  micGainDb: number
}

/** The instrument. */
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
 * @example ddspPlayer(defaultSpec, 128)
 */
export const ddspPlayer = (spec: DdspSpec, block: number): DdspPlayer => {
  const K = spec.distribution.length
  const M = spec.noise.length
  const sr = spec.sampleRate
  const voice = ddspVoice({ sampleRate: sr, harmonics: K, bands: M, hop: spec.hop, block, seed: spec.seed, ...(spec.ir.length > 1 ? { ir: Float32Array.from(spec.ir) } : {}) })
  const tracker = pitchTracker({ sampleRate: sr, hop: spec.hop })
  const baseC = Float64Array.from(spec.distribution, (x) => expSigmoid(x))
  const baseN = Float64Array.from(spec.noise, (x) => expSigmoid(x - 5))
  const frame = { amplitude: -40, distribution: new Float64Array(K), f0: 0, noise: new Float64Array(M) }
  const held = new Int16Array(32)
  const settings: DdspSettings = {
    gainDb: KNOBS.gain.value, attackMs: KNOBS.attack.value, releaseMs: KNOBS.release.value, brightness: KNOBS.brightness.value,
    noiseDb: KNOBS.noise.value, transpose: KNOBS.transpose.value, micGainDb: KNOBS.micGain.value,
  }
  // env, gate, velocity, note, frames pushed, samples rendered, held count, last noise gain
  const st = { env: 0, gate: 0, vel: 0, note: 69, pushed: 0, t: 0, nHeld: 0, noiseScale: -1 }
  const retune = (): void => {
    for (let k = 0; k < K; k++) frame.distribution[k] = inverseExpSigmoid(baseC[k]! * Math.pow(k + 1, -settings.brightness))
  }
  retune()
  const setNoise = (scale: number): void => {
    if (Math.abs(scale - st.noiseScale) < 1e-9) return
    st.noiseScale = scale
    for (let k = 0; k < M; k++) frame.noise[k] = inverseExpSigmoid(baseN[k]! * scale) + 5
  }
  const framesPerMs = sr / spec.hop / 1000
  const nextFrame = (): void => {
    if (player.mic) {
      const on = tracker.confidence > 0.3 ? 1 : 0
      st.env = on * tracker.rms * dbToGain(settings.micGainDb)
      if (tracker.f0 > 0) frame.f0 = tracker.f0
    } else {
      if (st.gate > 0) st.env = Math.min(1, st.env + 1 / Math.max(1, settings.attackMs * framesPerMs))
      else st.env *= Math.exp(-1 / Math.max(1, settings.releaseMs * framesPerMs))
      frame.f0 = 440 * Math.pow(2, (st.note + settings.transpose - 69) / 12)
    }
    const level = st.env * (player.mic ? 1 : st.vel) * dbToGain(settings.gainDb)
    frame.amplitude = inverseExpSigmoid(level)
    setNoise(Math.min(1, st.env) * (player.mic ? 1 : st.vel) * dbToGain(settings.noiseDb))
    voice.pushFrame(frame)
    st.pushed++
  }
  const player: DdspPlayer = {
    noteOn: (note, velocity) => {
      if (st.nHeld < held.length) held[st.nHeld++] = note
      st.note = note
      st.vel = velocity
      st.gate = 1
    },
    noteOff: (note) => {
      let j = 0
      for (let i = 0; i < st.nHeld; i++) if (held[i] !== note) held[j++] = held[i]!
      st.nHeld = j
      if (j > 0) st.note = held[j - 1]!
      else st.gate = 0
    },
    retune,
    settings,
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
