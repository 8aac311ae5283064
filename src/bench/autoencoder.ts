/**
 * The second benchmark workload (issue 19): one training step of the DDSP
 * autoencoder (`models/autoencoder.ts`, `DEFAULT_AUTOENCODER`: f0 + loudness
 * → fc stacks → GRU → fc stack → harmonic (60) + filtered noise (65 bands)
 * → learnable reverb (4000 taps) → multi-scale spectral loss, FFT 2048…64,
 * log(M + 1e-7) as ddsp_pytorch) with the gradients of every weight, batch
 * 4 × 4 s at 16 kHz (400 frames of 160 samples). The weights (seed 42), the
 * controls, the noise (seed 5) and the target are handed to the PyTorch
 * transcription (`bench/torch_autoencoder.py`), which must agree on the loss.
 *
 * @example
 * const w = autoencoderWorkload({ batch: 4, seconds: 4 })
 * if (E.isRight(w)) w.right.program.outputs.map((o) => o.name) // ['loss', 'grad:dec/in0/fc0/w', ...]
 */
import * as E from 'fp-ts/lib/Either.js'
import { valueAndGrad } from '../core/autodiff/vjp.js'
import { formatError } from '../core/errors.js'
import type { Program } from '../core/program.js'
import { fillNoise } from '../core/random.js'
import { autoencoder, DEFAULT_AUTOENCODER, type AutoencoderConfig } from '../models/autoencoder.js'
import { FEEDS, trainProgram } from '../models/programs.js'
import type { AnyBackend } from '../core/backend.js'
import { gradName } from '../core/autodiff/vjp.js'
import { evaluate } from '../core/interpret.js'
import { hoistedFeeds, hoistInvariants } from '../train/hoist.js'
import { time, type Timing } from './timing.js'

/** Sizes of the autoencoder step. */
export interface AutoencoderSize {
  readonly batch: number
  readonly seconds: number
}

/** The sizes: batch 4 × 4 s. */
export const AE_STANDARD: AutoencoderSize = { batch: 4, seconds: 4 }

/** Seed of the initial weights. */
export const AE_SEED = 42

/** The filtered-noise seed inside `autoencoder` (its white noise is handed to the peer). */
const AE_NOISE_SEED = 5

/** The compiled step and its data. */
export interface AutoencoderWorkload {
  readonly config: AutoencoderConfig
  readonly batch: number
  readonly frames: number
  readonly samples: number
  /** inputs f0_hz, loudness_db, audio; params → loss and the gradient of every param */
  readonly program: Program
  /** initial weights by param name */
  readonly params: Readonly<Record<string, Float32Array>>
  /** their shapes */
  readonly paramShapes: Readonly<Record<string, readonly number[]>>
  /** f0 (Hz) and loudness (dB), `[B, F, 1]` each */
  readonly controls: { readonly f0: Float32Array; readonly loudness: Float32Array }
  /** the target audio `[B, samples]` */
  readonly target: Float32Array
  /** the filtered noise's white noise `[B, samples]`, for the peer */
  readonly noise: Float32Array
}

/** f0 gliding in 220–440 Hz and loudness in −50…−10 dB, per example. */
const controls = (B: number, F: number) => ({
  f0: Float32Array.from({ length: B * F }, (_, i) => 220 + 220 * (0.5 + 0.5 * Math.sin((i % F) / 41 + Math.floor(i / F)))),
  loudness: Float32Array.from({ length: B * F }, (_, i) => -30 + 20 * Math.sin((i % F) / 23 + 2 * Math.floor(i / F))),
})

/** A sawtooth-like target on the same f0 (8 partials at 1/k) with a little noise: deterministic, no render needed. */
const targetAudio = (f0: Float32Array, B: number, F: number, hop: number, sr: number): Float32Array => {
  const y = new Float32Array(B * F * hop)
  const hiss = new Float32Array(y.length)
  fillNoise(hiss, 11, 'uniform', 0)
  for (let b = 0; b < B; b++) {
    let phase = 0
    for (let t = 0; t < F * hop; t++) {
      phase += (2 * Math.PI * f0[b * F + Math.floor(t / hop)]!) / sr
      let s = 0
      for (let k = 1; k <= 8; k++) s += Math.sin(k * phase) / k
      y[b * F * hop + t] = 0.2 * s + 0.01 * hiss[b * F * hop + t]!
    }
  }
  return y
}

