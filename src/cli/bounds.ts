/**
 * The stated bounds of every numeric flag and the memory each command needs,
 * in one place. The per-sample figures are peak-RSS slopes measured on this
 * repository (2-core VM, wasm backend, 10 s vs 60 s inputs), rounded up:
 * `render` 110–300 B per output sample (kick808, harmonic) → 400;
 * `features` 830 → 1000 per input sample; `loss` 1100 → 1400 per sample of
 * the longer file; `transfer` 780 → 1000 per input sample at the model's
 * rate; `match` 2.9 KB → 4 KB per target sample; plus ≈ 200 MiB for the
 * runtime. A command refuses, before allocating, when the estimate exceeds
 * the memory budget (`--max-memory`), naming both figures. These slopes are
 * for inputs read whole (other formats than WAV, `match`, `train`, remap
 * transfer); `features`, `loss` and autoencoder `transfer` read a WAV in
 * blocks, and their estimate (`estimateStreamedBytes`) is one block's working
 * set plus the per-frame results.
 *
 * @example
 * parseBounded('--steps', '', BOUNDS.trainSteps)      // Left('--steps is empty, must be an integer in [0, 1000000]')
 * estimateBytes('features', 16000 * 3600)              // ≈ 54 GiB → refused under a 4 GiB budget
 */
import type { Bound } from '../io/limits.js'

/** Bounds of the numeric flags. @example BOUNDS.seed // { min: 0, max: 2147483647, integer: true } */
export const BOUNDS = {
  seed: { min: 0, max: 2 ** 31 - 1, integer: true },
  trainSteps: { min: 0, max: 1_000_000, integer: true },
  matchSteps: { min: 1, max: 1_000_000, integer: true },
  warmup: { min: 0, max: 1_000_000, integer: true },
  starts: { min: 0, max: 64, integer: true },
  batch: { min: 1, max: 256, integer: true },
  hidden: { min: 0, max: 4096, integer: true },
  lr: { min: 0, max: 10, exclusiveMin: true },
  renderSeconds: { min: 0, max: 3600, exclusiveMin: true },
  matchSeconds: { min: 0, max: 600, exclusiveMin: true },
  exampleSeconds: { min: 0, max: 60, exclusiveMin: true },
  hopMs: { min: 0.1, max: 1000 },
  pitchShift: { min: -48, max: 48 },
  loudnessShift: { min: -120, max: 120 },
  benchRuns: { min: 1, max: 1000, integer: true },
  checkpointEvery: { min: 0, max: 1_000_000, integer: true },
} as const satisfies Record<string, Bound>

/** Bytes per sample of each command (see the module comment for the measurements). @example BYTES_PER_SAMPLE.loss // 1400 */
export const BYTES_PER_SAMPLE = { render: 400, features: 1000, loss: 1400, transfer: 1000, match: 4096, train: 1000 } as const

/**
 * Bytes per input sample of the commands that read a WAV file in blocks (`features`, `loss`, `transfer`): what grows
 * with the input is their per-frame results (features: six series and the onset envelope, as JS arrays and as JSON;
 * transfer: f0 and loudness per frame), not the samples. The 1-, 10- and 60-minute runs of docs/hostile-inputs.md peak
 * at 246–402 MiB whatever the length (features --json on 10 minutes: 362 MiB, 1.9 MB of JSON); the slopes are a
 * generous bound on the results (2 B a sample is 320 B a 10 ms frame at 16 kHz). @example STREAMED_BYTES_PER_SAMPLE.features // 2
 */
export const STREAMED_BYTES_PER_SAMPLE = { features: 2, loss: 0, transfer: 2 } as const

/** The working set of a command reading in blocks, whatever the input's length (bytes; measured ≤ 202 MiB above the runtime). @example STREAMED_BLOCK_BYTES // 419430400 */
export const STREAMED_BLOCK_BYTES = 400 * 2 ** 20

/**
 * The bytes a command reading its input in blocks will need for `samples` samples.
 * @param command which command  @param samples input samples
 * @example estimateStreamedBytes('features', 16000 * 3600) // ≈ 710 MiB: the runtime, one block, the per-frame results
 */
export const estimateStreamedBytes = (command: keyof typeof STREAMED_BYTES_PER_SAMPLE, samples: number): number =>
  RUNTIME_BYTES + STREAMED_BLOCK_BYTES + STREAMED_BYTES_PER_SAMPLE[command] * samples

/** The runtime's own share before any audio (bytes). @example RUNTIME_BYTES // 209715200 */
export const RUNTIME_BYTES = 200 * 2 ** 20

/**
 * The bytes a command will need for `samples` samples.
 * @param command which command's slope  @param samples samples it processes (see BYTES_PER_SAMPLE)
 * @example estimateBytes('render', 44100 * 60) // 1 058 400 000 + 209 715 200
 */
export const estimateBytes = (command: keyof typeof BYTES_PER_SAMPLE, samples: number): number => RUNTIME_BYTES + BYTES_PER_SAMPLE[command] * samples
