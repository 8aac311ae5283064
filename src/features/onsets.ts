/**
 * Onset times from an onset-strength envelope by adaptive peak picking (host
 * side, NOT differentiable). The envelope is SuperFlux (`superflux.ts`: log
 * filterbank, maximum filter over bands, one-frame lag at a quarter-window
 * hop), which sees legato note changes and gives a single hit one peak. Frame n
 * is an onset when
 *   1. Γ[n] = max Γ[n − preMax … n + postMax]           (local maximum),
 *   2. Γ[n] ≥ mean Γ[n − preAvg … n + postAvg] + max(δ, ρ·max Γ)  (adaptive threshold, with a floor relative to
 *      the loudest onset so a file's level does not matter),
 *   3. n is at least `wait` frames after the previous onset (minimum gap),
 * and its analysis window does not reach into the zero padding after the end
 * (a signal cut off at the end would otherwise smear into a false onset). The
 * time before the start counts as silence: a hit at or just after t = 0 (a
 * one-shot sample) is found, and so is a tone that starts the file.
 * Ref: S. Böck & G. Widmer, "Maximum filter vibrato suppression for onset detection", DAFx 2013 (SuperFlux, its
 * picking: pre-average 0.15 s, no post-average, 30 ms apart); S. Böck, F. Krebs & M. Schedl, "Evaluating the online
 * capabilities of onset detection methods", ISMIR 2012, §2.2; librosa `util.peak_pick`.
 *
 * @example
 * import { pickOnsets, onsets } from 'ddsp-ts/features'
 * pickOnsets([0, 0, 1, 0, 0], { hop: 160, sampleRate: 16000, firstFrame: 0 }) // [0.02]
 * const times = onsets(audio, 44100, reference('float64'))   // Either<FeatureError, number[]> seconds
 */
import * as E from 'fp-ts/lib/Either.js'
import { evaluateSync } from '../core/interpret.js'
import { compile } from '../core/program-api.js'
import { input } from '../core/signal.js'
import { featureError, type FeatureError } from './errors.js'
import { superFlux } from './superflux.js'
import type { Signal } from '../core/signal.js'
import type { SyncBackend } from './yin.js'

/** Peak-picking options (times in seconds, converted to frames with `hop`). */
export interface PeakOptions {
  /** Sample rate (Hz). */
  readonly sampleRate: number
  /** Samples between envelope frames. */
  readonly hop: number
  /** First frame that may be an onset (earlier frames overlap the start padding); default 0. */
  readonly firstFrame?: number
  /** Last frame that may be an onset (later ones overlap the end padding); default the last. */
  readonly lastFrame?: number
  /** Added to every onset time (s): the detector's latency compensation; default 0. */
  readonly offset?: number
  /** Threshold offset δ above the local mean (envelope units); default 0.05. */
  readonly delta?: number
  /** ρ: the offset is at least ρ × the envelope's maximum; default 0 (`onsetSettings` uses 0.06). */
  readonly relativeDelta?: number
  /** Local-maximum window before / after (s); default 0.03 / 0.03. */
  readonly preMax?: number
  readonly postMax?: number
  /** Local-mean window before / after (s); default 0.1 / 0.1. */
  readonly preAvg?: number
  readonly postAvg?: number
  /** Minimum gap between onsets (s); default 0.03. */
  readonly wait?: number
}

const frames = (seconds: number, o: PeakOptions) => Math.max(0, Math.round((seconds * o.sampleRate) / o.hop))

/** Mean of env[lo..hi]: frames before the start count as silence (0), the end is clamped. */
const windowMean = (env: ArrayLike<number>, lo: number, hi: number): number => {
  const b = Math.min(env.length - 1, hi)
  let s = 0
  for (let i = Math.max(0, lo); i <= b; i++) s += env[i]!
  return s / (b - lo + 1)
}

/** Whether env[n] is the maximum of env[lo..hi] (clamped). */
const isLocalMax = (env: ArrayLike<number>, n: number, lo: number, hi: number): boolean => {
  for (let i = Math.max(0, lo); i <= Math.min(env.length - 1, hi); i++) if (env[i]! > env[n]!) return false
  return true
}

/**
 * Onset times (s) of an envelope sampled every `hop` samples (frame n at n·hop/sampleRate).
 * @param env onset strength per frame  @param o sampleRate, hop, firstFrame, δ, windows (s), wait (s)
 * @returns onset times in seconds, increasing
 * @example pickOnsets(flux, { sampleRate: 16000, hop: 80, delta: 0.1 })
 */
