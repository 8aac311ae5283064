/**
 * The DDSP autoencoder of Engel et al. 2020 in its solo-instrument setup (no
 * latent z): per frame, f0 and loudness are scaled as ddsp's
 * `F0LoudnessPreprocessor`,
 *   f0_scaled = hz_to_midi(f0)/127,   ld_scaled = loudness_dB/80 + 1,
 * an `RnnFcDecoder` maps them to 1 amplitude + K harmonic-distribution logits +
 * M noise-band logits, and the synthesis is
 *   y = reverb(harmonic(amp, dist, f0) + filteredNoise(bands), ir)
 * with a learnable FIR reverb `ir` (ddsp `effects.Reverb(trainable=True)`,
 * initialised N(0, 1e-6)-small). Everything is one signal graph with named
 * params, trained with `multiScaleSpectralLoss` against the original audio.
 * Defaults are smaller than ddsp's (hidden 512, GRU 512, 250 frames/s,
 * 3 s reverb) so the model trains on a CPU in minutes.
 * Ref: Engel, Hantrakul, Gu & Roberts, "DDSP", ICLR 2020, §4; ddsp
 * `training/gin/models/solo_instrument.gin` (ddsp-anchors.md §2.11).
 *
 * @example
 * const m = autoencoder(DEFAULT_AUTOENCODER)
 * const y = m.synthesize(input('f0_hz', [1, 100, 1], 'control'), input('loudness_db', [1, 100, 1], 'control')) // [1, 16000]
 * const params = m.init(42)
 */
import { add, div } from '../core/math.js'
import { type Signal } from '../core/signal.js'
import { concat, slice } from '../core/tensor.js'
import { invalid } from '../dsp/guard.js'
import { hzToMidi } from '../dsp/scale.js'
import { initParams, type ParamDecls } from '../nn/init.js'
import { paramOf } from '../nn/module.js'
import { filteredNoise } from '../synths/filtered-noise.js'
import { harmonic } from '../synths/harmonic.js'
import { reverb } from '../synths/reverb.js'
import { rnnFcDecoder } from './decoder.js'

/** Sizes and rates of the autoencoder. @example const c: AutoencoderConfig = { ...DEFAULT_AUTOENCODER, sampleRate: 44100, hop: 441 } */
export interface AutoencoderConfig {
  /** audio sample rate (Hz) */
  readonly sampleRate: number
  /** samples per control frame (ddsp: 64 at 16 kHz, 250 frames/s) */
  readonly hop: number
  /** harmonics of the harmonic synth (ddsp: 60) */
  readonly harmonics: number
  /** noise filter bands, DC to Nyquist (ddsp: 65) */
  readonly noiseBands: number
  /** fc stack width (ddsp: 512) */
  readonly hidden: number
  /** blocks per fc stack (ddsp: 3) */
  readonly layers: number
  /** GRU size (ddsp: 512) */
  readonly rnn: number
  /** learnable reverb IR length in samples (ddsp: 48000) */
  readonly reverbLength: number
}

/** CPU-sized defaults: 16 kHz, 100 frames/s, 60 harmonics, 65 bands, width 64, GRU 64, 0.25 s reverb. @example autoencoder(DEFAULT_AUTOENCODER) */
export const DEFAULT_AUTOENCODER: AutoencoderConfig = { sampleRate: 16000, hop: 160, harmonics: 60, noiseBands: 65, hidden: 64, layers: 1, rnn: 64, reverbLength: 4000 }

/** The reverb IR's param name. @example REVERB_PARAM // 'reverb/ir' */
export const REVERB_PARAM = 'reverb/ir'
/** The seed of the filtered noise (a block renderer draws the same noise). @example AUTOENCODER_NOISE_SEED // 5 */
export const AUTOENCODER_NOISE_SEED = 5
const NOISE_SEED = AUTOENCODER_NOISE_SEED

/**
 * The first problem with a config, or undefined.
 * @param c the config
 * @example configProblem({ ...DEFAULT_AUTOENCODER, hop: 0 }) // 'hop must be a positive integer, got 0'
 */
