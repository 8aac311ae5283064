/**
 * The pitch of a hit and its glide over the first `windowS` (default 200 ms)
 * after the onset: YIN every `hopMs` (`yinHost.ts`) on frames whose level is
 * within 40 dB of the peak, voiced where the aperiodicity d' < 0.25. The
 * track is taken twice: the second time on the signal low-passed (zero
 * phase, `lowpass.ts`) at 1.5× the highest f0 of the first, so a drum's
 * inharmonic upper modes cannot pull the estimate. The
 * glide is fitted in the 808 voices' own form (timbreremap's
 * SinusoidalOscillator with an ExpDecay pitch envelope)
 *   f(t) = f∞·(1 + m·e^{−6.91·t/d})          (6.91 = ln 1000: −60 dB at d)
 * by a grid over d (5 ms … 2 s, log-spaced) with f∞ and f∞·m by linear least
 * squares at each d (m kept in [−0.5, 16]; the misfit is measured in cents). `pitchHz` is the median voiced f0 of the window's second
 * half (the settled pitch; all voiced frames when that half has fewer than 3),
 * `pitched` says whether at least half the sounding frames are voiced.
 *
 * @example
 * const p = hitPitch(x, 22050, 0.01)
 * p.pitchHz       // 56.2
 * p.glide?.ratio  // m = 1.4: the kick starts at 56·2.4 ≈ 135 Hz
 */
import { median } from '../../host/stats.js'
import { levelEnvelope } from './envelope.js'
import { lineFit } from './line-fit.js'
import { zeroPhaseLowpass } from './lowpass.js'
import { yinFrame } from './yin-host.js'

/** Options of `hitPitch`. @example const o: PitchOptions = { windowS: 0.2, fMin: 30, fMax: 1500 } */
export interface PitchOptions {
  /** analysed span after the onset, s (default 0.2) */
  readonly windowS?: number
  /** frame hop, ms (default 5) */
  readonly hopMs?: number
  /** search range, Hz (default 30 … 1500) */
  readonly fMin?: number
  readonly fMax?: number
}

/** The fitted glide f(t) = f∞·(1 + m·e^{−6.91 t/d}). @example const g: Glide = { endHz: 56, ratio: 1.4, decayMs: 60, rmsCents: 12 } */
export interface Glide {
  /** f∞, Hz */
  readonly endHz: number
  /** m: the start is f∞·(1 + m) */
  readonly ratio: number
  /** d, ms: the pitch envelope is at −60 dB after d */
  readonly decayMs: number
  /** RMS misfit of the fitted curve, cents */
  readonly rmsCents: number
}

/** A hit's pitch analysis. @example const p: HitPitch = hitPitch(x, sr, 0) */
export interface HitPitch {
  /** the settled pitch, Hz (undefined when no frame is voiced) */
  readonly pitchHz: number | undefined
  /** the first voiced frame's f0, Hz */
  readonly startHz: number | undefined
  readonly pitched: boolean
  readonly glide: Glide | undefined
  /** the track: seconds after the onset, f0 (Hz, NaN where unvoiced), d' */
  readonly track: ReadonlyArray<{ readonly t: number; readonly f0Hz: number; readonly aperiodicity: number }>
}

const VOICED = 0.25

/** The glide fit (grid over d, linear least squares for f∞ and f∞·m). */
const fitGlide = (t: readonly number[], f: readonly number[]): Glide | undefined => {
  if (t.length < 3) return undefined
  let best: { sse: number; g: Glide } | undefined
  for (let i = 0; i <= 60; i++) {
    const d = 0.005 * 400 ** (i / 60) // 5 ms … 2 s
    const e = t.map((ti) => Math.exp((-6.91 * ti) / d))
    const l = lineFit(e, f) // f = f∞ + (f∞·m)·e
    if (!(l.intercept > 0) || l.slope / l.intercept < -0.5 || l.slope / l.intercept > 16) continue // a start between ½ and 17 times the end
    const sse = f.reduce((s, fi, j) => s + (1200 * Math.log2(Math.max(1e-9, l.intercept + l.slope * e[j]!) / fi)) ** 2, 0)
    if (best === undefined || sse < best.sse) best = { sse, g: { endHz: l.intercept, ratio: l.slope / l.intercept, decayMs: 1000 * d, rmsCents: Math.sqrt(sse / f.length) } }
  }
  return best?.g
}

/**
 * The pitch, its glide and the f0 track of a hit.
 * @param x mono samples  @param sampleRate Hz  @param onsetS the onset (s), e.g. `envelopeTimes(…).onsetS`
 * @param o window, hop and search range
 * @example hitPitch(kick, 44100, 0.002).pitchHz
 */
export const hitPitch = (x: ArrayLike<number>, sampleRate: number, onsetS: number, o: PitchOptions = {}): HitPitch => {
  const rough = yinTrack(x, sampleRate, onsetS, o)
  const voiced = rough.track.filter((p) => !Number.isNaN(p.f0Hz)).map((p) => p.f0Hz)
  if (voiced.length === 0) return rough
  const top = voiced.reduce((a, b) => Math.max(a, b), 0)
  // second pass under 1.5× the highest f0 seen: partials above the fundamental (inharmonic on a drum) no longer pull YIN's dip
  return yinTrack(zeroPhaseLowpass(x, 1.5 * top, sampleRate), sampleRate, onsetS, o)
}

/** One YIN pass over the window after the onset. */
const yinTrack = (x: ArrayLike<number>, sampleRate: number, onsetS: number, o: PitchOptions): HitPitch => {
  const windowS = o.windowS ?? 0.2
  const hop = Math.max(1, Math.round(((o.hopMs ?? 5) * sampleRate) / 1000))
  const yo = { fMin: o.fMin ?? 30, fMax: Math.min(o.fMax ?? 1500, sampleRate / 4) }
  const env = levelEnvelope(x, sampleRate, { hopMs: (1000 * hop) / sampleRate, winMs: 20 })
  let peak = -Infinity
  for (const v of env.db) peak = Math.max(peak, v)
  const s0 = Math.round(onsetS * sampleRate)
  const track: Array<{ t: number; f0Hz: number; aperiodicity: number }> = []
  let sounding = 0
  const half = Math.ceil(sampleRate / yo.fMin / 2) // the frame's difference sums span [c − W/2, c + W/2 + τ]
  for (let c = s0; c <= s0 + windowS * sampleRate; c += hop) {
    const lvl = env.db[Math.min(env.db.length - 1, Math.round(c / hop))] ?? -Infinity
    if (lvl < peak - 40) continue
    const r = yinFrame(x, Math.max(0, c - half), sampleRate, yo)
    if (r === undefined) break
    sounding++
    track.push({ t: (c - s0) / sampleRate, f0Hz: r.aperiodicity < VOICED ? r.f0Hz : NaN, aperiodicity: r.aperiodicity })
  }
  const voiced = track.filter((p) => !Number.isNaN(p.f0Hz))
  const late = voiced.filter((p) => p.t >= windowS / 2)
  const settled = late.length >= 3 ? late : voiced
  return {
    pitchHz: settled.length === 0 ? undefined : median(settled.map((p) => p.f0Hz)),
    startHz: voiced[0]?.f0Hz,
    pitched: sounding > 0 && voiced.length >= Math.max(3, sounding / 2),
    glide: fitGlide(voiced.map((p) => p.t), voiced.map((p) => p.f0Hz)),
    track,
  }
}
