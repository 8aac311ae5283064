/**
 * `ddsp match <target.wav> --synth <name> --out DIR`: sound matching of a
 * recording. The WAV is mixed to mono, resampled to the render rate (`--sr`,
 * Hann-windowed sinc, `io/resample.ts`) and cut to `--seconds`; then
 * `matchSound` fits the synth (808 voice or modal drum) with a registered
 * loss (default `match`: MSS + log-mel + loudness, `losses/match.ts`), Adam
 * at `--lr`. With `--init analysis` (the default) the starts are read from
 * the target's analysis (`match-init.ts`: pitch, glide, decays, noise filter
 * or the extracted modes, level calibrated by rendering), `--starts` jittered
 * copies and the preset; with `--init preset`, the preset and `--starts`
 * random points. Writes DIR/match.wav, DIR/params.json, DIR/spectrogram.png
 * (target vs match) and DIR/loss.png; reports the preset's, the start's and
 * the final loss, and the figures that say whether the match is right
 * (`features/analysis/figures.ts`: pitch and cents apart, envelope error,
 * log-mel distance) for the match and for the unfitted preset.
 *
 * @example
 * ddsp match examples/data/rumpf-snare-1.wav --synth snare808 --steps 150 --out out/
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import { join } from 'node:path'
import type { AnyBackend } from '../backends/load.js'
import type { Backend } from '../core/backend.js'
import { evaluate, type Feeds } from '../core/interpret.js'
import { compile } from '../core/program-api.js'
import { input, param, type Signal } from '../core/signal.js'
import { writeAtomic } from '../io/atomic.js'
import { MANIFEST, RESUME, writeFolderAtomic } from '../io/run-folder.js'
import { checkWritable, replaceableRunFolder } from '../io/writable.js'
import { resample } from '../io/resample.js'
import { writeWav, type Audio } from '../io/wav.js'
import { readAudio } from '../io/audio-file.js'
import { isLossName, lossNames, lossRegistry, type LossName } from '../losses/registry.js'
import { comparisonPng } from '../plot/png.js'
import { writePng } from '../plot/canvas.js'
import { formatTrainError, type TrainError } from '../train/errors.js'
import { matchSound } from '../train/match.js'
import type { MatchProgress, MatchSnapshotHook } from '../train/match-progress.js'
import { refuseInterrupted } from './resume-file.js'
import { matchFigures, type MatchFigures } from '../features/analysis/figures.js'
import type { HitAnalysis } from '../features/analysis/analyze.js'
import { analysisStarts, type StartKind } from './match-init.js'
import type { NamedParams } from '../train/params.js'
import { checkBytes, DEFAULT_LIMITS, parseBounded, parseSampleRate, type Limits } from '../io/limits.js'
import { BOUNDS, estimateBytes } from './bounds.js'
import { usage, type CliError } from './errors.js'
import { mixToMono } from '../io/mono.js'
import { matchSetup, type MatchSetup, type NamedValue } from './match-synths.js'
import type { Progress } from './progress.js'
import { writeLossPlot } from './train-files.js'

/** Parsed options of `ddsp match`. @example const f: MatchFlags = { synth: 'snare808', loss: 'match', init: 'analysis', steps: 150, seed: 0, starts: 2, warmup: 15, lr: 0.05, sr: 22050, seconds: 0.5, out: 'out' } */
export interface MatchFlags {
  readonly synth: string
  readonly loss: string
  /** where the starts come from: the target's analysis (default) or the preset and random points */
  readonly init?: string
  /** total updates of the chosen start (warm-up included) */
  readonly steps: number
  readonly seed: number
  /** random starts besides the synth's preset */
  readonly starts: number
  /** updates per start before choosing the best */
  readonly warmup: number
  /** Adam learning rate */
  readonly lr: number
  /** render (and target) sample rate, Hz */
  readonly sr: number
  /** longest target kept, seconds */
  readonly seconds: number
  readonly out: string
  /** sample-rate range and memory budget (default `DEFAULT_LIMITS`) */
  readonly limits?: Limits
}

/** Raw `ddsp match` options as commander gives them (strings). @example const r: RawMatchFlags = { synth: 'kick808', loss: 'match', init: 'analysis', steps: '100', seed: '0', starts: '2', warmup: '15', lr: '0.05', sr: '22050', seconds: '1', out: 'out' } */
export type RawMatchFlags = { readonly [K in Exclude<keyof MatchFlags, 'limits'>]: string }

