/**
 * The host feature API: one call from mono samples to a JSON-ready report of
 * frame-aligned f0 (YIN), voicing confidence, A-weighted loudness, spectral
 * centroid, RMS and flatness, plus onset times. The differentiable composites
 * run in one program on the backend the caller passes in (features loads no
 * backend itself); f0 and onset picking run on the host. All frame features share one hop, and frame f
 * is centred on sample f·hop (⌊N/hop⌋ + 1 frames), so `f0_hz` and `loudness_db`
 * can drive `harmonic` directly (as `[1, F, 1]` control signals).
 *
 * @example
 * import { extractFeatures } from 'ddsp-ts/features'
 * const r = await extractFeatures(audio, 16000, { backend: reference('float32'), hopMs: 4 })()   // Either<FeatureError, FeatureReport>
 * if (E.isRight(r)) console.log(r.right.f0_hz.length === r.right.loudness_db.length) // true
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import type { AnyBackend } from '../core/backend.js'
import { evaluate, type Outputs } from '../core/interpret.js'
import { compile } from '../core/program-api.js'
import type { Program } from '../core/program.js'
import { input, type Rate, type Signal } from '../core/signal.js'
import { blockFramesFor, frameBlocks } from '../dsp/frame-blocks.js'
import { memorySource, type SampleSource } from '../io/sample-source.js'
import { featureError, type FeatureError } from './errors.js'
import { loudness } from './loudness.js'
import { onsetEnvelope, onsetSettings, pickOnsets, type OnsetSettings } from './onsets.js'
import { rms } from './rms.js'
import { spectralCentroid, spectralFlatness } from './spectral-shape.js'
import { yinLags, yinPick, type YinLags } from './yin.js'
import { yinDifference } from './yin-difference.js'

/** What `extractFeatures` returns (snake_case: it is printed as JSON by `ddsp features --json`). */
export interface FeatureReport {
  /** Sample rate of the analysed audio (Hz). */
  readonly sample_rate: number
  /** Seconds between frames (hop / sample_rate); frame f is centred at f·hop_s. */
  readonly hop_s: number
  /** YIN f0 per frame (Hz), null where unvoiced. */
  readonly f0_hz: (number | null)[]
  /** YIN voicing confidence per frame, clamp(1 − d'(τ*), 0, 1). */
  readonly f0_confidence: number[]
  /** DDSP A-weighted loudness per frame (dB, ref 0, floor −80). */
  readonly loudness_db: number[]
  /** FFT length used for the loudness (samples); loudness levels depend on it. */
  readonly loudness_n_fft: number
  /** Spectral centroid per frame (Hz). */
  readonly centroid_hz: number[]
  /** RMS per frame (linear). */
  readonly rms: number[]
  /** Spectral flatness per frame, (0, 1]. */
  readonly flatness: number[]
  /** Onset times (s). */
  readonly onsets_s: number[]
}

/** Options of `extractFeatures`. */
export interface ExtractOptions {
  /** Frame hop (ms); default 10. Rounded to whole samples. */
  readonly hopMs?: number
  /** Backend to evaluate on (e.g. `await loadBackend('wasm')`, or `backendFromEnv()` as the CLI does). */
  readonly backend: AnyBackend
  /** Loudness FFT length; default the power of two nearest 32 ms (DDSP's 512 at 16 kHz). */
  readonly loudnessNfft?: number
  /** YIN lowest / highest f0 (Hz) and threshold; defaults 40, min(3000, sr/4), 0.1. */
  readonly fMin?: number
  readonly fMax?: number
  readonly yinThreshold?: number
}

const pow2Near = (samples: number): number => 2 ** Math.max(4, Math.round(Math.log2(samples)))

/** Checked inputs and the derived sizes. */
interface Plan {
  readonly hop: number
  readonly loudnessNfft: number
  readonly spectrumNfft: number
  readonly lags: YinLags
}

