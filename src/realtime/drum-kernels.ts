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
import { uniformAt } from '../core/random.js'
import { sinPi } from './sine.js'
import { DECAY_MS, type Range } from '../synths/drums/modules.js'

/** `min + (max − min)·u`. @example fromUnit(0.5, { min: 0, max: 10 }) // 5 */
export const fromUnit = (u: number, r: Range): number => r.min + (r.max - r.min) * u

/** 10^(g/20). @example dbGain(-6) // ≈ 0.501 */
export const dbGain = (g: number): number => 10 ** (g / 20)

/**
 * A decaying exponential that starts `start` samples in (possibly fractional), as a
 * Float64Array [count, start, logRate, r, value, attack]: typed storage, so per-sample
 * writes never box a double.
 */
export type Decay = Float64Array

/** A zeroed decay. @example const d = decayState() */
export const decayState = (): Decay => new Float64Array(6)

/**
 * Restarts a decay: −60 dB after `decayMs`, starting `start` samples in, with an optional linear attack.
 * @param decayMs ms  @param start samples  @param sampleRate Hz  @param attack A samples (exp-decay envelope) or 0
 * @example resetDecay(d, 200, 0, 48000, 48)
 */
export const resetDecay = (d: Decay, decayMs: number, start: number, sampleRate: number, attack = 0): void => {
  const logRate = Math.log(1 - 6.91 / ((decayMs * sampleRate) / 1000))
  d[0] = 0
  d[1] = start + attack
  d[2] = logRate
  d[3] = Math.exp(logRate)
  d[4] = 0
  d[5] = attack
}

/**
 * The next value: with c the 1-based sample count, c/A while c < A + ½ (attack), else
 * 0 while c − 1 < start, else exp((c − 1 − start)·logRate), continued by ×r.
 * @example nextDecay(d)
 */
export const nextDecay = (d: Decay): number => {
  const c = d[0]! + 1
  d[0] = c
  const attack = d[5]!
  if (attack > 0 && c < attack + 0.5) return c / attack
  const since = c - 1 - d[1]!
  if (since < 0) return 0
  const v = since < 1 ? Math.exp(since * d[2]!) : d[4]! * d[3]!
  d[4] = v
  return v
}

/** Biquad coefficients and state [b0, b1, b2, a1, a2, x1, x2, y1, y2] (a0 = 1). */
export type Biquad = Float64Array

/** An all-zero biquad. @example const f = biquadState() */
export const biquadState = (): Biquad => new Float64Array(9)

/**
 * Sets timbreremap's high-pass (as `dsp/biquad` `highpassCoefficients`) and clears the state:
 * K = tan(π·min(fc, sr/2 − 1000)/sr), norm = 1/(1 + K/Q + K²), b = norm·(1, −2, 1), a1 = 2(K² − 1)·norm, a2 = (1 − K/Q + K²)·norm.
 * @example setHighpass(f, 2500, 2, 48000)
 */
export const setHighpass = (f: Biquad, cutoff: number, q: number, sampleRate: number): void => {
  const k = Math.tan((Math.PI / sampleRate) * Math.min(cutoff, sampleRate / 2 - 1000))
  const norm = 1 / (1 + k / q + k * k)
  f.fill(0)
  f[0] = norm
  f[1] = -2 * norm
  f[2] = norm
  f[3] = 2 * (k * k - 1) * norm
  f[4] = (1 - k / q + k * k) * norm
}

/**
 * y[n] = b0·x[n] + b1·x[n−1] + b2·x[n−2] − a1·y[n−1] − a2·y[n−2].
 * @example biquadStep(f, x)
 */
export const biquadStep = (f: Biquad, x: number): number => {
  const y = f[0]! * x + f[1]! * f[5]! + f[2]! * f[6]! - f[3]! * f[7]! - f[4]! * f[8]!
  f[6] = f[5]!
  f[5] = x
  f[8] = f[7]!
  f[7] = y
  return y
}

/** SVF responses, as numbers for the typed state: low 0, band 1, high 2. */
export const SVF_MODE = { low: 0, band: 1, high: 2 } as const

/** TPT state-variable filter [k, a1, a2, a3, ic1, ic2, mode]. */
export type Svf = Float64Array

/** An all-zero SVF. @example const f = svfState() */
export const svfState = (): Svf => new Float64Array(7)

