/**
 * `ddsp loss <a.wav> <b.wav>`: a registered loss (`losses/registry.ts`) of
 * prediction a against target b, both mixed to mono. Different sample rates
 * are a usage error (exit code 2); a shorter file is zero-padded at the end to
 * the longer one's length (reported as `padded_samples`). Two WAV files
 * longer than one block are compared block by block (`losses/streamed.ts`,
 * memory flat in their length) for every loss with a streamed form (all but
 * `match`); other formats, short pairs and `match` are read whole after a
 * memory estimate.
 *
 * @example
 * ddsp loss out/harmonic.wav out/sinusoidal.wav --loss mss --json
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import type { AnyBackend } from '../backends/load.js'
import type { Backend } from '../core/backend.js'
import { formatError } from '../core/errors.js'
import { evaluate } from '../core/interpret.js'
import { compile } from '../core/program-api.js'
import { input } from '../core/signal.js'
import type { Audio, WavPlan } from '../io/wav.js'
import { readAudio } from '../io/audio-file.js'
import { isLossName, lossNames, lossRegistry, type LossName } from '../losses/registry.js'
import { checkBytes, DEFAULT_LIMITS, type Limits } from '../io/limits.js'
import { usage, type CliError } from './errors.js'
import { estimateBytes, estimateStreamedBytes } from './bounds.js'
import { isWavFile, openWav } from '../io/wav-stream.js'
import { LOSS_BLOCK_SAMPLES, streamedLoss, type StreamedLossError } from '../losses/streamed.js'
import { mixToMono } from '../io/mono.js'

/** What `ddsp loss` reports. */
export interface LossReport {
  readonly loss: LossName
  readonly value: number
  readonly sample_rate: number
  readonly samples: number
  readonly padded_samples: number
  readonly ms: number
}

/** Both files read, or the first IoError. */
const readBoth = (a: string, b: string, limits: Limits, plan: WavPlan): TE.TaskEither<CliError, readonly [Audio, Audio]> =>
  pipe(
    readAudio(a, limits, plan),
    TE.flatMap((x) => TE.map((y: Audio) => [x, y] as const)(readAudio(b, limits, plan))),
  )

/** Checks the pair: equal sample rates, some audio in each. */
const checkPair = (a: string, b: string, [x, y]: readonly [Audio, Audio]): E.Either<CliError, readonly [Audio, Audio]> => {
  const len = (w: Audio) => w.channels[0]?.length ?? 0
  if (x.sampleRate !== y.sampleRate) return E.left(usage(`sample rates differ: ${a} is ${x.sampleRate} Hz, ${b} is ${y.sampleRate} Hz; resample one first`))
  if (len(x) === 0 || len(y) === 0) return E.left(usage(`${len(x) === 0 ? a : b} holds no samples`))
  return E.right([x, y])
}

/**
 * Both files as WAV streams, compared block by block (`losses/streamed.ts`), when the loss has a streamed form and
 * the pair is longer than one block; `undefined` sends the pair to the one-pass path.
 */
const streamedPair = async (backend: AnyBackend, a: string, b: string, name: LossName, limits: Limits, start: number): Promise<E.Either<CliError, LossReport> | undefined> => {
  if (!(await isWavFile(a)) || !(await isWavFile(b))) return undefined
  const x = await openWav(a, limits)()
  if (E.isLeft(x)) return x
  const y = await openWav(b, limits)()
  if (E.isLeft(y)) return (await x.right.close(), y)
  try {
    const [p, q] = [x.right, y.right]
    if (p.sampleRate !== q.sampleRate) return E.left(usage(`sample rates differ: ${a} is ${p.sampleRate} Hz, ${b} is ${q.sampleRate} Hz; resample one first`))
    if (p.length === 0 || q.length === 0) return E.left(usage(`${p.length === 0 ? a : b} holds no samples`))
    const n = Math.max(p.length, q.length)
    if (n <= LOSS_BLOCK_SAMPLES) return undefined
    const need = checkBytes(`loss '${name}' of ${n} samples (read in blocks)`, estimateStreamedBytes('loss', n), limits)
    if (E.isLeft(need)) return need
    const v = await streamedLoss(name, p, q, backend)
    if (v === undefined) return undefined
    return E.bimap(
      (e: StreamedLossError<CliError>): CliError => (e._tag === 'GraphError' ? usage(`loss '${name}': ${formatError(e)}`) : e),
      (value: number): LossReport => ({ loss: name, value, sample_rate: p.sampleRate, samples: n, padded_samples: 2 * n - p.length - q.length, ms: performance.now() - start }),
    )(v)
  } finally {
    await x.right.close()
    await y.right.close()
  }
}

/**
 * Evaluates loss `name` of prediction `a` against target `b` on `backend`: two long WAV files block by block (memory
 * flat in their length), anything else in one pass after a memory estimate.
 * @param backend any loaded backend  @param a prediction WAV path  @param b target WAV path  @param name registered loss
 * @param limits sample-rate range and memory budget (default `DEFAULT_LIMITS`)
 * @returns the value and what was compared, or a CliError (usage: unknown loss, sample-rate mismatch, files too short for the loss)
 * @example await lossCommand(reference('float32'), 'a.wav', 'b.wav', 'mss')()
 */
export const lossCommand = (backend: AnyBackend, a: string, b: string, name: string, limits: Limits = DEFAULT_LIMITS): TE.TaskEither<CliError, LossReport> => {
  if (!isLossName(name)) return TE.left(usage(`unknown loss '${name}'; choose one of ${lossNames.join(', ')}`))
  const start = performance.now()
  return async () => (await streamedPair(backend, a, b, name, limits, start)) ?? onePass(backend, a, b, name, limits, start)()
}

/** Both files read whole and the loss evaluated in one program (other formats, short pairs, losses with no streamed form). */
const onePass = (backend: AnyBackend, a: string, b: string, name: LossName, limits: Limits, start: number): TE.TaskEither<CliError, LossReport> => {
  return pipe(
    readBoth(a, b, limits, (frames) => checkBytes(`loss '${name}' of ${frames} samples`, estimateBytes('loss', frames), limits)),
    TE.flatMapEither((pair) => checkPair(a, b, pair)),
    TE.flatMapEither(([x, y]) => {
      const n = Math.max(x.channels[0]!.length, y.channels[0]!.length)
      return E.map(() => [x, y] as const)(checkBytes(`loss '${name}' of ${n} samples`, estimateBytes('loss', n), limits))
    }),
    TE.flatMap(([x, y]) => {
      const n = Math.max(x.channels[0]!.length, y.channels[0]!.length)
      const padded = 2 * n - x.channels[0]!.length - y.channels[0]!.length
      const loss = lossRegistry[name].loss(input('pred', [1, n], 'audio'), input('target', [1, n], 'audio'), x.sampleRate)
      const prog = E.mapLeft((errs: readonly Parameters<typeof formatError>[0][]) => usage(`loss '${name}': ${formatError(errs[0]!)}`))(compile({ loss }))
      return pipe(
        TE.fromEither(prog),
        TE.flatMap((p) => () => evaluate(backend as Backend<unknown>)(p, { pred: mixToMono(x, n), target: mixToMono(y, n) })),
        TE.mapLeft((e): CliError => e),
        TE.map((out) => ({ loss: name, value: out['loss']!.data[0]!, sample_rate: x.sampleRate, samples: n, padded_samples: padded, ms: performance.now() - start })),
      )
    }),
  )
}