const plan = (n: number, sampleRate: number, o: ExtractOptions): E.Either<FeatureError, Plan> => {
  if (!(sampleRate > 0) || !Number.isFinite(sampleRate)) return E.left(featureError(`sample rate must be > 0, got ${sampleRate}`))
  if (n === 0) return E.left(featureError('audio is empty'))
  const hop = Math.round(((o.hopMs ?? 10) * sampleRate) / 1000)
  if (!(hop >= 1)) return E.left(featureError(`hop of ${o.hopMs} ms is under one sample at ${sampleRate} Hz`))
  const loudnessNfft = o.loudnessNfft ?? pow2Near(0.032 * sampleRate)
  const lags = yinLags(sampleRate, {
    hop,
    ...(o.fMin !== undefined && { fMin: o.fMin }),
    ...(o.fMax !== undefined && { fMax: o.fMax }),
    ...(o.yinThreshold !== undefined && { threshold: o.yinThreshold }),
  })
  return E.map((l: YinLags) => ({ hop, loudnessNfft, spectrumNfft: pow2Near(0.064 * sampleRate), lags: l }))(lags)
}

/** Samples before / from a centre that a centred frame of length n reads. */
const centred = (n: number) => ({ left: Math.floor(n / 2), right: n - Math.floor(n / 2) })

/** The frame-rate composites over an `audio` input `[1, n]`, and their common grid. */
const frameStage = (sampleRate: number, p: Plan) => {
  const spec = { sampleRate, nFft: p.spectrumNfft, hop: p.hop }
  const yinLen = p.lags.window + p.lags.maxLag
  const reach = [centred(p.loudnessNfft), centred(p.spectrumNfft), { left: Math.floor(p.lags.window / 2), right: yinLen - Math.floor(p.lags.window / 2) }]
  return {
    hop: p.hop,
    left: Math.max(...reach.map((r) => r.left)),
    right: Math.max(...reach.map((r) => r.right)),
    outputs: (x: Signal<'audio'>) => ({
      loudness: loudness(x, { sampleRate, nFft: p.loudnessNfft, hop: p.hop }),
      centroid: spectralCentroid(x, spec),
      flatness: spectralFlatness(x, spec),
      rms: rms(x, { frameLength: p.loudnessNfft, hop: p.hop }),
      yin: yinDifference(x, { window: p.lags.window, maxLag: p.lags.maxLag, hop: p.hop }),
    }),
  }
}

/** The onset envelope (its own hop); a flux frame also reads the frame before it. */
const onsetStage = (sampleRate: number, ons: OnsetSettings) => ({
  hop: ons.hop,
  left: centred(ons.nFft).left + ons.hop,
  right: centred(ons.nFft).right,
  outputs: (x: Signal<'audio'>) => ({ flux: onsetEnvelope(x, sampleRate, ons) }),
})

/** Default block length of `extractFeaturesFrom` (samples): about 8 s at 16 kHz, a few hundred MB of graph at most. */
export const FEATURE_BLOCK_SAMPLES = 2 ** 17

/**
 * Runs one framed stage block by block over a source: each block's slice is evaluated in one program (compiled once
 * per slice length) and the rows of the frames it keeps are handed to `take` (row-major, `per` values a frame).
 */
const runStage = async <L>(
  source: SampleSource<L>,
  stage: { hop: number; left: number; right: number; outputs: (x: Signal<'audio'>) => Record<string, Signal<Rate>> },
  backend: ExtractOptions['backend'],
  blockSamples: number,
  take: (out: Outputs, rows: { from: number; count: number }, keepFrom: number) => void,
): Promise<E.Either<FeatureError | L, void>> => {
  const n = source.length
  const grid = { samples: n, hop: stage.hop, left: stage.left, right: stage.right, frames: Math.floor(n / stage.hop) + 1 }
  const programs = new Map<number, Program>()
  for (const b of frameBlocks(grid, blockFramesFor(grid, blockSamples), stage.left + stage.right)) {
    const x = await source.read(b.from, b.to)
    if (E.isLeft(x)) return x
    const bad = x.right.findIndex((v) => !Number.isFinite(v))
    if (bad >= 0) return E.left(featureError(`audio sample ${b.from + bad} is not finite`))
    const len = x.right.length
    let program = programs.get(len)
    if (program === undefined) {
      const c = compile(stage.outputs(input('audio', [1, len], 'audio')))
      if (E.isLeft(c)) return E.left(featureError(`feature graph: ${c.left.map((e) => e.message).join('; ')}`))
      programs.set(len, (program = c.right))
    }
    const out = await evaluate(backend)(program, { audio: x.right })
    if (E.isLeft(out)) return E.left(featureError(`evaluation failed: ${JSON.stringify(out.left)}`))
    take(out.right, { from: b.keepFrom - b.sliceFrame, count: b.keepTo - b.keepFrom }, b.keepFrom)
  }
  return E.right(undefined)
}

