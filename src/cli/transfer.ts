/**
 * `ddsp transfer <input.wav> --model DIR --out y.wav`: timbre transfer with a
 * trained autoencoder. The input's f0 and loudness are extracted per frame
 * (`extractFeatures`, the model's hop), optionally shifted into the training
 * range, and rendered through the trained decoder and synths:
 *   f0' = f0 · 2^(s/12)            (--pitch-shift s semitones, or 'auto': whole octaves towards the training mean pitch)
 *   L'  = L + d                    (--loudness-shift d dB, or 'auto': the input's loudest frame to the training maximum)
 * For a remap model (`--model remap` at training), each onset of the input is
 * mapped to the 808 voice and the hits are rendered at their onset times.
 * An input at another sample rate is resampled to the model's (the output is
 * written at the model's rate). With an autoencoder everything goes in
 * blocks: a WAV input is read and resampled block by block, the features are
 * extracted in blocks, and the render (the decoder with its GRU state
 * carried, then the real-time DDSP voice, `realtime/autoencoder-blocks.ts`)
 * is written to the output as it goes, so memory stays flat in the input's
 * length. Every failure is one line with exit code 2.
 *
 * @example
 * ddsp transfer out/flute.wav --model out/violin-model --out out/flute-as-violin.wav --pitch-shift auto
 */
import { join } from 'node:path'
import type { Command } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { backendNames, type AnyBackend } from '../backends/load.js'
import { extractFeaturesFrom } from '../features/extract.js'
import { resample, resampledSource } from '../io/resample.js'
import { memorySource, type SampleSource } from '../io/sample-source.js'
import { createWavWriter } from '../io/wav-writer.js'
import { isWavFile, openWav } from '../io/wav-stream.js'
import { readAudio } from '../io/audio-file.js'
import { fillUnvoiced, midiOf } from '../models/dataset.js'
import { loadModelFile, type AutoencoderFile } from '../models/model-file.js'
import { renderAutoencoderBlocks } from '../realtime/autoencoder-blocks.js'
import { checkpointFiles, loadCheckpoint } from '../train/checkpoint.js'
import { checkFileSize } from '../io/file-size.js'
import { checkBytes, DEFAULT_LIMITS, parseBounded, type Bound, type Limits } from '../io/limits.js'
import { checkModelBounds } from '../models/model-bounds.js'
import { verifyManifest } from '../io/run-folder.js'
import { checkWritable } from '../io/writable.js'
import { BOUNDS, estimateBytes, estimateStreamedBytes } from './bounds.js'
import { exitWith, usage, type CliError } from './errors.js'
import { commandLimits } from './global-options.js'

/** Largest model.json read (bytes). @example MAX_MODEL_FILE_BYTES // 1048576 */
export const MAX_MODEL_FILE_BYTES = 2 ** 20
import { mixToMono } from '../io/mono.js'
import { asCli } from './train-files.js'
import { transferRemap } from './transfer-remap.js'
import type { Shift, TransferOptions, TransferSummary } from './transfer-options.js'
import { extent } from '../host/stats.js'

export type { Shift, TransferOptions, TransferSummary } from './transfer-options.js'

/**
 * The shifts to apply: explicit values, or 'auto' from the input's and the training data's statistics.
 * @param o requested shifts  @param m the model file  @param voicedHz the input's voiced f0 (Hz)  @param loudnessDb the input's loudness (dB)
 * @example resolveShifts({ …, pitchShift: 'auto', loudnessShift: 0 }, model, [880, 880], [-20]) // { pitch: −12, loudness: 0 } for a training mean near 69
 */
export const resolveShifts = (o: TransferOptions, m: AutoencoderFile, voicedHz: readonly number[], loudnessDb: ArrayLike<number>): { pitch: number; loudness: number } => {
  const meanMidi = voicedHz.length === 0 ? m.pitchMean : voicedHz.reduce((a, f) => a + midiOf(f), 0) / voicedHz.length
  const pitch = o.pitchShift === 'auto' ? 12 * Math.round((m.pitchMean - meanMidi) / 12) : o.pitchShift
  const loudness = o.loudnessShift === 'auto' ? m.loudnessMax - extent(loudnessDb)[1] : o.loudnessShift
  return { pitch, loudness }
}

