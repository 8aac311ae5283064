/**
 * `ddsp features <file.wav>`: frame-aligned f0 (YIN), voicing confidence,
 * A-weighted loudness, spectral centroid, RMS, flatness and onset times of a
 * WAV file (stereo and multichannel files are mixed to mono), as one JSON
 * object (`--json`) or a short human summary. A WAV file is read in blocks
 * (`features/extract.ts`'s `extractFeaturesFrom`), so memory stays flat in
 * its length; other formats are decoded whole after a memory estimate.
 *
 * @example
 * ddsp features violin.wav --json --hop-ms 4 | jq .f0_hz
 * ddsp features kick.wav
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import type { AnyBackend } from '../backends/load.js'
import { extractFeatures, extractFeaturesFrom, type FeatureReport } from '../features/extract.js'
import type { FeatureError } from '../features/errors.js'
import { isWavFile, openWav } from '../io/wav-stream.js'
import { mixToMono } from '../io/mono.js'
import { readAudio } from '../io/audio-file.js'
import { checkBytes, DEFAULT_LIMITS, limitExceeded, type Limits } from '../io/limits.js'
import { usage, type CliError } from './errors.js'
import { estimateBytes, estimateStreamedBytes } from './bounds.js'
import { extent, mean, median } from '../host/stats.js'

/** Options of `ddsp features`. */
export interface FeaturesOptions {
  /** Frame hop (ms). */
  readonly hopMs: number
  /** sample-rate range and memory budget (default `DEFAULT_LIMITS`) */
  readonly limits?: Limits
}

/** The hop must be at least one sample at the file's rate. */
const checkHop = (hopMs: number, sampleRate: number) =>
  (hopMs * sampleRate) / 1000 >= 1 ? E.right(sampleRate) : E.left(limitExceeded('--hop-ms', `--hop-ms ${hopMs} is under one sample at ${sampleRate} Hz`))

/** A WAV file, read in blocks (memory flat in its length; the report's frames are all that grows). */
const streamed = (backend: AnyBackend, path: string, o: FeaturesOptions): TE.TaskEither<CliError, FeatureReport> => async () => {
  const limits = o.limits ?? DEFAULT_LIMITS
  const w = await openWav(path, limits)()
  if (E.isLeft(w)) return w
  try {
    const s = w.right
    const ok = E.flatMap(() => checkBytes(`features of ${s.length} samples (read in blocks)`, estimateStreamedBytes('features', s.length), limits))(checkHop(o.hopMs, s.sampleRate))
    if (E.isLeft(ok)) return ok
    if (s.length === 0) return E.left(usage(`${path}: the file holds no samples`))
    const r = await extractFeaturesFrom(s, { hopMs: o.hopMs, backend })()
    return E.mapLeft((e: FeatureError | CliError): CliError => (e._tag === 'FeatureError' ? usage(`${path}: ${e.message}`) : e))(r)
  } finally {
    await w.right.close()
  }
}

/**
 * Reads `path`, mixes to mono and extracts the features on `backend`: a WAV file in blocks (`extractFeaturesFrom`,
 * memory flat in its length), other formats whole after a memory estimate. Unreadable files are IoErrors and bad
 * audio is a usage error (both exit code 2).
 * @param backend loaded backend  @param path audio file  @param o hopMs (ms)
 * @example await featuresCommand(reference('float32'), 'a.wav', { hopMs: 10 })()
 */
export const featuresCommand = (backend: AnyBackend, path: string, o: FeaturesOptions): TE.TaskEither<CliError, FeatureReport> => async () =>
  (await isWavFile(path))
    ? streamed(backend, path, o)()
    : pipe(
        readAudio(path, o.limits ?? DEFAULT_LIMITS, (frames) => checkBytes(`features of ${frames} samples`, estimateBytes('features', frames), o.limits ?? DEFAULT_LIMITS)),
        TE.mapLeft((e): CliError => e),
        TE.flatMapEither((audio) => E.map(() => audio)(checkHop(o.hopMs, audio.sampleRate))),
        TE.flatMap((audio) =>
          audio.channels.length === 0 || (audio.channels[0]?.length ?? 0) === 0
            ? TE.left(usage(`${path}: the file holds no samples`))
            : pipe(extractFeatures(mixToMono(audio), audio.sampleRate, { hopMs: o.hopMs, backend }), TE.mapLeft((e) => usage(`${path}: ${e.message}`))),
        ),
      )()

const round = (digits: number) => (v: number) => Number(v.toFixed(digits))

/**
 * The report with values rounded for printing (f0 0.01 Hz, dB 0.01, centroid 0.1 Hz, times 0.1 ms).
 * @param r full-precision report
 * @example JSON.stringify(rounded(report))
 */
export const rounded = (r: FeatureReport): FeatureReport => ({
  ...r,
  f0_hz: r.f0_hz.map((f) => (f === null ? null : round(2)(f))),
  f0_confidence: r.f0_confidence.map(round(3)),
  loudness_db: r.loudness_db.map(round(2)),
  centroid_hz: r.centroid_hz.map(round(1)),
  rms: r.rms.map(round(5)),
  flatness: r.flatness.map(round(4)),
  onsets_s: r.onsets_s.map(round(4)),
})

/**
 * A few lines for people: duration, voiced share and median f0, loudness range, mean centroid, onsets.
 * @param path file name shown  @param r report
 * @example console.log(summary('a.wav', report))
 */
export const summary = (path: string, r: FeatureReport): string => {
  const frames = r.loudness_db.length
  const voiced = r.f0_hz.filter((f): f is number => f !== null)
  const f0 = voiced.length === 0 ? undefined : median(voiced)
  const [quietest, loudest] = extent(r.loudness_db)
  const centroid = mean(r.centroid_hz)
  const shown = r.onsets_s.slice(0, 8).map((t) => t.toFixed(3)).join(', ')
  return [
    `${path}: ${(((frames - 1) * r.hop_s)).toFixed(2)} s at ${r.sample_rate} Hz, ${frames} frames every ${(r.hop_s * 1000).toFixed(1)} ms`,
    `f0: ${voiced.length} of ${frames} frames voiced${f0 === undefined ? '' : `, median ${f0.toFixed(1)} Hz`}`,
    `loudness: ${quietest.toFixed(1)} … ${loudest.toFixed(1)} dB (A-weighted, nFft ${r.loudness_n_fft})`,
    `centroid: mean ${centroid.toFixed(0)} Hz`,
    `onsets: ${r.onsets_s.length}${r.onsets_s.length > 0 ? ` at ${shown}${r.onsets_s.length > 8 ? ', …' : ''} s` : ''}`,
  ].join('\n')
}
