/**
 * Dataset preparation for the autoencoder (after ddsp's
 * `prepare_tfrecord`: `example_secs`, `hop_secs`, f0 and loudness per frame):
 * the features of each recording are computed once with `extractFeatures`
 * (YIN f0, A-weighted loudness, frame f centred on sample f·hop), then the
 * recording is cut into fixed-length examples at a sliding step, each with
 * its `frames = samples/hop` feature frames. Unvoiced frames get the f0 of
 * their voiced neighbours (linear interpolation, held at the ends), as the
 * decoder needs an f0 everywhere (ddsp uses CREPE's f0 even when unvoiced).
 *
 * @example
 * const d = await prepareDataset([{ sampleRate: 16000, samples }], { hop: 160, exampleSamples: 16000, stepSamples: 8000, backend })()
 * // Right({ examples: [{ audio: Float32Array(16000), f0Hz: Float32Array(100), loudnessDb: Float32Array(100) }, …], … })
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { AnyBackend } from '../core/backend.js'
import { extractFeatures } from '../features/extract.js'
import { featureError, type FeatureError } from '../features/errors.js'
import { extent, mean } from '../host/stats.js'

/** One mono recording. @example const r: Recording = { sampleRate: 16000, samples: new Float32Array(32000) } */
export interface Recording {
  readonly sampleRate: number
  readonly samples: Float32Array
}

/** One training example: audio and its frame features. @example const e: Example = { audio, f0Hz, loudnessDb } */
export interface Example {
  /** `exampleSamples` samples */
  readonly audio: Float32Array
  /** f0 per frame (Hz), unvoiced frames filled */
  readonly f0Hz: Float32Array
  /** A-weighted loudness per frame (dB, floor −80) */
  readonly loudnessDb: Float32Array
}

/** How to cut examples, and the backend of the feature extraction. @example const o: DatasetOptions = { hop: 160, exampleSamples: 16000, stepSamples: 8000, backend } */
export interface DatasetOptions {
  /** samples per frame (the model's hop) */
  readonly hop: number
  /** samples per example, a multiple of `hop` */
  readonly exampleSamples: number
  /** samples between example starts, a multiple of `hop` (default `exampleSamples`) */
  readonly stepSamples?: number
  /** backend of the feature extraction */
  readonly backend: AnyBackend
}

/** The examples and the statistics transfer needs. @example d.examples.length; d.loudnessDb.mean */
export interface Dataset {
  readonly sampleRate: number
  readonly examples: readonly Example[]
  /** MIDI pitch of the voiced frames: mean (for `transfer`'s automatic octave shift) */
  readonly pitch: { readonly mean: number }
  /** loudness of the frames above −70 dB: mean and max (for `transfer`'s loudness shift) */
  readonly loudnessDb: { readonly mean: number; readonly max: number }
}

/**
 * Fills unvoiced (null) f0 frames by linear interpolation between voiced neighbours, holding the first / last
 * voiced value at the ends; all unvoiced gives `fallback`.
 * @param f0 Hz per frame, null where unvoiced  @param fallback Hz when nothing is voiced (default 0)
 * @example fillUnvoiced([null, 200, null, 400, null]) // [200, 200, 300, 400, 400]
 */
export const fillUnvoiced = (f0: readonly (number | null)[], fallback = 0): Float32Array => {
  const voiced = f0.flatMap((v, i) => (v === null ? [] : [i]))
  if (voiced.length === 0) return new Float32Array(f0.length).fill(fallback)
  let k = 0
  return Float32Array.from(f0, (v, i) => {
    if (v !== null) return v
    while (k < voiced.length - 1 && voiced[k + 1]! < i) k++
    const [a, b] = [voiced[k]!, voiced[Math.min(k + 1, voiced.length - 1)]!]
    if (i < a || a === b) return f0[a]!
    if (i > b) return f0[b]!
    return f0[a]! + ((f0[b]! - f0[a]!) * (i - a)) / (b - a)
  })
}

/**
 * MIDI pitch of a frequency on plain numbers, m = 69 + 12·log₂(f/440) (the host twin of `dsp/scale.ts` hzToMidi, for f > 0).
 * @param hz frequency in Hz (> 0)
 * @example midiOf(440) // 69
 */