/**
 * Builds the step: Left with the reason when the length is not a whole number of frames.
 * @example autoencoderWorkload({ batch: 1, seconds: 0.32 }) // Right: 32 frames of 160 samples
 */
export const autoencoderWorkload = (s: AutoencoderSize = AE_STANDARD, config: AutoencoderConfig = DEFAULT_AUTOENCODER): E.Either<string, AutoencoderWorkload> => {
  const samples = Math.round(s.seconds * config.sampleRate)
  const frames = samples / config.hop
  if (!Number.isInteger(frames) || frames < 1) return E.left(`${samples} samples are not a whole number of ${config.hop}-sample frames`)
  const m = autoencoder(config)
  const train = trainProgram(m, s.batch, frames, { logEps: 'ddsp_pytorch' })
  if (E.isLeft(train)) return E.left(`the autoencoder's training program does not compile: ${JSON.stringify(train.left).slice(0, 300)}`)
  const program = valueAndGrad(train.right, 'loss')
  if (E.isLeft(program)) return E.left(`the autoencoder's gradient does not compile: ${program.left.map(formatError).join('; ')}`)
  const c = controls(s.batch, frames)
  const noise = new Float32Array(s.batch * samples)
  fillNoise(noise, AE_NOISE_SEED, 'uniform', 0)
  return E.right({
    config, batch: s.batch, frames, samples, program: program.right, params: m.init(AE_SEED), controls: c, noise,
    paramShapes: Object.fromEntries(Object.entries(m.params).map(([k, d]) => [k, d.shape])),
    target: targetAudio(c.f0, s.batch, frames, config.hop, config.sampleRate),
  })
}

/**
 * The step's feeds (the target under `audio`, as `trainProgram` names it).
 * @example evaluate(b)(w.program, autoencoderFeeds(w))
 */
export const autoencoderFeeds = (w: AutoencoderWorkload): Record<string, Float32Array> => ({
  ...w.params, [FEEDS.f0]: w.controls.f0, [FEEDS.loudness]: w.controls.loudness, [FEEDS.audio]: w.target,
})

const must = async <A>(r: Promise<E.Either<Parameters<typeof formatError>[0], A>>): Promise<A> => {
  const v = await r
  if (E.isLeft(v)) throw new Error(formatError(v.left))
  return v.right
}

/** One backend's autoencoder step: loss, gradient norms by param, timing. */
export interface AutoencoderTiming {
  readonly loss: number
  readonly grad_norms: Readonly<Record<string, number>>
  readonly train: Timing
}

/**
 * Times the step on a backend; the target's spectrograms are hoisted out of it, as in the standard workload.
 * @example const t = await timeAutoencoder(backend, w, 5)   // t.train.median_ms, t.loss
 */
export const timeAutoencoder = async (b: AnyBackend, w: AutoencoderWorkload, runs: number): Promise<AutoencoderTiming> => {
  const { pre, main } = hoistInvariants(w.program, new Set([FEEDS.audio]))
  const fixed = await must(evaluate(b)(pre, { [FEEDS.audio]: w.target }))
  const { [FEEDS.audio]: _target, ...rest } = autoencoderFeeds(w)
  const feeds = { ...rest, ...hoistedFeeds(fixed) }
  const out = await must(evaluate(b)(main, feeds))
  const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((a, x) => a + x * x, 0))
  const grad_norms = Object.fromEntries(Object.keys(w.params).map((k) => [k, norm(out[gradName(k)]!.data)]))
  const train = await time(() => must(evaluate(b)(main, feeds)), runs)
  return { loss: out['loss']!.data[0]!, grad_norms, train }
}