/** Defaults of `ddsp match`: the match loss from the analysis's starts (2 analysis points, 1 jittered copy, the preset; 8 warm-up updates each), 100 updates at lr 0.02, tuned on the bench:match hits (README, "Sound matching"). @example MATCH_DEFAULTS.steps // '100' */
export const MATCH_DEFAULTS = { loss: 'match', init: 'analysis', steps: '100', seed: '0', starts: '1', warmup: '8', lr: '0.02', sr: '22050', seconds: '1', out: 'out/match' } as const

/**
 * Parses and checks the options against their stated bounds (`bounds.ts`): integers where counts are meant, rates in the limits' range.
 * @param r raw option strings  @param limits sample-rate range and memory budget (default `DEFAULT_LIMITS`)
 * @returns the flags, or a LimitExceeded error naming the bad option and its bound
 * @example parseMatchFlags({ ...MATCH_DEFAULTS, synth: 'snare808' }) // Right({ steps: 150, … })
 */
export const parseMatchFlags = (r: RawMatchFlags, limits: Limits = DEFAULT_LIMITS): E.Either<CliError, MatchFlags> =>
  pipe(
    E.Do,
    E.bind('steps', () => parseBounded('--steps', r.steps, BOUNDS.matchSteps)),
    E.bind('seed', () => parseBounded('--seed', r.seed, BOUNDS.seed)),
    E.bind('starts', () => parseBounded('--starts', r.starts, BOUNDS.starts)),
    E.bind('warmup', () => parseBounded('--warmup', r.warmup, BOUNDS.warmup)),
    E.bind('lr', () => parseBounded('--lr', r.lr, BOUNDS.lr)),
    E.bind('sr', () => parseSampleRate('--sr', r.sr, limits)),
    E.bind('seconds', () => parseBounded('--seconds', r.seconds, BOUNDS.matchSeconds)),
    E.bind('init', () => (r.init === undefined || INITS.includes(r.init) ? E.right(r.init ?? 'analysis') : E.left(usage(`unknown --init '${r.init}'; choose one of ${INITS.join(', ')}`)))),
    E.map((n) => ({ ...n, synth: r.synth, loss: r.loss, out: r.out, limits })),
    E.mapLeft((e): CliError => e),
  )

/** The values of `--init`. @example INITS[0] // 'analysis' */
export const INITS: readonly string[] = ['analysis', 'preset']

/** What `ddsp match` reports (also the body of params.json). @example report.final_loss < report.preset_loss */
export interface MatchReport {
  readonly synth: string
  readonly loss: LossName
  readonly sample_rate: number
  readonly samples: number
  /** the loss at the synth's preset (before any update) */
  readonly preset_loss: number
  /** the loss at the chosen start's initial point */
  readonly start_loss: number
  readonly final_loss: number
  readonly start: { readonly index: number; readonly kind: StartKind }
  /** where the starts came from */
  readonly init: string
  /** pitch, envelope and log-mel figures of the match and of the unfitted preset against the target */
  readonly figures: { readonly match: MatchFigures; readonly preset: MatchFigures }
  /** what the analysis read from the target (with --init analysis) */
  readonly analysis?: { readonly pitch_hz: number | null; readonly t60_s: number; readonly modes_hz: readonly number[] }
  /** every start's kind and loss after the warm-up */
  readonly starts: ReadonlyArray<{ readonly kind: StartKind; readonly loss: number }>
  readonly steps: number
  readonly seed: number
  readonly lr: number
  readonly params: Record<string, NamedValue>
  readonly raw: Record<string, number[]>
  readonly files: readonly string[]
  readonly seconds: number
}

/** A training failure as a CLI error: bad options and graphs are usage errors (exit 2). */
const fromTrain = (e: TrainError): CliError => (e._tag === 'TrainEvalFailed' ? e.error : usage(formatTrainError(e)))

/** The target: mono mix, resampled to `sr`, at most `seconds` long. */
const prepare = (file: string, audio: Audio, f: MatchFlags): E.Either<CliError, Float32Array> => {
  const keep = Math.floor(f.seconds * f.sr)
  const need = checkBytes(`match of ${keep} target samples (${f.seconds} s at ${f.sr} Hz)`, estimateBytes('match', Math.min(keep, Math.ceil((audio.channels[0]?.length ?? 0) * f.sr / audio.sampleRate))), f.limits ?? DEFAULT_LIMITS)
  if (E.isLeft(need)) return need
  // only the part that is kept is resampled (plus a margin for the resampler's window)
  const mono = mixToMono(audio, Math.min(audio.channels[0]?.length ?? 0, Math.ceil((f.seconds + 0.01) * audio.sampleRate) + 64))
  const x = resample(mono, audio.sampleRate, f.sr).subarray(0, keep)
  if (x.length < 256) return E.left(usage(`${file} holds ${x.length} samples at ${f.sr} Hz; ddsp match needs at least 256`))
  return E.right(Float32Array.from(x))
}