/**
 * Transfer through an autoencoder, in blocks whatever the input's length: the features are extracted block by block
 * (`extractFeaturesFrom`), the shifts come from the whole input's per-frame f0 and loudness (all that is held), and the
 * render goes block by block (`realtime/autoencoder-blocks.ts`: the decoder on the backend with its GRU state carried,
 * the DDSP voice) into a WAV written as it goes and renamed into place at the end.
 */
const autoencoderTransfer = async <L extends CliError>(backend: AnyBackend, source: SampleSource<L>, m: AutoencoderFile, o: TransferOptions): Promise<E.Either<CliError, TransferSummary>> => {
  const sampleRate = m.config.sampleRate // the source is at the model's rate
  const t0 = performance.now()
  const frames = Math.floor(source.length / m.config.hop)
  if (frames < 1) return E.left(usage(`the input is shorter than one frame (${m.config.hop} samples)`))
  const ckpt = await loadCheckpoint(join(o.model, 'checkpoint.json'))()
  if (E.isLeft(ckpt)) return E.left(asCli(ckpt.left))
  const f = await extractFeaturesFrom(source, { hopMs: (1000 * m.config.hop) / sampleRate, backend })()
  if (E.isLeft(f)) return E.left(f.left._tag === 'FeatureError' ? asCli(f.left) : f.left)
  const voiced = f.right.f0_hz.filter((v): v is number => v !== null && v > 0)
  const s = resolveShifts(o, m, voiced, f.right.loudness_db)
  const f0 = fillUnvoiced(f.right.f0_hz.slice(0, frames)).map((v) => v * 2 ** (s.pitch / 12))
  const ld = Float32Array.from(f.right.loudness_db.slice(0, frames), (v) => Math.max(-80, v + s.loudness))
  const w = await createWavWriter(o.out, sampleRate, 1, frames * m.config.hop)()
  if (E.isLeft(w)) return w
  const y = await renderAutoencoderBlocks(backend, m.config, ckpt.right.params, f0, ld, (block) => w.right.write(block))
  if (E.isLeft(y)) return (await w.right.abort(), E.left(y.left._tag === 'IoError' ? y.left : asCli(y.left)))
  const closed = await w.right.close()
  if (E.isLeft(closed)) return closed
  return E.right({ path: o.out, samples: y.right, frames, pitchShift: s.pitch, loudnessShift: s.loudness, seconds: (performance.now() - t0) / 1000 })
}

/** A WAV input for an autoencoder, read in blocks and resampled as it is read (memory flat in its length). */
const streamedTransfer = async (backend: AnyBackend, input: string, m: AutoencoderFile, o: TransferOptions, limits: Limits): Promise<E.Either<CliError, TransferSummary>> => {
  const w = await openWav(input, limits)()
  if (E.isLeft(w)) return w
  try {
    if (w.right.length === 0) return E.left(usage(`${input}: the file holds no samples`))
    const source = resampledSource(w.right, m.config.sampleRate)
    const need = checkBytes(`transfer of ${source.length} samples at ${source.sampleRate} Hz (read in blocks)`, estimateStreamedBytes('transfer', source.length), limits)
    if (E.isLeft(need)) return need
    return await autoencoderTransfer(backend, source, m, o)
  } finally {
    await w.right.close()
  }
}

/**
 * Runs `ddsp transfer`: reads the model folder and the input, renders, writes `out` (an autoencoder with a WAV input in
 * blocks, memory flat in its length; a remap model, or another format, whole after a memory estimate).
 * @param backend loaded backend  @param input WAV path (mixed to mono, resampled to the model's rate; the output is at that rate)  @param o model folder, out path, shifts
 * @example await transferCommand(wasm, 'flute.wav', { model: 'out/violin-model', out: 'y.wav', pitchShift: 'auto', loudnessShift: 0 })()
 */