export const pickOnsets = (env: ArrayLike<number>, o: PeakOptions): number[] => {
  const { preMax = 0.03, postMax = 0.03, preAvg = 0.1, postAvg = 0.1, wait = 0.03, firstFrame = 0, offset = 0 } = o
  const lastFrame = Math.min(o.lastFrame ?? env.length - 1, env.length - 1)
  let peak = 0
  for (let i = 0; i < env.length; i++) peak = Math.max(peak, env[i]!)
  const delta = Math.max(o.delta ?? 0.05, (o.relativeDelta ?? 0) * peak)
  const [pm, qm, pa, qa, w] = [preMax, postMax, preAvg, postAvg, wait].map((s) => frames(s, o)) as [number, number, number, number, number]
  const out: number[] = []
  let last = -Infinity
  for (let n = firstFrame; n <= lastFrame; n++) {
    if (n - last <= w || !isLocalMax(env, n, n - pm, n + qm)) continue
    if (env[n]! < windowMean(env, n - pa, n + qa) + delta) continue
    out.push((n * o.hop) / o.sampleRate + offset)
    last = n
  }
  return out
}

/** Options of `onsets`. */
export interface OnsetOptions extends Omit<PeakOptions, 'sampleRate' | 'hop' | 'firstFrame'> {
  /** FFT length (samples); default the power of two nearest 23 ms. The hop is a quarter of it (the one-frame lag of
   * SuperFlux is then the paper's half-overlap difference). */
  readonly nFft?: number
  /** λ of the log compression log10(1 + λ·X); default 1. */
  readonly lambda?: number
}

/** Envelope and picking settings `onsets` derives for an audio length. */
export interface OnsetSettings {
  readonly hop: number
  readonly nFft: number
  readonly lambda: number
  readonly peaks: PeakOptions
}

/**
 * The envelope (nFft ≈ 23 ms, hop nFft/4) and peak-picking settings for `n` samples (δ 0.001, ρ 0.06, local maximum
 * ±30 ms, mean over the 150 ms before, 30 ms apart): frames overlapping the padding at the end are excluded, and
 * times get +nFft/4 samples of latency compensation (a centred frame sees an impulse first at its window's end; the
 * Hann-weighted rise is steepest a quarter window before the centre, where w'(l) peaks).
 * @param n samples  @param sampleRate Hz  @param o user options
 * @example onsetSettings(16000, 16000).nFft // 512
 */
export const onsetSettings = (n: number, sampleRate: number, o: OnsetOptions = {}): OnsetSettings => {
  const nFft = o.nFft ?? 2 ** Math.round(Math.log2(0.023 * sampleRate))
  const hop = Math.max(1, Math.floor(nFft / 4))
  const edge = Math.ceil(nFft / 2 / hop)
  const peaks = { delta: 0.001, relativeDelta: 0.06, preAvg: 0.15, postAvg: 0, ...o, sampleRate, hop, firstFrame: 0, lastFrame: Math.floor(n / hop) - edge, offset: nFft / 4 / sampleRate }
  return { hop, nFft, lambda: o.lambda ?? 1, peaks }
}

/**
 * The onset envelope of `onsetSettings`: SuperFlux at its nFft, hop and λ.
 * @param x audio `[B, N]`  @param sampleRate Hz  @param s the settings
 * @example onsetEnvelope(input('audio', [1, n], 'audio'), 16000, onsetSettings(n, 16000))
 */
export const onsetEnvelope = (x: Signal<'audio'>, sampleRate: number, s: OnsetSettings): Signal<'control'> =>
  superFlux(x, { sampleRate, nFft: s.nFft, hop: s.hop, lambda: s.lambda })

/**
 * Onset times of mono audio: `onsetEnvelope` (SuperFlux) evaluated on a synchronous backend (e.g. the reference), then
 * `pickOnsets` with `onsetSettings` (latency-compensated times).
 * @param audio mono samples  @param sampleRate Hz  @param backend synchronous backend
 * @param o nFft (≈ 23 ms; hop nFft/4), λ (1), peak options
 * @returns onset times in seconds, or a FeatureError
 * @example onsets(audio, 16000, reference('float64'), { delta: 0.1 })
 */
export const onsets = <T>(audio: Float32Array, sampleRate: number, backend: SyncBackend<T>, o: OnsetOptions = {}): E.Either<FeatureError, number[]> => {
  if (!(sampleRate > 0)) return E.left(featureError(`onsets: sampleRate must be > 0, got ${sampleRate}`))
  if (audio.length === 0) return E.left(featureError('onsets: audio is empty'))
  const s = onsetSettings(audio.length, sampleRate, o)
  const env = onsetEnvelope(input('audio', [1, audio.length], 'audio'), sampleRate, s)
  const out = E.flatMap(compile({ env }), (p) => evaluateSync(backend)(p, { audio }))
  if (E.isLeft(out)) return E.left(featureError(`onsets: ${JSON.stringify(out.left)}`))
  return E.right(pickOnsets(out.right['env']!.data, s.peaks))
}