/** Params as feeds of the backend's float type. */
const feedsOf = (backend: AnyBackend, p: NamedParams): Feeds =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, backend.float === 'float32' ? Float32Array.from(v) : Float64Array.from(v)]))

/** Evaluates named outputs of the synth (and optionally the loss) at params `p`. */
const evalAt = (backend: AnyBackend, s: MatchSetup, outputs: (pred: Signal<'audio'>) => Record<string, Signal>, p: NamedParams, extra: Feeds = {}): TE.TaskEither<CliError, Record<string, Float32Array | Float64Array>> => {
  const pred = s.synth(Object.fromEntries(Object.entries(s.params).map(([k, d]) => [k, param(k, d.shape)])))
  return pipe(
    TE.fromEither(E.mapLeft((errs: readonly CliError[]) => errs[0]!)(compile(outputs(pred)))),
    TE.flatMap((prog) => () => evaluate(backend as Backend<unknown>)(prog, { ...feedsOf(backend, p), ...extra })),
    TE.map((out) => Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.data as Float32Array | Float64Array]))),
  )
}

/** Writes match.wav, params.json, spectrogram.png and loss.png into `dir`. */
const writeOutputs = (dir: string, target: Float32Array, rendered: Float32Array | Float64Array, r: MatchReport, losses: readonly number[]): TE.TaskEither<CliError, readonly string[]> =>
  writeFolderAtomic(dir, MATCH_FILES, (tmp) => {
    const path = (n: string) => join(tmp, n)
    const json = `${JSON.stringify(r, null, 2)}\n`
    return pipe(
      writeWav(path('match.wav'), { sampleRate: r.sample_rate, channels: [Float32Array.from(rendered)] }),
      TE.flatMap(() => writeAtomic(path('params.json'), json)),
      TE.flatMap(() => writePng(path('spectrogram.png'), comparisonPng(target, rendered, r.sample_rate, { titles: ['TARGET', `MATCH: ${r.synth.toUpperCase()}`] }))),
      TE.flatMap(() => writeLossPlot(tmp, losses, `${r.loss.toUpperCase()} LOSS, ${r.synth.toUpperCase()}`)),
      TE.map(() => MATCH_FILES),
    )
  })

/** The files of a match folder (then manifest.json). @example MATCH_FILES[0] // 'match.wav' */
export const MATCH_FILES = ['match.wav', 'params.json', 'spectrogram.png', 'loss.png'] as const

/** The number of progress updates of a run: every start's warm-up, then the rest of the chosen one. */
const totalUpdates = (starts: number, f: MatchFlags) => starts * f.warmup + (f.steps - f.warmup)

/** Resuming and checkpointing a match (`match-resume.ts`): the progress to continue from, the periodic hook, the updates already done. @example const r: MatchResume = { snapshot: { every: 10, save } } */
export interface MatchResume {
  readonly from?: MatchProgress
  readonly snapshot?: MatchSnapshotHook
  /** progress-bar updates done before the interruption */
  readonly done?: number
}

/**
 * Runs `ddsp match` on a loaded backend.
 * @param backend any backend  @param file target WAV path  @param f parsed flags
 * @param bar progress display factory (given the total number of updates), e.g. `(n) => progressBar('match', n)`
 * @param resume the progress to continue from (`--resume`) and the periodic checkpoint (`--checkpoint-every`)
 * @returns the report (also written as params.json), or a one-line CliError (usage → exit 2)
 * @example await matchCommand(backend, 'hit.wav', flags, (n) => progressBar('match snare808', n))()
 */
export const matchCommand = (backend: AnyBackend, file: string, f: MatchFlags, bar?: (total: number) => Progress, resume?: MatchResume): TE.TaskEither<CliError, MatchReport> => {
  if (!isLossName(f.loss)) return TE.left(usage(`unknown loss '${f.loss}'; choose one of ${lossNames.join(', ')}`))
  if (f.warmup > f.steps) return TE.left(usage(`--warmup (${f.warmup}) must not exceed --steps (${f.steps})`))
  if (f.init !== undefined && !INITS.includes(f.init)) return TE.left(usage(`unknown --init '${f.init}'; choose one of ${INITS.join(', ')}`))
  const lossName = f.loss
  const t0 = performance.now()
  return pipe(
    checkWritable(f.out, 'folder'),
    TE.flatMap(() => replaceableRunFolder(f.out, [...MATCH_FILES, MANIFEST, RESUME])),
    TE.flatMap(() => (resume?.from === undefined ? refuseInterrupted(f.out, 'match') : TE.right(f.out))),
    TE.flatMap(() => readAudio(file, f.limits ?? DEFAULT_LIMITS)),
    TE.mapLeft((e): CliError => e),
    TE.flatMapEither((audio) => prepare(file, audio, f)),
    TE.flatMap((target) => pipe(
      TE.fromEither(matchSetup(f.synth, target.length, f.sr, f.init)),
      TE.flatMap((setup) => run(backend, setup, target, lossName, f, bar, t0, resume)),
    )),
  )
}