export const transferCommand =
  (backend: AnyBackend, input: string, o: TransferOptions): TE.TaskEither<CliError, TransferSummary> =>
  async () => {
    const limits = o.limits ?? DEFAULT_LIMITS
    const writable = await checkWritable(o.out, 'file')()
    if (E.isLeft(writable)) return writable
    const sameSet = await verifyManifest(o.model, ['model.json', 'checkpoint.json', ...(await checkpointFiles(join(o.model, 'checkpoint.json')))])()
    if (E.isLeft(sameSet)) return sameSet
    for (const [file, max] of [['model.json', MAX_MODEL_FILE_BYTES], ['checkpoint.json', limits.memoryBytes / 16]] as const) {
      const size = await checkFileSize(join(o.model, file), max)()
      if (E.isLeft(size)) return size
    }
    const loaded = await loadModelFile(join(o.model, 'model.json'))()
    if (E.isLeft(loaded)) return E.left(asCli(loaded.left))
    const m = checkModelBounds(loaded.right, limits)
    if (E.isLeft(m)) return m
    // the model runs at the rate it was trained at: other inputs are resampled to it (and the output written at it)
    if (m.right.kind === 'autoencoder' && (await isWavFile(input))) return streamedTransfer(backend, input, m.right, o, limits)
    const rate = m.right.kind === 'autoencoder' ? m.right.config.sampleRate : m.right.sampleRate
    const need = (frames: number, sr: number) => {
      const atRate = Math.ceil((frames * rate) / sr)
      return checkBytes(`transfer of ${atRate} samples at ${rate} Hz`, estimateBytes('transfer', atRate), limits)
    }
    const a = await readAudio(input, limits, need)()
    if (E.isLeft(a)) return a
    const mono = mixToMono(a.right)
    if (mono.length === 0) return E.left(usage(`${input}: the file holds no samples`))
    const samples = a.right.sampleRate === rate ? mono : resample(mono, a.right.sampleRate, rate)
    return m.right.kind === 'autoencoder' ? autoencoderTransfer(backend, memorySource(samples, rate), m.right, o) : transferRemap(backend, samples, m.right, o)()
  }

/**
 * Parses a shift flag: a finite number or 'auto'.
 * @param name flag name for the error  @param v its text  @param bound its range (default ±48 semitones)
 * @example parseShift('--pitch-shift', '-12') // Right(-12)
 */
export const parseShift = (name: string, v: string, bound: Bound = BOUNDS.pitchShift): E.Either<CliError, Shift> =>
  v === 'auto' ? E.right('auto') : Number.isNaN(Number(v)) ? E.left(usage(`${name} must be a number or 'auto', got '${v}'`)) : parseBounded(name, v, bound)

/**
 * Registers `ddsp transfer` on the CLI program.
 * @param program the commander program  @param chooseBackend loads a backend by name
 * @example registerTransfer(program, chooseBackend)
 */
export const registerTransfer = (program: Command, chooseBackend: (name: string) => Promise<E.Either<CliError, AnyBackend>>): void => {
  program
    .command('transfer <input>')
    .description('timbre transfer: render the f0 and loudness of input.wav through a model trained by `ddsp train`')
    .requiredOption('--model <dir>', 'folder written by ddsp train')
    .requiredOption('--out <file>', 'output WAV')
    .option('--pitch-shift <st>', "semitones, or 'auto' (whole octaves towards the training pitch)", '0')
    .option('--loudness-shift <db>', "dB, or 'auto' (loudest frame to the training maximum)", '0')
    .option('--backend <name>', `backend: ${backendNames.join(', ')}`, process.env['DDSP_BACKEND'] ?? 'wasm')
    .action(async (input: string, f: { model: string; out: string; pitchShift: string; loudnessShift: string; backend: string }, self: Command) => {
      const limits = commandLimits(self)
      if (E.isLeft(limits)) return exitWith(limits.left)
      const [p, l] = [parseShift('--pitch-shift', f.pitchShift, BOUNDS.pitchShift), parseShift('--loudness-shift', f.loudnessShift, BOUNDS.loudnessShift)]
      if (E.isLeft(p)) return exitWith(p.left)
      if (E.isLeft(l)) return exitWith(l.left)
      const backend = await chooseBackend(f.backend)
      if (E.isLeft(backend)) return exitWith(backend.left)
      const r = await transferCommand(backend.right, input, { model: f.model, out: f.out, pitchShift: p.right, loudnessShift: l.right, limits: limits.right })()
      if (E.isLeft(r)) return exitWith(r.left)
      const s = r.right
      console.log(`${s.path}: ${s.samples} samples from ${s.frames} frames, pitch shift ${s.pitchShift} st, loudness shift ${s.loudnessShift.toFixed(1)} dB, ${s.seconds.toFixed(1)} s on ${f.backend}`)
    })
}
