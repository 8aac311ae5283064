/**
 * Modal extraction after drumblender (Shier et al., 2023: the modes of a hit
 * are read from the recording by sinusoidal peak picking and tracking, not
 * learned): in each STFT frame from the onset on, peaks are local maxima
 * within `rangeDb` of the loudest bin, at least `prominenceDb` over the median
 * power of their neighbours 3–10 bins away (a median, so a strong mode nearby
 * does not hide a weaker one), refined by a parabola through the
 * dB values of the three bins (Smith & Serra, PARSHL, ICMC 1987):
 *   p = ½(α − γ)/(α − 2β + γ),  f = (k + p)·sr/N,  L = β − ¼(α − γ)·p.
 * Tracks continue to the nearest free peak within max(1.5 bins, 2 %) of their
 * last frequency (loudest track first), end after 2 missed frames, and are
 * kept with ≥ 4 frames. Per track, a line fitted to L(t) over the frames
 * whose window lies after the onset gives the decay D (a(t) = A·e^{−D·t},
 * slope = −20·D/ln 10 dB/s) and the amplitude at the onset A (the line's
 * value there, divided by the window's gain on a decaying sinusoid,
 * G(D) = Σ w[i]·e^{−D(i − N/2)/sr} / Σ w[i]; at most twice the loudest frame's
 * reading, since a gliding or two-stage mode bends the line). Modes are ordered by energy
 * A²/(4D); a track within 3 % of a stronger one is dropped.
 *
 * @example
 * const modes = extractModes(magnitudeStft(x, 22050, { nFft: 2048, hop: 256 }), 0.01)
 * modes[0] // { freqHz: 281.4, endHz: 279.9, amp: 0.21, decayPerS: 18.5, … }
 */
import { hannTable } from '../../host/window.js'
import { median } from '../../host/stats.js'
import { lineFit } from './line-fit.js'
import type { MagnitudeStft } from './stft.js'

/** Options of `extractModes`. @example const o: ModeOptions = { maxModes: 8 } */
export interface ModeOptions {
  /** modes returned (default 16) */
  readonly maxModes?: number
  /** peaks within this many dB of the loudest bin of the STFT (default 70) */
  readonly rangeDb?: number
  /** peak over its neighbours' median power, dB (default 10) */
  readonly prominenceDb?: number
  /** lowest and highest mode frequency, Hz (default 30 … 0.45·sr) */
  readonly fMin?: number
  readonly fMax?: number
  /** analysed span after the onset, s (default 1.5) */
  readonly maxSeconds?: number
}

/** One extracted mode. @example const m: Mode = { freqHz: 200, endHz: 198, amp: 0.3, decayPerS: 12, t60S: 0.58, energy: 0.0019, frames: 40 } */
export interface Mode {
  /** frequency at the start of the track (median of its first 3 frames), Hz */
  readonly freqHz: number
  /** frequency at the end (median of its last 3 frames), Hz */
  readonly endHz: number
  /** amplitude at the onset (sinusoid amplitude units) */
  readonly amp: number
  /** D in a(t) = A·e^{−D·t}, 1/s */
  readonly decayPerS: number
  /** ln(1000)/D, s */
  readonly t60S: number
  /** A²/(4D) (A²·length for a non-decaying track) */
  readonly energy: number
  readonly frames: number
}

interface Peak { readonly hz: number; readonly db: number }
interface Track { readonly f: number[]; readonly hz: number[]; readonly db: number[]; miss: number }

/** The peaks of one frame (dB magnitudes). */
const framePeaks = (db: Float64Array, pow: Float64Array, binHz: number, floorDb: number, prominence: number, kLo: number, kHi: number): Peak[] => {
  const out: Peak[] = []
  for (let k = Math.max(1, kLo); k <= Math.min(db.length - 2, kHi); k++) {
    const b = db[k]!
    if (b < floorDb || b <= db[k - 1]! || b < db[k + 1]!) continue
    const around: number[] = []
    for (let j = 3; j <= 10; j++) {
      if (k - j >= 0) around.push(pow[k - j]!)
      if (k + j < pow.length) around.push(pow[k + j]!)
    }
    if (b - 10 * Math.log10(median(around) + 1e-30) < prominence) continue
    const a = db[k - 1]!, c = db[k + 1]!
    const den = a - 2 * b + c
    const p = den < 0 ? (0.5 * (a - c)) / den : 0
    out.push({ hz: (k + p) * binHz, db: b - 0.25 * (a - c) * p })
  }
  return out
}

/** The Hann window's gain on e^{−D·t} about its centre. */
const windowGain = (D: number, nFft: number, sr: number): number => {
  const w = hannTable(nFft)
  let num = 0, den = 0
  for (let i = 0; i < nFft; i++) {
    num += w[i]! * Math.exp((-D * (i - nFft / 2)) / sr)
    den += w[i]!
  }
  return num / den
}

