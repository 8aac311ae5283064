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
import { input } from '../core/signal.js'
import { featureError, type FeatureError } from './errors.js'
import { loudness } from './loudness.js'
import { onsetEnvelope, onsetSettings, pickOnsets } from './onsets.js'
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

const plan = (audio: Float32Array, sampleRate: number, o: ExtractOptions): E.Either<FeatureError, Plan> => {
  if (!(sampleRate > 0) || !Number.isFinite(sampleRate)) return E.left(featureError(`sample rate must be > 0, got ${sampleRate}`))
  if (audio.length === 0) return E.left(featureError('audio is empty'))
  const bad = audio.findIndex((v) => !Number.isFinite(v))
  if (bad >= 0) return E.left(featureError(`audio sample ${bad} is not finite`))
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

/** The composites of one report, over an `audio` input `[1, N]`. */
const graph = (n: number, sampleRate: number, p: Plan, o: ExtractOptions) => {
  const x = input('audio', [1, n], 'audio')
  const spec = { sampleRate, nFft: p.spectrumNfft, hop: p.hop }
  const ons = onsetSettings(n, sampleRate)
  return {
    outputs: {
      loudness: loudness(x, { sampleRate, nFft: p.loudnessNfft, hop: p.hop }),
      centroid: spectralCentroid(x, spec),
      flatness: spectralFlatness(x, spec),
      rms: rms(x, { frameLength: p.loudnessNfft, hop: p.hop }),
      yin: yinDifference(x, { window: p.lags.window, maxLag: p.lags.maxLag, hop: p.hop }),
      flux: onsetEnvelope(x, sampleRate, ons),
    },
    ons,
    threshold: o.yinThreshold ?? 0.1,
  }
}

/** Assembles the report from evaluated outputs. */
const report = (out: Outputs, n: number, sampleRate: number, p: Plan, g: ReturnType<typeof graph>): FeatureReport => {
  const frames = Math.floor(n / p.hop) + 1
  const y = yinPick(out['yin']!.data, frames, sampleRate, p.lags, g.threshold)
  const list = (k: string) => Array.from(out[k]!.data)
  return {
    sample_rate: sampleRate,
    hop_s: p.hop / sampleRate,
    f0_hz: Array.from(y.f0Hz, (f, i) => (y.voiced[i] ? f : null)),
    f0_confidence: Array.from(y.confidence),
    loudness_db: list('loudness'),
    loudness_n_fft: p.loudnessNfft,
    centroid_hz: list('centroid'),
    rms: list('rms'),
    flatness: list('flatness'),
    onsets_s: pickOnsets(out['flux']!.data, g.ons.peaks),
  }
}

/**
 * Extracts frame-aligned features and onsets from mono audio.
 * @param audio mono samples in [−1, 1]  @param sampleRate Hz
 * @param options backend (required), hopMs (10 ms), loudnessNfft (≈ 32 ms), fMin / fMax (Hz), yinThreshold
 * @returns a task of Either: FeatureError (bad input, failed evaluation) or the report
 * @example await extractFeatures(samples, 44100, { backend: reference('float32') })()
 */
export const extractFeatures = (audio: Float32Array, sampleRate: number, options: ExtractOptions): TE.TaskEither<FeatureError, FeatureReport> =>
  async () => {
    const p = plan(audio, sampleRate, options)
    if (E.isLeft(p)) return p
    const g = graph(audio.length, sampleRate, p.right, options)
    const program = compile(g.outputs)
    if (E.isLeft(program)) return E.left(featureError(`feature graph: ${program.left.map((e) => e.message).join('; ')}`))
    const out = await evaluate(options.backend)(program.right, { audio })
    if (E.isLeft(out)) return E.left(featureError(`evaluation failed: ${JSON.stringify(out.left)}`))
    return E.right(report(out.right, audio.length, sampleRate, p.right, g))
  }
