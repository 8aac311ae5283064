/**
 * Per-sample kernels of the 808 voices (the closed forms of
 * `synths/drums/modules.ts` and the filters they use), as small mutable
 * state records advanced one sample at a time, allocation-free:
 * - `decay`: r^(c−1−start) from its first sample with c − 1 ≥ start, 0 before
 *   (`delayedDecay`); r = 1 − 6.91/(decay_ms·sr/1000) (−60 dB at decay_ms);
 *   the exp-decay envelope adds a linear attack c/A over A = ⌊0.001·sr⌋ samples.
 * - `biquad` (direct form I, torchaudio `lfilter`), `svf` (TPT, Simper),
 *   `squares` (band-limited squares by their Fourier series, cos(kα) by the
 *   Chebyshev recurrence, harmonics at or above Nyquist skipped).
 *
 * @example
 * const e = decayState(); resetDecay(e, 300, 0, 48000)
 * nextDecay(e) // 1 at the first sample, then r, r², …
 */
import { DECAY_MS, type Range } from '../synths/drums/modules.js'

/** `min + (max − min)·u`. @example fromUnit(0.5, { min: 0, max: 10 }) // 5 */
export const fromUnit = (u: number, r: Range): number => r.min + (r.max - r.min) * u

/** 10^(g/20). @example dbGain(-6) // ≈ 0.501 */
export const dbGain = (g: number): number => 10 ** (g / 20)

/** A decaying exponential that starts `start` samples in (possibly fractional). */
export interface Decay {
  count: number
  start: number
  logRate: number
  r: number
  value: number
  /** Linear attack length A (0: none). */
  attack: number
}

/** A zeroed decay record. @example const d = decayState() */
export const decayState = (): Decay => ({ count: 0, start: 0, logRate: 0, r: 1, value: 0, attack: 0 })

/**
 * Restarts a decay: −60 dB after `decayMs`, starting `start` samples in, with an optional linear attack.
 * @param decayMs ms  @param start samples  @param sampleRate Hz  @param attack A samples (exp-decay envelope) or 0
 * @example resetDecay(d, 200, 0, 48000, 48)
 */
export const resetDecay = (d: Decay, decayMs: number, start: number, sampleRate: number, attack = 0): void => {
  d.count = 0
  d.start = start + attack
  d.logRate = Math.log(1 - 6.91 / ((decayMs * sampleRate) / 1000))
  d.r = Math.exp(d.logRate)
  d.value = 0
  d.attack = attack
}

/**
 * The next value: with c the 1-based sample count, c/A while c < A + ½ (attack), else
 * 0 while c − 1 < start, else exp((c − 1 − start)·logRate), continued by ×r.
 * @example nextDecay(d)
 */
export const nextDecay = (d: Decay): number => {
  const c = ++d.count
  if (d.attack > 0 && c < d.attack + 0.5) return c / d.attack
  const since = c - 1 - d.start
  if (since < 0) return 0
  d.value = since < 1 ? Math.exp(since * d.logRate) : d.value * d.r
  return d.value
}

/** Biquad state and coefficients (a0 = 1). */
export interface Biquad {
  b0: number
  b1: number
  b2: number
  a1: number
  a2: number
  x1: number
  x2: number
  y1: number
  y2: number
}

/**
 * timbreremap's high-pass (as `dsp/biquad` `highpassCoefficients`), state cleared.
 * @example highpass(2500, 2, 48000)
 */
export const highpass = (cutoff: number, q: number, sampleRate: number): Biquad => {
  const k = Math.tan((Math.PI / sampleRate) * Math.min(cutoff, sampleRate / 2 - 1000))
  const norm = 1 / (1 + k / q + k * k)
  return { b0: norm, b1: -2 * norm, b2: norm, a1: 2 * (k * k - 1) * norm, a2: (1 - k / q + k * k) * norm, x1: 0, x2: 0, y1: 0, y2: 0 }
}

/**
 * y[n] = b0·x[n] + b1·x[n−1] + b2·x[n−2] − a1·y[n−1] − a2·y[n−2].
 * @example biquadStep(hp, x)
 */