/**
 * Extracts decaying modes from a magnitude STFT.
 * @param s the STFT (centred frames; nFft ≈ 90 ms resolves 50 Hz modes)  @param onsetS the onset, s  @param o limits
 * @returns up to `maxModes` modes, strongest (by energy) first
 * @example extractModes(magnitudeStft(x, 44100, { nFft: 4096, hop: 512 }), 0)
 */
export const extractModes = (s: MagnitudeStft, onsetS: number, o: ModeOptions = {}): Mode[] => {
  const { binHz, nFft, sampleRate: sr } = s
  const f0 = Math.max(0, Math.round((onsetS * sr) / s.hop))
  // frames whose window runs past the end read low (zero padding): they are left out
  const last = Math.max(f0, Math.floor((s.samples - nFft / 2) / s.hop))
  const f1 = Math.min(s.mag.length - 1, last, f0 + Math.ceil(((o.maxSeconds ?? 1.5) * sr) / s.hop))
  let top = 1e-30
  for (let f = f0; f <= f1; f++) for (const v of s.mag[f]!) top = Math.max(top, v)
  const floorDb = 20 * Math.log10(top) - (o.rangeDb ?? 70)
  const kLo = Math.ceil((o.fMin ?? 30) / binHz)
  const kHi = Math.floor((o.fMax ?? 0.45 * sr) / binHz)
  const live: Track[] = []
  const done: Track[] = []
  for (let f = f0; f <= f1; f++) {
    const m = s.mag[f]!
    const db = Float64Array.from(m, (v) => 20 * Math.log10(v + 1e-30))
    const pow = Float64Array.from(m, (v) => v * v)
    const peaks = framePeaks(db, pow, binHz, floorDb, o.prominenceDb ?? 10, kLo, kHi)
    const free = peaks.map(() => true)
    live.sort((a, b) => b.db[b.db.length - 1]! - a.db[a.db.length - 1]!)
    for (const t of live) {
      const last = t.hz[t.hz.length - 1]!
      const tol = Math.max(1.5 * binHz, 0.02 * last)
      let best = -1
      for (let i = 0; i < peaks.length; i++) if (free[i] && Math.abs(peaks[i]!.hz - last) <= tol && (best < 0 || Math.abs(peaks[i]!.hz - last) < Math.abs(peaks[best]!.hz - last))) best = i
      if (best < 0) { t.miss++; continue }
      free[best] = false
      t.miss = 0
      t.f.push(f); t.hz.push(peaks[best]!.hz); t.db.push(peaks[best]!.db)
    }
    for (let i = live.length - 1; i >= 0; i--) if (live[i]!.miss > 2) done.push(...live.splice(i, 1))
    peaks.forEach((p, i) => { if (free[i]) live.push({ f: [f], hz: [p.hz], db: [p.db], miss: 0 }) })
  }
  done.push(...live)
  const settle = Math.ceil(nFft / 2 / s.hop) // frames until the window lies after the onset
  const modes = done.filter((t) => t.f.length >= 4).map((t): Mode => {
    const after = t.f.map((_, i) => i).filter((i) => t.f[i]! - f0 >= settle)
    const use = after.length >= 3 ? after : t.f.map((_, i) => i)
    const line = lineFit(use.map((i) => (t.f[i]! - f0) * s.hop / sr), use.map((i) => t.db[i]!))
    const D = Math.max(0, (-line.slope * Math.LN10) / 20)
    // extrapolated to the onset, but never above twice the loudest frame (a gliding or two-stage mode bends the line)
    const loudest = t.db.reduce((m, v) => Math.max(m, v), -Infinity)
    const amp = Math.min(10 ** (line.intercept / 20) / windowGain(D, nFft, sr), 2 * 10 ** (loudest / 20))
    const len = t.f.length * s.hop / sr
    return {
      freqHz: median(t.hz.slice(0, 3)), endHz: median(t.hz.slice(-3)), amp, decayPerS: D,
      t60S: D > 0 ? Math.log(1000) / D : Infinity, energy: D > 0 ? (amp * amp) / (4 * D) : amp * amp * len, frames: t.f.length,
    }
  })
  modes.sort((a, b) => b.energy - a.energy)
  const kept: Mode[] = []
  for (const m of modes) {
    if (kept.length >= (o.maxModes ?? 16)) break
    if (kept.some((k) => Math.abs(k.freqHz - m.freqHz) <= Math.max(1.5 * binHz, 0.03 * k.freqHz))) continue
    kept.push(m)
  }
  return kept
}
