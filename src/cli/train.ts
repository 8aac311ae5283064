/**
 * `ddsp train <wav or folder> --model autoencoder|remap --out DIR`: trains a
 * model on a recording (or every `.wav` in a folder, mixed to mono) and
 * writes DIR/checkpoint.json (params, graph, optimizer state, losses),
 * DIR/model.json (what `ddsp transfer` needs to rebuild the synthesis),
 * DIR/loss.png and DIR/resynth.wav (the first example resynthesised).
 * Every failure is one line with exit code 2.
 *
 * @example
 * ddsp train out/violin.wav --model autoencoder --steps 300 --out out/violin-model
 * ddsp train hits/ --model remap --voice snare808 --steps 200 --out out/remap
 */
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import type { Command } from 'commander'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { backendNames, type AnyBackend } from '../backends/load.js'
import { readAudio } from '../io/audio-file.js'
import { isAudioFileName } from '../io/audio-format.js'
import { DEFAULT_AUTOENCODER } from '../models/autoencoder.js'
import { prepareDataset, type Recording } from '../models/dataset.js'
import { renderAutoencoder } from '../models/render.js'
import { trainAutoencoder } from '../models/train-autoencoder.js'
import type { StepReport } from '../train/fit.js'
import { pipe } from 'fp-ts/lib/function.js'
import { checkBytes, DEFAULT_LIMITS, parseBounded, type Limits } from '../io/limits.js'
import { BOUNDS, estimateBytes } from './bounds.js'
import { exitWith, usage, type CliError } from './errors.js'
import { commandLimits } from './global-options.js'
import { progressBar } from './progress.js'
import { mixToMono } from '../io/mono.js'
import { asCli, RUN_FILES, writeRun } from './train-files.js'
import { MANIFEST, RESUME } from '../io/run-folder.js'
import { decodeSnapshot, encodeSnapshot } from '../train/snapshot-codec.js'
import { refuseInterrupted, resumeSaver } from './resume-file.js'
import { hintOnInterrupt } from './resume-flags.js'
import { startOrResume } from './resume-run.js'
import { checkWritable, replaceableRunFolder } from '../io/writable.js'
import { trainRemapCommand } from './train-remap.js'
import type { TrainOptions, TrainSummary } from './train-options.js'

export type { TrainOptions, TrainSummary } from './train-options.js'

/**
 * Reads one WAV, or every `.wav` in a folder (sorted by name), as mono recordings; refuses (before reading on)
 * once their samples would need more than the memory budget to train on.
 * @param path file or folder  @param limits sample-rate range and memory budget (default `DEFAULT_LIMITS`)
 * @example await readRecordings('data/violin/')()
 */
export const readRecordings = (path: string, limits: Limits = DEFAULT_LIMITS): TE.TaskEither<CliError, Recording[]> => async () => {
  const listed = await recordingFiles(path)()
  if (E.isLeft(listed)) return listed
  const files = listed.right
  const out: Recording[] = []
  let total = 0
  for (const f of files) {
    const a = await readAudio(f, limits)()
    if (E.isLeft(a)) return a
    if ((a.right.channels[0]?.length ?? 0) === 0) return E.left(usage(`${f}: the file holds no samples`))
    total += a.right.channels[0]!.length
    const need = checkBytes(`training on ${total} samples (${out.length + 1} of ${files.length} files read)`, estimateBytes('train', total), limits)
    if (E.isLeft(need)) return need
    out.push({ sampleRate: a.right.sampleRate, samples: mixToMono(a.right) })
  }
  return E.right(out)
}

/**
 * The files a training input stands for: the file itself, or every `.wav` in a folder, sorted by name.
 * @param path file or folder
 * @example await recordingFiles('data/violin/')() // Right(['data/violin/a.wav', 'data/violin/b.wav'])
 */
export const recordingFiles = (path: string): TE.TaskEither<CliError, string[]> => async () => {
  const st = await stat(path).catch(() => undefined)
  if (st === undefined) return E.left({ _tag: 'IoError', path, message: 'no such file or folder' })
  const files = st.isDirectory() ? (await readdir(path)).filter(isAudioFileName).sort().map((f) => join(path, f)) : [path]
  return files.length === 0 ? E.left(usage(`${path}: the folder holds no audio file (.wav, .flac, .ogg, .opus, .mp3)`)) : E.right(files)
}

/** The resume and snapshot options of a library training call. */
const resumeOptions = (o: TrainOptions) => ({
  ...(o.resumeFrom ? { resume: { params: o.resumeFrom.params, state: o.resumeFrom.state, history: o.resumeFrom.history } } : {}),
  ...(o.snapshot ? { snapshot: o.snapshot } : {}),
})