export const biquadStep = (f: Biquad, x: number): number => {
  const y = f.b0 * x + f.b1 * f.x1 + f.b2 * f.x2 - f.a1 * f.y1 - f.a2 * f.y2
  f.x2 = f.x1
  f.x1 = x
  f.y2 = f.y1
  f.y1 = y
  return y
}

/** TPT state-variable filter with fixed coefficients. */
export interface Svf {
  k: number
  a1: number
  a2: number
  a3: number
  ic1: number
  ic2: number
  mode: 'low' | 'band' | 'high'
}

/**
 * Coefficients as `dsp/filters` `svf`: g = tan(π·min(fc, 0.49·sr)/sr), k = 1/Q, a1 = 1/(1 + g(g + k)), a2 = g·a1, a3 = g·a2.
 * @example svfState(1200, 1.2, 48000, 'band')
 */
export const svfState = (cutoff: number, q: number, sampleRate: number, mode: Svf['mode']): Svf => {
  const w = (Math.PI / sampleRate) * Math.min(cutoff, 0.49 * sampleRate)
  const g = Math.sin(w) / Math.cos(w)
  const a1 = 1 / (1 + g * (g + 1 / q))
  const a2 = g * a1
  return { k: 1 / q, a1, a2, a3: g * a2, ic1: 0, ic2: 0, mode }
}

/**
 * v1 = a1·ic1 + a2·(x − ic2), v2 = ic2 + a2·ic1 + a3·(x − ic2); ic ← 2v − ic; low v2, band v1, high x − k·v1 − v2.
 * @example svfStep(f, x)
 */
export const svfStep = (f: Svf, x: number): number => {
  const v1 = f.a1 * f.ic1 + f.a2 * (x - f.ic2)
  const v2 = f.ic2 + f.a2 * f.ic1 + f.a3 * (x - f.ic2)
  f.ic1 = 2 * v1 - f.ic1
  f.ic2 = 2 * v2 - f.ic2
  return f.mode === 'low' ? v2 : f.mode === 'band' ? v1 : x - f.k * v1 - v2
}

/** A bank of band-limited squares at fixed frequencies, each 1/len loud. */
export interface Squares {
  readonly freqs: Float64Array
  /** Harmonics summed per square: those with k·f < sr/2, up to the offline count. */
  readonly kmax: Int32Array
  readonly amp: Float64Array
  readonly sampleRate: number
  n: number
}

/**
 * A square bank (as `metal808` `squareBank`): square(φ) = Σ_{k·f < sr/2} (4/(πk))·sin(πk/2)·cos(k(2πφ − π/2)), φ = n·f/sr.
 * @param lowest Hz: the offline sums ⌊sr/2/lowest⌋ harmonics
 * @example squares([540, 800], 270, 48000)
 */
export const squares = (freqs: readonly number[], lowest: number, sampleRate: number): Squares => {
  const harmonics = Math.max(1, Math.floor(sampleRate / 2 / lowest))
  const amp = Float64Array.from({ length: harmonics + 1 }, (_, k) => (k === 0 ? 0 : (4 / (Math.PI * k)) * Math.sin(Math.PI * k * 0.5)))
  const kmax = Int32Array.from(freqs, (f) => {
    let m = 0
    for (let k = 1; k <= harmonics; k++) if (k * f < sampleRate / 2) m = k
    return m
  })
  return { freqs: Float64Array.from(freqs), kmax, amp, sampleRate, n: 0 }
}

/**
 * The bank's next sample (mean of its squares).
 * @example squaresStep(bank)
 */
export const squaresStep = (b: Squares): number => {
  let total = 0
  for (let i = 0; i < b.freqs.length; i++) {
    const phi = (b.n * b.freqs[i]!) / b.sampleRate
    const alpha = 2 * Math.PI * (phi - Math.floor(phi)) - Math.PI / 2
    const c1 = Math.cos(alpha)
    const twoC = 2 * c1
    let prev = 1
    let cur = c1
    let acc = 0
    for (let k = 1; k <= b.kmax[i]!; k += 1) {
      acc += b.amp[k]! * cur
      const next = twoC * cur - prev
      prev = cur
      cur = next
    }
    total += acc / b.freqs.length
  }
  b.n++
  return total
}

export { DECAY_MS }