/** Preset loss and render, the starts, the match itself, the render, the figures and the files. */
const run = (backend: AnyBackend, setup: MatchSetup, target: Float32Array, lossName: LossName, f: MatchFlags, bar: ((total: number) => Progress) | undefined, t0: number, resume?: MatchResume): TE.TaskEither<CliError, MatchReport> => {
  const loss = (pred: Signal<'audio'>, t: Signal<'audio'>) => lossRegistry[lossName].loss(pred, t, f.sr)
  const atPreset = (pred: Signal<'audio'>) => ({ loss: loss(pred, input('target', [1, target.length], 'audio')), y: pred })
  const render = (p: NamedParams) => TE.map((o: Record<string, Float32Array | Float64Array>) => o['y']!)(evalAt(backend, setup, (pred) => ({ y: pred }), p))
  const fromAnalysis = (f.init ?? 'analysis') === 'analysis'
  const starts: TE.TaskEither<CliError, { starts: readonly NamedParams[]; kinds: readonly StartKind[]; analysis?: HitAnalysis | undefined }> = fromAnalysis
    ? analysisStarts(setup, target, f.sr, f.starts, f.seed, render)
    : TE.right({ starts: setup.presets, kinds: [...Array.from({ length: f.starts }, () => 'random' as const), ...setup.presets.map(() => 'preset' as const)], analysis: undefined })
  let done = resume?.done ?? 0
  let progress: Progress | undefined
  return pipe(
    TE.Do,
    TE.bind('preset', () => evalAt(backend, setup, atPreset, setup.presets[0]!, { target })),
    TE.bind('s', () => starts),
    TE.bind('m', ({ s }) => {
      progress = bar?.(totalUpdates(s.kinds.length, f))
      return pipe(
        matchSound({
          ...setup, backend, target, loss, seed: f.seed, randomStarts: fromAnalysis ? 0 : f.starts, presets: s.starts, warmupSteps: f.warmup, steps: f.steps,
          optimizer: { kind: 'adam', schedule: { kind: 'constant', lr: f.lr } },
          onStep: (r) => progress?.update(++done, r.loss),
          ...(resume?.from ? { resume: resume.from } : {}), ...(resume?.snapshot ? { snapshot: resume.snapshot } : {}),
        }),
        TE.mapLeft(fromTrain),
      )
    }),
    TE.tapIO(() => () => progress?.stop()),
    TE.orElseFirstIOK(() => () => progress?.stop()),
    TE.flatMap(({ preset, s, m }) => pipe(
      render(m.params),
      TE.flatMap((y) => {
        const a = s.analysis
        const report: MatchReport = {
          synth: f.synth, loss: lossName, sample_rate: f.sr, samples: target.length, preset_loss: preset['loss']![0]!, start_loss: m.startLoss, final_loss: m.finalLoss,
          start: { index: m.start, kind: s.kinds[m.start] ?? 'random' }, starts: m.starts.map((st, i) => ({ kind: s.kinds[i] ?? st.kind, loss: st.loss })), steps: f.steps, seed: f.seed, lr: f.lr, init: f.init ?? 'analysis',
          figures: { match: matchFigures(target, y, f.sr), preset: matchFigures(target, preset['y']!, f.sr) },
          ...(a === undefined ? {} : { analysis: { pitch_hz: a.pitch.pitchHz ?? null, t60_s: a.envelope.t60S, modes_hz: a.modes.slice(0, 8).map((md) => md.freqHz) } }),
          params: setup.describe(m.params), raw: Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, Array.from(v)])),
          files: ['match.wav', 'params.json', 'spectrogram.png', 'loss.png'].map((n) => join(f.out, n)), seconds: (performance.now() - t0) / 1000,
        }
        return TE.map(() => report)(writeOutputs(f.out, target, y, report, m.losses))
      }),
    )),
  )
}