const trainAutoencoderCommand = async (backend: AnyBackend, recs: Recording[], o: TrainOptions, onStep?: (r: StepReport) => void): Promise<E.Either<CliError, TrainSummary>> => {
  const sr = recs[0]!.sampleRate
  const config = { ...DEFAULT_AUTOENCODER, sampleRate: sr, hop: Math.round(sr / 100) }
  const exampleSamples = Math.max(1, Math.round((o.exampleSeconds * sr) / config.hop)) * config.hop
  const d = await prepareDataset(recs, { hop: config.hop, exampleSamples, stepSamples: config.hop * Math.max(1, Math.round(exampleSamples / config.hop / 2)), backend })()
  if (E.isLeft(d)) return E.left(asCli(d.left))
  const t0 = performance.now()
  const optimizer = { kind: 'adam' as const, schedule: { kind: 'constant' as const, lr: o.lr }, clipNorm: 3 }
  const r = await trainAutoencoder({ backend, examples: d.right.examples, config, steps: o.steps, batch: Math.min(o.batch, d.right.examples.length), seed: o.seed, optimizer, ...resumeOptions(o), ...(onStep ? { onStep } : {}) })()
  if (E.isLeft(r)) return E.left(asCli(r.left))
  const seconds = (performance.now() - t0) / 1000
  const { fit, program } = r.right
  const first = d.right.examples[0]!
  const ckpt = { program, params: fit.params, optimizer, state: fit.state, step: fit.state.step, seed: o.seed, losses: fit.losses }
  const file = { kind: 'autoencoder' as const, config, pitchMean: d.right.pitch.mean, loudnessMean: d.right.loudnessDb.mean, loudnessMax: d.right.loudnessDb.max }
  const resynth = renderAutoencoder(backend, config, fit.params, first.f0Hz, first.loudnessDb)
  const written = await writeRun(o.out, { checkpoint: ckpt, model: file, resynth, sampleRate: sr, lossTitle: 'MSS LOSS' })()
  return E.map((files: readonly string[]) => ({ examples: d.right.examples.length, steps: fit.state.step, losses: fit.losses, finalLoss: fit.finalLoss, seconds, files }))(written)
}

/**
 * Runs `ddsp train`: reads the recordings, trains the chosen model, writes the files.
 * @param backend loaded backend  @param path WAV file or folder  @param o model, steps, seed, out, batch, lr, example length, voice
 * @param onStep called after every update (the progress bar)
 * @example await trainCommand(wasm, 'out/violin.wav', { model: 'autoencoder', steps: 300, seed: 0, out: 'out/m', batch: 2, lr: 1e-3, exampleSeconds: 1 })()
 */
export const trainCommand =
  (backend: AnyBackend, path: string, o: TrainOptions, onStep?: (r: StepReport) => void): TE.TaskEither<CliError, TrainSummary> =>
  async () => {
    if (!(Number.isInteger(o.steps) && o.steps >= 0)) return E.left(usage(`--steps must be a non-negative integer, got ${o.steps}`))
    if (!(o.lr > 0)) return E.left(usage(`--lr must be > 0, got ${o.lr}`))
    const out = await pipe(
      checkWritable(o.out, 'folder'),
      TE.flatMap(() => replaceableRunFolder(o.out, [...RUN_FILES, MANIFEST, RESUME])),
      TE.flatMap(() => (o.resumeFrom === undefined ? refuseInterrupted(o.out, 'train') : TE.right(o.out))),
    )()
    if (E.isLeft(out)) return out
    const recs = await readRecordings(path, o.limits ?? DEFAULT_LIMITS)()
    if (E.isLeft(recs)) return recs
    return o.model === 'autoencoder' ? trainAutoencoderCommand(backend, recs.right, o, onStep) : trainRemapCommand(backend, recs.right, o, onStep)()
  }

/** The raw `ddsp train` flags (commander strings). */
interface TrainFlags {
  readonly checkpointEvery?: string
  readonly resume?: string
  readonly model: string
  readonly steps: string
  readonly batch: string
  readonly lr: string
  readonly exampleSeconds: string
  readonly voice: string
  readonly hidden: string
  readonly backend: string
  readonly seed: string
  readonly out?: string
}

/**
 * Parses the flags into `TrainOptions`, or a usage error naming the flag.
 * @param f commander's strings
 * @example parseTrainFlags({ model: 'autoencoder', steps: '300', batch: '2', lr: '0.001', exampleSeconds: '1', voice: 'snare808', hidden: '32', backend: 'wasm', seed: '0', out: 'o', checkpointEvery: '10' })
 */