export const configProblem = (c: AutoencoderConfig): string | undefined => {
  const ints = ['hop', 'harmonics', 'noiseBands', 'hidden', 'layers', 'rnn', 'reverbLength'] as const
  const bad = ints.find((k) => !(Number.isInteger(c[k]) && c[k] > 0))
  if (bad !== undefined) return `${bad} must be a positive integer, got ${c[bad]}`
  if (!(c.sampleRate > 0 && Number.isFinite(c.sampleRate))) return `sampleRate must be > 0, got ${c.sampleRate}`
  return c.noiseBands < 2 ? `noiseBands must be ≥ 2, got ${c.noiseBands}` : undefined
}

/**
 * ddsp's input scalings: f0 → MIDI/127 and loudness dB → dB/80 + 1, concatenated.
 * @param f0Hz control `[B, F, 1]` (Hz)  @param loudnessDb control `[B, F, 1]` (dB, floor −80)
 * @returns control `[B, F, 2]` (≈ [0, 1] each)
 * @example scaledFeatures(f0, ld) // 440 Hz → 69/127, −40 dB → 0.5
 */
export const scaledFeatures = (f0Hz: Signal<'control'>, loudnessDb: Signal<'control'>): Signal<'control'> =>
  concat([div(hzToMidi(f0Hz), 127), add(div(loudnessDb, 80), 1)], 2)

/** An autoencoder: its params, seeded init, and the synthesis from f0 and loudness. @example const m: Autoencoder = autoencoder(DEFAULT_AUTOENCODER) */
export interface Autoencoder {
  readonly config: AutoencoderConfig
  readonly params: ParamDecls
  /** initial params from `seed` (Glorot weights, zero biases, a ±1e-6 reverb IR) */
  readonly init: (seed: number) => Record<string, Float32Array>
  /** the raw decoder outputs `[B, F, 1 + harmonics + noiseBands]` */
  readonly controls: (f0Hz: Signal<'control'>, loudnessDb: Signal<'control'>) => Signal<'control'>
  /** the same from a GRU state `h0` `[B, 1, rnn]` (rendering in blocks), with the last state `h` to carry on */
  readonly controlsFrom: (f0Hz: Signal<'control'>, loudnessDb: Signal<'control'>, h0: Signal<'control'>) => { readonly y: Signal<'control'>; readonly h: Signal<'control'> }
  /** audio `[B, F·hop]` from f0 (Hz) and loudness (dB), both control `[B, F, 1]` */
  readonly synthesize: (f0Hz: Signal<'control'>, loudnessDb: Signal<'control'>) => Signal<'audio'>
}

/**
 * Builds the autoencoder of a config (params named `dec/…` and `reverb/ir`).
 * @param c sizes and rates (see `AutoencoderConfig`)
 * @example autoencoder({ ...DEFAULT_AUTOENCODER, hidden: 16, rnn: 16 }).synthesize(f0, ld)
 */
export const autoencoder = (c: AutoencoderConfig): Autoencoder => {
  const K = c.harmonics
  const dec = rnnFcDecoder('dec', { inputs: 2, hidden: c.hidden, layers: c.layers, rnn: c.rnn, outputs: 1 + K + c.noiseBands })
  const params: ParamDecls = { ...dec.params, [REVERB_PARAM]: { shape: [1, c.reverbLength], init: { kind: 'uniform', limit: 1e-6 } } }
  const controls = (f0Hz: Signal<'control'>, loudnessDb: Signal<'control'>) => dec.apply(scaledFeatures(f0Hz, loudnessDb))
  const controlsFrom = (f0Hz: Signal<'control'>, loudnessDb: Signal<'control'>, h0: Signal<'control'>) => dec.applyFrom(scaledFeatures(f0Hz, loudnessDb), h0)
  const synthesize = (f0Hz: Signal<'control'>, loudnessDb: Signal<'control'>): Signal<'audio'> => {
    const problem = configProblem(c)
    const [B, F] = f0Hz.shape ?? [0, 0]
    if (problem !== undefined) return invalid(f0Hz, `autoencoder: ${problem}`, 'audio')
    const out = controls(f0Hz, loudnessDb)
    const part = (at: number, n: number) => slice(out, [0, 0, at], [B!, F!, n])
    const samples = F! * c.hop
    const harm = harmonic(part(0, 1), part(1, K), f0Hz, { samples, sampleRate: c.sampleRate })
    const hiss = filteredNoise(part(1 + K, c.noiseBands), { samples, windowSize: 0, seed: NOISE_SEED })
    return reverb(add(harm, hiss), paramOf(params, REVERB_PARAM))
  }
  return { config: c, params, init: (seed) => initParams(params, seed), controls, controlsFrom, synthesize }
}