export const midiOf = (hz: number): number => 69 + 12 * Math.log2(hz / 440)

/** Frame features of one recording: filled f0, loudness, and the voiced MIDI pitches. */
interface Framed {
  readonly f0Hz: Float32Array
  readonly loudnessDb: Float32Array
  readonly voicedMidi: number[]
}

const frameFeatures = async (r: Recording, o: DatasetOptions): Promise<E.Either<FeatureError, Framed>> => {
  const f = await extractFeatures(r.samples, r.sampleRate, { hopMs: (1000 * o.hop) / r.sampleRate, backend: o.backend })()
  return E.map((x: { f0_hz: (number | null)[]; loudness_db: number[] }) => ({
    f0Hz: fillUnvoiced(x.f0_hz),
    loudnessDb: Float32Array.from(x.loudness_db),
    voicedMidi: x.f0_hz.filter((v): v is number => v !== null && v > 0).map(midiOf),
  }))(f)
}

const optionsProblem = (rs: readonly Recording[], o: DatasetOptions): string | undefined => {
  const step = o.stepSamples ?? o.exampleSamples
  if (!(Number.isInteger(o.hop) && o.hop > 0)) return `hop must be a positive integer, got ${o.hop}`
  if (!(o.exampleSamples > 0 && o.exampleSamples % o.hop === 0)) return `example length ${o.exampleSamples} must be a positive multiple of the hop ${o.hop}`
  if (!(step > 0 && step % o.hop === 0)) return `example step ${step} must be a positive multiple of the hop ${o.hop}`
  if (rs.length === 0) return 'no recordings'
  if (rs.some((r) => r.sampleRate !== rs[0]!.sampleRate)) return `recordings have different sample rates (${[...new Set(rs.map((r) => r.sampleRate))].join(', ')} Hz)`
  return rs.every((r) => r.samples.length < o.exampleSamples) ? `every recording is shorter than one example (${o.exampleSamples} samples)` : undefined
}

/** Cuts one recording's examples. */
const cut = (r: Recording, f: Framed, o: DatasetOptions): Example[] => {
  const [n, frames, step] = [o.exampleSamples, o.exampleSamples / o.hop, o.stepSamples ?? o.exampleSamples]
  const out: Example[] = []
  for (let s = 0; s + n <= r.samples.length; s += step) {
    const f0 = s / o.hop
    out.push({ audio: r.samples.slice(s, s + n), f0Hz: f.f0Hz.slice(f0, f0 + frames), loudnessDb: f.loudnessDb.slice(f0, f0 + frames) })
  }
  return out
}


/**
 * Computes features and cuts every recording into examples.
 * @param recordings mono recordings sharing one sample rate  @param o hop, example length and step (samples), backend
 * @returns a task of Either: FeatureError (bad options, too short, failed extraction) or the dataset
 * @example await prepareDataset([rec], { hop: 160, exampleSamples: 16000, stepSamples: 8000, backend: reference('float32') })()
 */
export const prepareDataset = (recordings: readonly Recording[], o: DatasetOptions): TE.TaskEither<FeatureError, Dataset> => async () => {
  const problem = optionsProblem(recordings, o)
  if (problem !== undefined) return E.left(featureError(`dataset: ${problem}`))
  // element by element: push(...a) overflows the stack past ~10⁵ frames, concat copies everything so far per recording
  const [examples, pitches, levels]: [Example[], number[], number[]] = [[], [], []]
  for (const r of recordings) {
    const f = await frameFeatures(r, o)
    if (E.isLeft(f)) return f
    for (const e of cut(r, f.right, o)) examples.push(e)
    for (const m of f.right.voicedMidi) pitches.push(m)
    for (const v of f.right.loudnessDb) if (v > -70) levels.push(v)
  }
  return E.right({
    sampleRate: recordings[0]!.sampleRate,
    examples,
    pitch: { mean: pitches.length > 0 ? mean(pitches) : 60 },
    loudnessDb: { mean: levels.length > 0 ? mean(levels) : -80, max: levels.length > 0 ? extent(levels)[1] : -80 },
  })
}