export const parseTrainFlags = (f: TrainFlags): E.Either<CliError, TrainOptions & { readonly checkpointEvery: number }> => {
  if (f.model !== 'autoencoder' && f.model !== 'remap') return E.left(usage(`--model must be 'autoencoder' or 'remap', got '${f.model}'`))
  const model: TrainOptions['model'] = f.model
  return pipe(
    E.Do,
    E.bind('steps', () => parseBounded('--steps', f.steps, BOUNDS.trainSteps)),
    E.bind('batch', () => parseBounded('--batch', f.batch, BOUNDS.batch)),
    E.bind('seed', () => parseBounded('--seed', f.seed, BOUNDS.seed)),
    E.bind('hidden', () => parseBounded('--hidden', f.hidden, BOUNDS.hidden)),
    E.bind('lr', () => parseBounded('--lr', f.lr, BOUNDS.lr)),
    E.bind('exampleSeconds', () => parseBounded('--example-seconds', f.exampleSeconds, BOUNDS.exampleSeconds)),
    E.bind('checkpointEvery', () => parseBounded('--checkpoint-every', f.checkpointEvery ?? '10', BOUNDS.checkpointEvery)),
    E.map((n) => ({ ...n, model, voice: f.voice, out: f.out ?? '' })),
    E.mapLeft((e): CliError => e),
  )
}

/**
 * Registers `ddsp train` on the CLI program (progress bar on stderr, a summary on stdout).
 * @param program the commander program  @param chooseBackend loads a backend by name (usage error if unknown)
 * @example registerTrain(program, chooseBackend)
 */
export const registerTrain = (program: Command, chooseBackend: (name: string) => Promise<E.Either<CliError, AnyBackend>>): void => {
  program
    .command('train [path]')
    .description('train a model on an audio file (WAV, FLAC, Ogg Vorbis/Opus, MP3) or a folder of them; writes DIR/checkpoint.json, model.json, loss.png, resynth.wav (DIR/resume.json while it runs)')
    .option('--model <kind>', 'autoencoder (DDSP, f0 + loudness → harmonic + noise + reverb) or remap (drum hits → 808 voice)', 'autoencoder')
    .option('--steps <n>', 'optimizer steps', '300')
    .option('--batch <n>', 'examples (hits) per step', '2')
    .option('--lr <x>', 'Adam learning rate', '0.001')
    .option('--example-seconds <s>', 'autoencoder example length', '1')
    .option('--voice <name>', '808 voice for --model remap', 'snare808')
    .option('--hidden <n>', 'remap: MLP width (0 = linear map)', '32')
    .option('--backend <name>', `backend: ${backendNames.join(', ')}`, process.env['DDSP_BACKEND'] ?? 'wasm')
    .option('--seed <n>', 'seed of the init and the example order', '0')
    .option('--out <dir>', 'output folder (required unless --resume)')
    .option('--checkpoint-every <n>', 'write DIR/resume.json every n steps, atomically (0: never)', '10')
    .option('--resume <dir>', 'continue the interrupted run in DIR from its last checkpoint (ends where the uninterrupted run ends; --steps may change)')
    .action(async (path: string | undefined, given: TrainFlags, self: Command) => {
      const limits = commandLimits(self)
      if (E.isLeft(limits)) return exitWith(limits.left)
      const start = await startOrResume('train', path, given as unknown as Record<string, unknown>, (k) => self.getOptionValueSource(k), recordingFiles)()
      if (E.isLeft(start)) return exitWith(start.left)
      const flags = start.right.flags as unknown as TrainFlags
      const parsed = parseTrainFlags(flags)
      if (E.isLeft(parsed)) return exitWith(parsed.left)
      const from = start.right.progress === undefined ? undefined : E.mapLeft(asCli)(decodeSnapshot(start.right.progress, '$.progress', 'adam'))
      if (from !== undefined && E.isLeft(from)) return exitWith(from.left)
      const save = resumeSaver(parsed.right.out, start.right.head)
      const o: TrainOptions = {
        ...parsed.right, limits: limits.right, snapshot: { every: parsed.right.checkpointEvery, save: (s) => save(s.state.step, encodeSnapshot(s)) },
        ...(from === undefined ? {} : { resumeFrom: from.right }),
      }
      const backend = await chooseBackend(flags.backend)
      if (E.isLeft(backend)) return exitWith(backend.left)
      const bar = progressBar(`train ${o.model}`, o.steps)
      const watching = hintOnInterrupt('train', o.out, save.last)
      const r = await trainCommand(backend.right, start.right.input, o, (s) => bar.update(s.step, s.loss))()
      watching()
      bar.stop()
      if (E.isLeft(r)) return exitWith(r.left)
      const l = r.right.losses
      const mid = l[Math.floor(l.length / 2)]
      console.log(`${r.right.examples} examples, ${r.right.steps} steps in ${r.right.seconds.toFixed(1)} s on ${flags.backend}; loss ${l[0]?.toFixed(3) ?? '-'} → ${mid?.toFixed(3) ?? '-'} → ${r.right.finalLoss.toFixed(3)}`)
      console.log(`wrote ${r.right.files.join(', ')}`)
    })
}
