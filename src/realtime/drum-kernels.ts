/**
 * Per-sample kernels of the 808 voices (the closed forms of
 * `synths/drums/modules.ts`; their filters are in `drum-filters.ts`), as small
 * mutable state records advanced one sample at a time, allocation-free:
 * - `decay`: r^(c−1−start) from its first sample with c − 1 ≥ start, 0 before
 *   (`delayedDecay`); r = 1 − 6.91/(decay_ms·sr/1000) (−60 dB at decay_ms);
 *   the exp-decay envelope adds a linear attack c/A over A = ⌊0.001·sr⌋ samples.
 *   Computed as anchor·rʲ from a table of powers (see `Decay`).
 * - `squares` (band-limited squares by their Fourier series, cos(kα) by the
 *   Chebyshev recurrence, harmonics at or above Nyquist skipped).
 *
 * @example
 * const e = decayState(); resetDecay(e, 300, 0, 48000)
 * nextDecay(e) // 1 at the first sample, then r, r², …
 */
import { sinPi } from '../host/sine.js'
import { squareAt } from './square-table.js'
import type { Range } from '../synths/drums/modules.js'

/** `min + (max − min)·u`. @example fromUnit(0.5, { min: 0, max: 10 }) // 5 */
export const fromUnit = (u: number, r: Range): number => r.min + (r.max - r.min) * u

/** 10^(g/20). @example dbGain(-6) // ≈ 0.501 */
export const dbGain = (g: number): number => 10 ** (g / 20)

/**
 * A decaying exponential that starts `start` samples in (possibly fractional), as one Float64Array
 * (typed storage, so per-sample writes never box a double; the same layout in a voice's wasm memory):
 * [0] count c, [1] s = start + attack, [2] log r, [3] r, [4] anchor, [5] attack A, [6] first value,
 * [7] j (the next sample's power), [8 + j] rʲ for j = 0…128 (`DECAY_CHUNK`).
 * Past its first sample the decay is anchor·rʲ, the anchor stepping by r¹²⁸ every 128 samples: each
 * value depends only on its sample count (not on the block partition) and a block of them is one
 * independent multiply per sample (no chain through the previous value).
 */
export type Decay = Float64Array

/** Samples per anchor step of a decay (its table holds r⁰ … r¹²⁸). */
const DECAY_CHUNK = 128

/** f64 words of a decay record (8 scalars, the 129 powers, one word of padding: a 16-byte multiple). */
export const DECAY_WORDS = 8 + DECAY_CHUNK + 2

/** A zeroed decay (silent until reset). @example const d = decayState() */
export const decayState = (): Decay => new Float64Array(DECAY_WORDS)

/**
 * Restarts a decay: −60 dB after `decayMs`, starting `start` samples in, with an optional linear attack.
 * r = 1 − 6.91/(decay_ms·sr/1000); the first sample past the start, at c − 1 = ⌈s⌉, is exp((⌈s⌉ − s)·log r).
 * @param decayMs ms  @param start samples  @param sampleRate Hz  @param attack A samples (exp-decay envelope) or 0
 * @example resetDecay(d, 200, 0, 48000, 48)
 */
export const resetDecay = (d: Decay, decayMs: number, start: number, sampleRate: number, attack = 0): void => {
  const logRate = Math.log(1 - 6.91 / ((decayMs * sampleRate) / 1000))
  const s = start + attack
  d[0] = 0
  d[1] = s
  d[2] = logRate
  d[3] = Math.exp(logRate)
  d[4] = 0
  d[5] = attack
  d[6] = Math.exp((Math.ceil(s) - s) * logRate)
  d[7] = 0
  d[8] = 1
  for (let j = 1; j <= DECAY_CHUNK; j++) d[8 + j] = d[7 + j]! * d[3]!
}

/**
 * The next value: with c the 1-based sample count, c/A while c < A + ½ (attack), else 0 while
 * c − 1 < s, else the first value at c − 1 = ⌈s⌉, then anchor·rʲ (j = 1 … 127, the anchor ×r¹²⁸ at j = 128 → 0).
 * @example nextDecay(d)
 */
export const nextDecay = (d: Decay): number => {
  const c = d[0]! + 1
  d[0] = c
  const attack = d[5]!
  if (attack > 0 && c < attack + 0.5) return c / attack
  const since = c - 1 - d[1]!
  if (since < 0) return 0
  if (since < 1) {
    d[4] = d[6]!
    d[7] = 1
    return d[6]!
  }
  const j = d[7]!
  const v = d[4]! * d[8 + j]!
  if (j + 1 === DECAY_CHUNK) {
    d[4] = d[4]! * d[8 + DECAY_CHUNK]!
    d[7] = 0
  } else d[7] = j + 1
  return v
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
 * Block forms of the kernels: each fills or filters a typed buffer over `count` samples in one
 * tight loop, so per-sample values never cross a (possibly not inlined) function boundary.
 * `wasm/drums/*.wat` (`decay`) holds a twin of this loop.
 * @example decayBlock(d, env, 128)
 */
export const decayBlock = (d: Decay, out: Float64Array, count: number): void => {
  // nextDecay's phases come in order (attack, silence before the start, the first sample, anchor·rʲ);
  // the last (almost every sample) runs as runs of anchor·rʲ up to the next anchor step
  const s = d[1]!
  let i = 0
  while (i < count && d[0]! - s < 1) out[i++] = nextDecay(d)
  d[0] = d[0]! + (count - i)
  let anchor = d[4]!
  let j = d[7]!
  while (i < count) {
    const m = Math.min(DECAY_CHUNK - j, count - i)
    for (let t = 0; t < m; t++) out[i + t] = anchor * d[8 + j + t]!
    i += m
    j += m
    if (j === DECAY_CHUNK) {
      anchor = anchor * d[8 + DECAY_CHUNK]!
      j = 0
    }
  }
  d[4] = anchor
  d[7] = j
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
 * The next `count` samples of a square bank, from `table` (its exact first samples) while it lasts, then from
 * its squares' band-limited tables (`square-table.ts`, within 2e-8 of the exact sum) when `shapes` are given, else
 * summed exactly (`squaresStep`, tens of ns per partial-rich sample).
 * @example squaresBlock(bank, undefined, y, 128)
 */
export const squaresBlock = (b: Squares, table: Float64Array | undefined, out: Float64Array, count: number, shapes?: readonly Float64Array[]): void => {
  const n = b.freqs.length
  for (let i = 0; i < count; i++) {
    if (table !== undefined && b.n < table.length) out[i] = table[b.n++]!
    else if (shapes === undefined) out[i] = squaresStep(b)
    else {
      let total = 0
      // a table holds its N points and four more (`squareWords`): N from its length, not squarePoints(kmax) per sample
      for (let k = 0; k < n; k++) total += squareAt(shapes[k]!, (b.n * b.freqs[k]!) / b.sampleRate, shapes[k]!.length - 4) / n
      b.n++
      out[i] = total
    }
  }
}