/**
 * Sets the coefficients as `dsp/filters` `svf` and clears the state: g = tan(π·min(fc, 0.49·sr)/sr),
 * k = 1/Q, a1 = 1/(1 + g(g + k)), a2 = g·a1, a3 = g·a2.
 * @example setSvf(f, 1200, 1.2, 48000, 'band')
 */
export const setSvf = (f: Svf, cutoff: number, q: number, sampleRate: number, mode: keyof typeof SVF_MODE): void => {
  const w = (Math.PI / sampleRate) * Math.min(cutoff, 0.49 * sampleRate)
  const g = Math.sin(w) / Math.cos(w)
  const a1 = 1 / (1 + g * (g + 1 / q))
  const a2 = g * a1
  f[0] = 1 / q
  f[1] = a1
  f[2] = a2
  f[3] = g * a2
  f[4] = 0
  f[5] = 0
  f[6] = SVF_MODE[mode]
}

/**
 * v1 = a1·ic1 + a2·(x − ic2), v2 = ic2 + a2·ic1 + a3·(x − ic2); ic ← 2v − ic; low v2, band v1, high x − k·v1 − v2.
 * @example svfStep(f, x)
 */
export const svfStep = (f: Svf, x: number): number => {
  const ic1 = f[4]!
  const ic2 = f[5]!
  const v1 = f[1]! * ic1 + f[2]! * (x - ic2)
  const v2 = ic2 + f[2]! * ic1 + f[3]! * (x - ic2)
  f[4] = 2 * v1 - ic1
  f[5] = 2 * v2 - ic2
  const mode = f[6]!
  return mode === 0 ? v2 : mode === 1 ? v1 : x - f[0]! * v1 - v2
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
  const b: Squares = { freqs: new Float64Array(freqs.length), kmax: new Int32Array(freqs.length), amp, sampleRate, n: 0 }
  for (let i = 0; i < freqs.length; i++) setSquare(b, i, freqs[i]!)
  return b
}

/**
 * Retunes square i in place (harmonics with k·f < sr/2 among the bank's count) and restarts the bank.
 * @example setSquare(bank, 0, 540 * ratio)
 */
export const setSquare = (b: Squares, i: number, f: number): void => {
  let m = 0
  for (let k = 1; k < b.amp.length; k++) if (k * f < b.sampleRate / 2) m = k
  b.freqs[i] = f
  b.kmax[i] = m
  b.n = 0
}

/**
 * The bank's next sample (mean of its squares). Only odd harmonics are summed: the even ones have
 * amplitude (4/(πk))·sin(πk/2) = 0 (≈1e-16 in floating point, which the offline sum keeps; the
 * difference is at rounding level). cos(kα) for odd k runs as two chains stepping by 4α:
 * cos((k+4)α) = 2cos(4α)·cos(kα) − cos((k−4)α).
 * @example squaresStep(bank)
 */
export const squaresStep = (b: Squares): number => {
  let total = 0
  const amp = b.amp
  const count = b.freqs.length
  for (let i = 0; i < count; i++) {
    const phi = (b.n * b.freqs[i]!) / b.sampleRate
    const c1 = Math.cos(2 * Math.PI * (phi - Math.floor(phi)) - Math.PI / 2)
    const c2 = 2 * c1 * c1 - 1
    const c3 = c1 * (2 * c2 - 1) // cos 3α
    const step = 2 * (2 * c2 * c2 - 1) // 2cos 4α
    let aPrev = c3 // cos(−3α), chain k = 1, 5, 9, …
    let a = c1
    let bPrev = c1 // cos(−α), chain k = 3, 7, 11, …
    let bb = c3
    let acc0 = 0
    let acc1 = 0
    const kmax = b.kmax[i]!
    let k = 1
    for (; k + 2 <= kmax; k += 4) {
      acc0 += amp[k]! * a
      acc1 += amp[k + 2]! * bb
      const an = step * a - aPrev
      aPrev = a
      a = an
      const bn = step * bb - bPrev
      bPrev = bb
      bb = bn
    }
    if (k <= kmax) acc0 += amp[k]! * a
    total += (acc0 + acc1) / count
  }
  b.n++
  return total
}

/**
 * The first `length` samples of a square bank, computed once (for banks whose
 * frequencies do not depend on parameters, e.g. the hats' metal oscillators).
 * @example squaresTable(squares(METAL_HZ, 205.3, 48000), 120000)
 */
