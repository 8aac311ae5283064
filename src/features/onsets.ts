/**
 * Onset times from a spectral-flux envelope by adaptive peak picking (host side,
 * NOT differentiable): frame n is an onset when
 *   1. Γ[n] = max Γ[n − preMax … n + postMax]           (local maximum),
 *   2. Γ[n] ≥ mean Γ[n − preAvg … n + postAvg] + δ       (adaptive threshold),
 *   3. n is at least `wait` frames after the previous onset (minimum gap),
 * and its analysis window does not reach into the zero padding after the end
 * (a signal cut off at the end would otherwise smear into a false onset). The
 * padding before the start counts as silence: a hit just after t = 0 is found,
 * while a steady tone already sounding in frame 0 rises too little to count.
 * Ref: S. Böck, F. Krebs & M. Schedl, "Evaluating the online capabilities of onset
 * detection methods", ISMIR 2012, §2.2 (peak picking); librosa `util.peak_pick`.
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
import { spectralFlux } from './spectral-flux.js'
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

/** Mean of env[lo..hi] (clamped to the array). */
const windowMean = (env: ArrayLike<number>, lo: number, hi: number): number => {
  const [a, b] = [Math.max(0, lo), Math.min(env.length - 1, hi)]
  let s = 0
  for (let i = a; i <= b; i++) s += env[i]!
  return s / (b - a + 1)
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
  const { delta = 0.05, preMax = 0.03, postMax = 0.03, preAvg = 0.1, postAvg = 0.1, wait = 0.03, firstFrame = 0, offset = 0 } = o
  const lastFrame = Math.min(o.lastFrame ?? env.length - 1, env.length - 1)
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
  /** Envelope hop (samples); default ≈ 5 ms. */
  readonly hop?: number
  /** FFT length (samples); default the power of two nearest 12 ms (short windows keep onsets sharp). */
  readonly nFft?: number
  /** Log compression γ; default 100. */
  readonly gamma?: number
}

/** Envelope and picking settings `onsets` derives for an audio length. */
export interface OnsetSettings {
  readonly hop: number
  readonly nFft: number
  readonly gamma: number
  readonly peaks: PeakOptions
}

/**
 * The envelope (hop ≈ 5 ms, nFft ≈ 12 ms) and peak-picking settings for `n` samples: frames overlapping the padding at
 * the end are excluded, and times get +nFft/4 samples of latency compensation (a centred frame sees an impulse first
 * at its window's end; the Hann-weighted rise is steepest a quarter window before the centre, where w'(l) peaks).
 * @param n samples  @param sampleRate Hz  @param o user options
 * @example onsetSettings(16000, 16000).nFft // 256
 */
export const onsetSettings = (n: number, sampleRate: number, o: OnsetOptions = {}): OnsetSettings => {
  const hop = o.hop ?? Math.max(1, Math.round(sampleRate / 200))
  const nFft = o.nFft ?? 2 ** Math.round(Math.log2(0.012 * sampleRate))
  const edge = Math.ceil(nFft / 2 / hop)
  const peaks = { ...o, sampleRate, hop, firstFrame: 0, lastFrame: Math.floor(n / hop) - edge, offset: nFft / 4 / sampleRate }
  return { hop, nFft, gamma: o.gamma ?? 100, peaks }
}

/**
 * Onset times of mono audio: `spectralFlux` evaluated on a synchronous backend (e.g. the reference), then `pickOnsets`
 * with `onsetSettings` (latency-compensated times).
 * @param audio mono samples  @param sampleRate Hz  @param backend synchronous backend
 * @param o hop (≈ 5 ms), nFft (≈ 12 ms), gamma (100), peak options
 * @returns onset times in seconds, or a FeatureError
 * @example onsets(audio, 16000, reference('float64'), { delta: 0.1 })
 */
export const onsets = <T>(audio: Float32Array, sampleRate: number, backend: SyncBackend<T>, o: OnsetOptions = {}): E.Either<FeatureError, number[]> => {
  if (!(sampleRate > 0)) return E.left(featureError(`onsets: sampleRate must be > 0, got ${sampleRate}`))
  if (audio.length === 0) return E.left(featureError('onsets: audio is empty'))
  const { hop, nFft, gamma, peaks } = onsetSettings(audio.length, sampleRate, o)
  const env = spectralFlux(input('audio', [1, audio.length], 'audio'), { sampleRate, nFft, hop, gamma })
  const out = E.flatMap(compile({ env }), (p) => evaluateSync(backend)(p, { audio }))
  if (E.isLeft(out)) return E.left(featureError(`onsets: ${JSON.stringify(out.left)}`))
  return E.right(pickOnsets(out.right['env']!.data, peaks))
}
