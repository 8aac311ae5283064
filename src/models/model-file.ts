/**
 * The model description written beside a checkpoint (`DIR/model.json`): which
 * model was trained, its config, and the statistics of its training data that
 * `ddsp transfer` uses to fit a new input into the training range (mean MIDI
 * pitch, mean and max loudness). The checkpoint holds the params and the
 * training graph; this file lets transfer rebuild the synthesis graph for an
 * input of any length. Read back with validation, naming the bad field.
 *
 * @example
 * await saveModelFile('runs/violin/model.json', { kind: 'autoencoder', config, pitchMean: 67.2, loudnessMean: -31, loudnessMax: -2 })()
 * const m = await loadModelFile('runs/violin/model.json')()   // Either<TrainError, ModelFile>
 */
import { readFile } from 'node:fs/promises'
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { writeAtomic } from '../io/atomic.js'
import { bad, isObj, numbers } from '../train/checkpoint-schema.js'
import { ioFailed, type TrainError, writeFailed } from '../train/errors.js'
import { configProblem, type AutoencoderConfig } from './autoencoder.js'

const FORMAT = 'ddsp-ts/model'
const VERSION = 1

/** An autoencoder's description. @example const f: ModelFile = { kind: 'autoencoder', config, pitchMean: 67, loudnessMean: -30, loudnessMax: -3 } */
export interface AutoencoderFile {
  readonly kind: 'autoencoder'
  readonly config: AutoencoderConfig
  /** mean MIDI pitch of the voiced training frames */
  readonly pitchMean: number
  /** mean and max loudness (dB) of the training frames above −70 dB */
  readonly loudnessMean: number
  readonly loudnessMax: number
}

/** Any model description (the remap model adds its own variant). @example const f: ModelFile = autoencoderFile */
export type ModelFile = AutoencoderFile | RemapFile

/** A timbre-remap model's description: the voice, its sizes and the onset-feature normalisation. @example const f: RemapFile = { kind: 'remap', voice: 'snare808', … } */
export interface RemapFile {
  readonly kind: 'remap'
  readonly voice: string
  readonly sampleRate: number
  readonly hitSamples: number
  readonly onsetSamples: number
  readonly hidden: number
  /** per onset feature: value subtracted, then divided by `scale` */
  readonly centre: readonly number[]
  readonly scale: readonly number[]
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

const checkAutoencoder = (d: Record<string, unknown>): E.Either<TrainError, ModelFile> => {
  const c = d['config']
  if (!isObj(c)) return bad('$.config', 'must be an object')
  const keys = ['sampleRate', 'hop', 'harmonics', 'noiseBands', 'hidden', 'layers', 'rnn', 'reverbLength'] as const
  const missing = keys.find((k) => !isNum(c[k]))
  if (missing !== undefined) return bad(`$.config.${missing}`, 'must be a number')
  const config: AutoencoderConfig = Object.fromEntries(keys.map((k) => [k, c[k]])) as Record<(typeof keys)[number], number>
  const problem = configProblem(config)
  if (problem !== undefined) return bad('$.config', problem)
  const stat = (['pitchMean', 'loudnessMean', 'loudnessMax'] as const).find((k) => !isNum(d[k]))
  if (stat !== undefined) return bad(`$.${stat}`, 'must be a finite number')
  return E.right({ kind: 'autoencoder', config, pitchMean: d['pitchMean'] as number, loudnessMean: d['loudnessMean'] as number, loudnessMax: d['loudnessMax'] as number })
}

const checkRemap = (d: Record<string, unknown>): E.Either<TrainError, ModelFile> => {
  if (typeof d['voice'] !== 'string') return bad('$.voice', 'must be a voice name')
  const n = (['sampleRate', 'hitSamples', 'onsetSamples', 'hidden'] as const).find((k) => !isNum(d[k]) || (d[k] as number) < 0)
  if (n !== undefined) return bad(`$.${n}`, 'must be a non-negative number')
  const centre = numbers(d['centre'], '$.centre')
  if (E.isLeft(centre)) return centre
  const scale = numbers(d['scale'], '$.scale')
  if (E.isLeft(scale)) return scale
  const num = (k: string) => d[k] as number
  return E.right({
    kind: 'remap', voice: d['voice'], sampleRate: num('sampleRate'), hitSamples: num('hitSamples'), onsetSamples: num('onsetSamples'),
    hidden: num('hidden'), centre: centre.right, scale: scale.right,
  })
}

/**
 * Validates a parsed model description.
 * @param doc parsed JSON
 * @returns the description, or `BadCheckpoint` naming the JSON path
 * @example decodeModelFile(JSON.parse(text))
 */
export const decodeModelFile = (doc: unknown): E.Either<TrainError, ModelFile> => {
  if (!isObj(doc) || doc['format'] !== FORMAT) return bad('$.format', `expected '${FORMAT}'`)
  if (doc['version'] !== VERSION) return bad('$.version', `unsupported version ${JSON.stringify(doc['version'])}; this ddsp-ts reads ${VERSION}`)
  if (doc['kind'] === 'autoencoder') return checkAutoencoder(doc)
  return doc['kind'] === 'remap' ? checkRemap(doc) : bad('$.kind', `expected 'autoencoder' or 'remap', got ${JSON.stringify(doc['kind'])}`)
}


/**
 * Writes a model description atomically.
 * @param path file path (directories are created)  @param m the description
 * @example await saveModelFile('runs/a/model.json', file)()
 */
export const saveModelFile = (path: string, m: ModelFile): TE.TaskEither<TrainError, string> =>
  TE.mapLeft(writeFailed)(writeAtomic(path, JSON.stringify({ format: FORMAT, version: VERSION, ...m }, null, 1)))

/**
 * Reads and validates a model description.
 * @param path file path
 * @example await loadModelFile('runs/a/model.json')()
 */
export const loadModelFile = (path: string): TE.TaskEither<TrainError, ModelFile> =>
  TE.flatMap((text: string) =>
    TE.fromEither(
      E.flatMap(
        E.tryCatch(() => JSON.parse(text) as unknown, (e): TrainError => ({ _tag: 'BadCheckpoint', path: '$', message: `not JSON: ${e instanceof Error ? e.message : String(e)}` })),
        decodeModelFile,
      ),
    ),
  )(TE.tryCatch(() => readFile(path, 'utf8'), ioFailed(path)))
