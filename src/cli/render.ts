/**
 * `ddsp render <name>`: render a registered synth with its default parameters
 * to a WAV file — or an 808 voice at a `params.json` or a named preset, or a
 * note synth (or an 808 voice, one hit per note) playing a MIDI file
 * (`render-inputs.ts`, `render-plan.ts`).
 *
 * @example
 * ddsp render snare808 --seconds 1 --sr 44100 --out out/snare808.wav
 * ddsp render snare808 --params out/match/params.json --out out/matched.wav
 * ddsp render harmonic --notes melody.mid --out out/melody.wav
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import { compile } from '../core/program-api.js'
import { evaluate } from '../core/interpret.js'
import type { Backend } from '../core/backend.js'
import type { Program } from '../core/program.js'
import type { AnyBackend } from '../backends/load.js'
import { writeWav } from '../io/wav.js'
import { checkWritable } from '../io/writable.js'
import { checkBytes, DEFAULT_LIMITS, limitExceeded, type Limits } from '../io/limits.js'
import type { CliError } from './errors.js'
import { estimateBytes } from './bounds.js'
import type { RenderInputs } from './render-inputs.js'
import { renderPlan } from './render-plan.js'

/** Evaluates on whichever backend was loaded (the union is opened once, here). */
const evaluateOn = (backend: AnyBackend, p: Program) => evaluate(backend as Backend<unknown>)(p, {})

/** Options of `render`. */
export interface RenderOptions {
  readonly seconds: number
  readonly sampleRate: number
  readonly out: string
  /** added to the synth's noise seeds (default 0) */
  readonly seed?: number
  /** memory budget (default `DEFAULT_LIMITS`) */
  readonly limits?: Limits
  /** an 808 voice's parameters, a MIDI file's notes (`renderInputs`) */
  readonly inputs?: RenderInputs
}

/** What a render reports. */
export interface RenderReport {
  readonly path: string
  readonly samples: number
  readonly peak: number
  readonly rms: number
  readonly ms: number
}

/**
 * Renders `name` on `backend` to `options.out`.
 * @example await renderCommand(reference('float32'), 'kick808', { seconds: 1, sampleRate: 44100, out: 'kick.wav' })()
 */
export const renderCommand = (backend: AnyBackend, name: string, options: RenderOptions): TE.TaskEither<CliError, RenderReport> => {
  const samples = Math.round(options.seconds * options.sampleRate)
  if (samples < 1) return TE.left(limitExceeded('--seconds', `--seconds ${options.seconds} at ${options.sampleRate} Hz is ${samples} samples; render needs at least 1`))
  const plan = renderPlan(name, samples, options.sampleRate, options.seed ?? 0, options.inputs ?? {})
  if (E.isLeft(plan)) return TE.left(plan.left)
  const { graph, graphSamples, rows, finish } = plan.right
  const need = checkBytes(`render of ${samples} samples (${options.seconds} s at ${options.sampleRate} Hz${rows > 1 ? `, ${rows} rows` : ''})`, estimateBytes('render', graphSamples * rows), options.limits ?? DEFAULT_LIMITS)
  if (E.isLeft(need)) return TE.left(need.left)
  const start = performance.now()
  return pipe(
    checkWritable(options.out, 'file'),
    TE.mapLeft((e): CliError => e),
    TE.flatMap(() => TE.fromEither(E.mapLeft((errs: readonly CliError[]) => errs[0]!)(compile({ y: graph })))),
    TE.flatMap((p) => TE.fromTask(() => evaluateOn(backend, p))),
    TE.flatMap(TE.fromEither),
    TE.flatMap((out) => {
      const y = finish(Float32Array.from(out['y']!.data))
      const ms = performance.now() - start
      const peak = y.reduce((m, v) => Math.max(m, Math.abs(v)), 0)
      const rms = Math.sqrt(y.reduce((s, v) => s + v * v, 0) / Math.max(1, y.length))
      return TE.map((path: string) => ({ path, samples, peak, rms, ms }))(writeWav(options.out, { sampleRate: options.sampleRate, channels: [y] }))
    }),
  )
}