/** Rows [from, from + count) of a `[1, F, per]` output, flat. */
const rowsOf = (data: ArrayLike<number>, per: number, r: { from: number; count: number }): ArrayLike<number> =>
  (data as Float32Array).subarray(r.from * per, (r.from + r.count) * per)

/**
 * Extracts the features of a signal read in blocks, so memory stays flat in its length: each framed composite sees a
 * slice that holds every sample its kept frames read (`dsp/frame-blocks.ts`), so the frames equal those of one pass over
 * the whole signal (up to the kernels' float rounding); YIN is picked and onsets are found on the host as in one pass.
 * @param source mono samples and their rate (`io/sample-source.ts`, e.g. a WAV file read in blocks)
 * @param options as `extractFeatures`, plus `blockSamples` (samples per block, default `FEATURE_BLOCK_SAMPLES`)
 * @returns a task of Either: FeatureError, the source's read error, or the report
 * @example await extractFeaturesFrom(wavStream, { backend, hopMs: 10, blockSamples: 65536 })()
 */
export const extractFeaturesFrom =
  <L>(source: SampleSource<L>, options: ExtractOptions & { readonly blockSamples?: number }): TE.TaskEither<FeatureError | L, FeatureReport> =>
  async () => {
    const { sampleRate, length: n } = source
    const p = plan(n, sampleRate, options)
    if (E.isLeft(p)) return p
    const block = options.blockSamples ?? FEATURE_BLOCK_SAMPLES
    const threshold = options.yinThreshold ?? 0.1
    const r = { f0: [] as (number | null)[], confidence: [] as number[], loudness: [] as number[], centroid: [] as number[], rms: [] as number[], flatness: [] as number[] }
    const frames = await runStage(source, frameStage(sampleRate, p.right), options.backend, block, (out, rows) => {
      for (const [k, key] of [['loudness', 'loudness'], ['centroid', 'centroid'], ['rms', 'rms'], ['flatness', 'flatness']] as const) r[key].push(...Array.from(rowsOf(out[k]!.data, 1, rows)))
      const y = yinPick(rowsOf(out['yin']!.data, p.right.lags.maxLag + 1, rows), rows.count, sampleRate, p.right.lags, threshold)
      for (let i = 0; i < rows.count; i++) {
        r.f0.push(y.voiced[i] ? y.f0Hz[i]! : null)
        r.confidence.push(y.confidence[i]!)
      }
    })
    if (E.isLeft(frames)) return frames
    const ons = onsetSettings(n, sampleRate)
    const flux: number[] = []
    const onset = await runStage(source, onsetStage(sampleRate, ons), options.backend, block, (out, rows) => void flux.push(...Array.from(rowsOf(out['flux']!.data, 1, rows))))
    if (E.isLeft(onset)) return onset
    return E.right({
      sample_rate: sampleRate,
      hop_s: p.right.hop / sampleRate,
      f0_hz: r.f0,
      f0_confidence: r.confidence,
      loudness_db: r.loudness,
      loudness_n_fft: p.right.loudnessNfft,
      centroid_hz: r.centroid,
      rms: r.rms,
      flatness: r.flatness,
      onsets_s: pickOnsets(flux, ons.peaks),
    })
  }

/**
 * Extracts frame-aligned features and onsets from mono audio (in blocks of `FEATURE_BLOCK_SAMPLES`: one pass for
 * anything shorter).
 * @param audio mono samples in [−1, 1]  @param sampleRate Hz
 * @param options backend (required), hopMs (10 ms), loudnessNfft (≈ 32 ms), fMin / fMax (Hz), yinThreshold
 * @returns a task of Either: FeatureError (bad input, failed evaluation) or the report
 * @example await extractFeatures(samples, 44100, { backend: reference('float32') })()
 */
export const extractFeatures = (audio: Float32Array, sampleRate: number, options: ExtractOptions): TE.TaskEither<FeatureError, FeatureReport> =>
  extractFeaturesFrom(memorySource(audio, sampleRate), options)
