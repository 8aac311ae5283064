/**
 * The starting points of `ddsp match --init analysis` (the default): the
 * target is analysed (`features/analysis`), the synth's setup turns the
 * analysis into points (`MatchSetup.fromAnalysis`: pitch, glide, decays,
 * noise filter, or the extracted modes; and a preset, for the 808 voices
 * moved to the measured pitch), the overall level is calibrated by rendering
 * (two rounds: render, compare the peak of the 10 ms RMS envelope with the
 * target's, move the synth's gains by the difference), then `jitters` copies
 * of the first point stray within the setup's `spread` (seeded); the order
 * is analysis points, jittered copies, preset. Gradient refinement starts
 * from the best of them after the warm-up (`matchSound`).
 *
 * @example
 * const s = await analysisStarts(setup, target, 22050, 2, 0, render)()
 * // Right({ starts: [analysis, analysis', jitter, jitter, preset at pitch], kinds: ['analysis', 'analysis', 'jitter', 'jitter', 'preset'], analysis })
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import { uniformAt } from '../core/random.js'
import { analyzeHit, type HitAnalysis } from '../features/analysis/analyze.js'
import { envelopeTimes, levelEnvelope } from '../features/analysis/envelope.js'
import { streamSeed } from '../nn/init.js'
import type { NamedParams } from '../train/params.js'
import { usage, type CliError } from './errors.js'
import type { MatchSetup } from './match-synths.js'

/** What a start is. @example const k: StartKind = 'analysis' */
export type StartKind = 'analysis' | 'jitter' | 'preset' | 'random'

/** The starts and what they are. @example const s: AnalysisStarts = { starts, kinds, analysis } */
export interface AnalysisStarts {
  readonly starts: readonly NamedParams[]
  readonly kinds: readonly StartKind[]
  readonly analysis: HitAnalysis
}

/** Peak of the 10 ms RMS envelope, dB. */
const peakDb = (x: ArrayLike<number>, sr: number) => envelopeTimes(levelEnvelope(x, sr)).peakDb

/** `p` with every element moved by ±spread, uniform, from its own seeded stream. */
const jittered = (p: NamedParams, spread: MatchSetup['spread'], seed: number, i: number): NamedParams =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => {
    const s = streamSeed(seed, `jitter/${i}/${k}`)
    return [k, Float64Array.from(v, (x, j) => x + (spread[k]?.[j] ?? 0.3) * uniformAt(s, j))]
  }))

/**
 * Analyses the target and builds the calibrated starting points.
 * @param setup the synth's match setup  @param target mono samples at `sr`  @param sr Hz
 * @param jitters jittered copies of the analysis point  @param seed their seed
 * @param render the synth's render at params (on the caller's backend)
 * @example await analysisStarts(setup, target, 22050, 2, 0, (p) => evalAt(…))()
 */
export const analysisStarts = (
  setup: MatchSetup, target: Float32Array, sr: number, jitters: number, seed: number,
  render: (p: NamedParams) => TE.TaskEither<CliError, ArrayLike<number>>,
): TE.TaskEither<CliError, AnalysisStarts> => {
  const a = analyzeHit(target, sr)
  if (E.isLeft(a)) return TE.left(usage(`the target cannot be analysed: ${a.left.message}`))
  const analysis = a.right
  const want = peakDb(target, sr)
  const round = (levelDb: number) => pipe(
    render(setup.fromAnalysis(analysis, levelDb)[0]!.params),
    TE.map((y) => levelDb + want - peakDb(y, sr)),
  )
  return pipe(
    round(0),
    TE.flatMap(round),
    TE.map((levelDb) => {
      const all = setup.fromAnalysis(analysis, Number.isFinite(levelDb) ? levelDb : 0)
      const points = all.filter((p) => p.kind === 'analysis').map((p) => p.params)
      const presets = all.filter((p) => p.kind === 'preset').map((p) => p.params)
      const jit = Array.from({ length: jitters }, (_, i) => jittered(points[0] ?? presets[0]!, setup.spread, seed, i))
      return {
        starts: [...points, ...jit, ...presets],
        kinds: [...points.map(() => 'analysis' as const), ...jit.map(() => 'jitter' as const), ...presets.map(() => 'preset' as const)],
        analysis,
      }
    }),
  )
}