export const squaresTable = (b: Squares, length: number): Float64Array => {
  const out = new Float64Array(length)
  b.n = 0
  for (let i = 0; i < length; i++) out[i] = squaresStep(b)
  b.n = 0
  return out
}

/** Largest block a drum voice renders in one call (its noise buffer). */
export const MAX_BLOCK = 4096

/**
 * Fills buf[0…count) with the offline noise stream uniformAt(seed, from + i), in one tight loop
 * (so the generator is inlined and returns no boxed double).
 * @example fillUniform(buf, 36, 0, 128)
 */
export const fillUniform = (buf: Float64Array, seed: number, from: number, count: number): void => {
  for (let i = 0; i < count; i++) buf[i] = uniformAt(seed, from + i)
}

/**
 * Block forms of the kernels: each fills or filters a typed buffer over `count` samples in one
 * tight loop, so per-sample values never cross a (possibly not inlined) function boundary.
 * @example decayBlock(d, env, 128)
 */
export const decayBlock = (d: Decay, out: Float64Array, count: number): void => {
  // nextDecay's phases come in order (attack, silence before the start, the first sample, ×r), so each
  // runs as its own loop; the ×r loop (almost every sample) is one multiply, the same product as nextDecay's.
  const start = d[1]!
  let i = 0
  while (i < count && d[0]! - start < 1) out[i++] = nextDecay(d)
  let v = d[4]!
  const r = d[3]!
  d[0] = d[0]! + (count - i)
  for (; i < count; i++) {
    v *= r
    out[i] = v
  }
  d[4] = v
}

/**
 * out = sin(phase), phase advancing by w0·(1 + mod·env) (exclusive), over `count` samples.
 * @example oscBlock(osc, pitchEnv, y, 128)
 */
export const oscBlock = (o: Float64Array, env: Float64Array, out: Float64Array, count: number): void => {
  let phase = o[2]!
  const w0 = o[0]!
  const mod = o[1]!
  for (let i = 0; i < count; i++) {
    out[i] = sinPi(phase)
    phase += w0 * (1 + mod * env[i]!)
    if (phase >= Math.PI) phase -= 2 * Math.PI // kept in [−π, π): sin is 2π-periodic; the wrap rounds at ε·2π
  }
  o[2] = phase
}

/**
 * Filters x in place through a biquad. @example biquadBlock(f, x, 128)
 */
export const biquadBlock = (f: Biquad, x: Float64Array, count: number): void => {
  // biquadStep with coefficients and state in locals for the block
  const b0 = f[0]!
  const b1 = f[1]!
  const b2 = f[2]!
  const a1 = f[3]!
  const a2 = f[4]!
  let x1 = f[5]!
  let x2 = f[6]!
  let y1 = f[7]!
  let y2 = f[8]!
  for (let i = 0; i < count; i++) {
    const xi = x[i]!
    const y = b0 * xi + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
    x2 = x1
    x1 = xi
    y2 = y1
    y1 = y
    x[i] = y
  }
  f[5] = x1
  f[6] = x2
  f[7] = y1
  f[8] = y2
}

/**
 * Filters x in place through an SVF. @example svfBlock(f, x, 128)
 */
export const svfBlock = (f: Svf, x: Float64Array, count: number): void => {
  // svfStep with coefficients and state in locals for the block, the response chosen once
  const k = f[0]!
  const a1 = f[1]!
  const a2 = f[2]!
  const a3 = f[3]!
  const mode = f[6]!
  let ic1 = f[4]!
  let ic2 = f[5]!
  for (let i = 0; i < count; i++) {
    const xi = x[i]!
    const v1 = a1 * ic1 + a2 * (xi - ic2)
    const v2 = ic2 + a2 * ic1 + a3 * (xi - ic2)
    ic1 = 2 * v1 - ic1
    ic2 = 2 * v2 - ic2
    x[i] = mode === 0 ? v2 : mode === 1 ? v1 : xi - k * v1 - v2
  }
  f[4] = ic1
  f[5] = ic2
}

/**
 * The next `count` samples of a square bank, from `table` while it lasts. @example squaresBlock(bank, undefined, y, 128)
 */
export const squaresBlock = (b: Squares, table: Float64Array | undefined, out: Float64Array, count: number): void => {
  for (let i = 0; i < count; i++) out[i] = table !== undefined && b.n < table.length ? table[b.n++]! : squaresStep(b)
}

export { DECAY_MS }
