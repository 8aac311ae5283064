/**
 * The standard DDSP benchmark workload (issue 3), built from the library:
 * 16 kHz, 4 s (64 000 samples), batch 4, 1000 control frames (hop 64);
 * harmonic synth with 100 harmonics + filtered noise with 65 bands;
 * multi-scale spectral loss (FFT 2048…64, 75 % overlap, L1 on magnitude and
 * log magnitude, log(M + 1e-7) as ddsp_pytorch) against a fixed target.
 * Cases: (a) synth forward; (b) synth + loss + gradients w.r.t. all four
 * controls (f0, amplitude, harmonic distribution, noise magnitudes).
 * The same numbers (controls, the noise, the target) are handed to the
 * PyTorch peer (`bench/torch_workload.py`), so its loss can be compared.
 *
 * @example
 * const w = workload({ batch: 4, seconds: 4 })
 * w.programs.forward // Program: controls → audio
 */
import * as E from 'fp-ts/lib/Either.js'
import { valueAndGrad } from '../core/autodiff/vjp.js'
import { formatError } from '../core/errors.js'
import { add } from '../core/math.js'
import { compile } from '../core/program-api.js'
import type { Program } from '../core/program.js'
import { input, param, type Signal } from '../core/signal.js'
import { fillNoise } from '../core/random.js'
import { multiScaleSpectralLoss } from '../losses/spectral.js'
import { filteredNoise } from '../synths/filtered-noise.js'
import { harmonic } from '../synths/harmonic.js'

/** Sizes of the workload. */
export interface WorkloadSize {
  readonly batch: number
  readonly seconds: number
  readonly sampleRate: number
  readonly frames: number
  readonly harmonics: number
  readonly bands: number
}

/** The sizes. */
export const STANDARD: WorkloadSize = { batch: 4, seconds: 4, sampleRate: 16000, frames: 1000, harmonics: 100, bands: 65 }

/** Compiled programs and their data. */
export interface Workload {
  readonly size: WorkloadSize
  readonly samples: number
  readonly programs: { readonly forward: Program; readonly train: Program }
  /** Controls by name (f0 Hz, logits). */
  readonly controls: Readonly<Record<string, Float32Array>>
  /** Other controls, whose forward rendering is the fixed target. */
  readonly targetControls: Readonly<Record<string, Float32Array>>
  /** The white noise the filtered-noise synth reads (seed 0), for the peer. */
  readonly noise: Float32Array
}

const NOISE_SEED = 0

/** The synth as a function of its four controls. */
const synth = (s: WorkloadSize, c: Readonly<Record<string, Signal<'control'>>>): Signal<'audio'> => {
  const samples = s.seconds * s.sampleRate
  const h = harmonic(c['amp']!, c['dist']!, c['f0']!, { samples, sampleRate: s.sampleRate })
  return add(h, filteredNoise(c['noise']!, { samples, seed: NOISE_SEED }))
}

/** Deterministic control values: gliding f0 in 220–440 Hz, smooth logits. */
const controls = (s: WorkloadSize, variant: number): Record<string, Float32Array> => {
  const n = s.batch * s.frames
  const f0 = Float32Array.from({ length: n }, (_, i) => 220 + 220 * (0.5 + 0.5 * Math.sin((i % s.frames) / 97 + i / s.frames + variant)))
  const smooth = (len: number, k: number) => Float32Array.from({ length: len }, (_, i) => Math.sin(i * 0.013 * k + variant) * 2 - 1 + 0.5 * Math.cos(i * 0.0007 + variant))
  return { f0, amp: smooth(n, 1), dist: smooth(n * s.harmonics, 3), noise: smooth(n * s.bands, 5) }
}

const orThrow = <A>(e: E.Either<ReadonlyArray<Parameters<typeof formatError>[0]>, A>): A => {
  if (E.isLeft(e)) throw new Error(e.left.map(formatError).join('\n'))
  return e.right
}

/**
 * Builds the workload: programs and deterministic data; the target is the same synth with other controls.
 * @example workload(STANDARD).programs.train.outputs.map((o) => o.name) // ['loss', 'grad:amp', ...]
 */
export const workload = (s: WorkloadSize = STANDARD): Workload => {
  const samples = s.seconds * s.sampleRate
  const c = {
    f0: param('f0', [s.batch, s.frames, 1], 'control'),
    amp: param('amp', [s.batch, s.frames, 1], 'control'),
    dist: param('dist', [s.batch, s.frames, s.harmonics], 'control'),
    noise: param('noise', [s.batch, s.frames, s.bands], 'control'),
  }
  const audio = synth(s, c)
  const loss = multiScaleSpectralLoss(audio, input('target', [s.batch, samples], 'audio'), { logEps: 'ddsp_pytorch' })
  // programs are built from the same nodes, so the forward program is the train program's synth
  const forward = orThrow(compile({ audio }))
  const train = orThrow(E.flatMap(compile({ loss }), (p) => valueAndGrad(p, 'loss')))
  const noise = new Float32Array(s.batch * samples)
  fillNoise(noise, NOISE_SEED, 'uniform', 0)
  return { size: s, samples, programs: { forward, train }, controls: controls(s, 0), targetControls: controls(s, 1), noise }
}
