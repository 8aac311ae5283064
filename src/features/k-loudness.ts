/**
 * K-weighted loudness (ITU-R BS.1770-4) per block, single channel, without
 * gating: the K filter (a +4 dB high-shelf "pre-filter" for the head, then the
 * RLB high-pass) as two biquads, mean square per block, L = −0.691 + 10·log10(z).
 * Coefficients for any sample rate follow from the analog prototypes (libebur128's
 * derivation; at 48 kHz they reproduce BS.1770-4 Tables 1 and 2). Differentiable.
 * Ref: ITU-R BS.1770-4 (10/2015) §2.1–2.3; libebur128 `ebur128_init_filter`.
 *
 * @example
 * import { kLoudness } from 'ddsp-ts/features'
 * const l = kLoudness(input('x', [1, 48000], 'audio'), { sampleRate: 48000 })  // [1, 7] LKFS, 400 ms blocks every 100 ms
 * // a 997 Hz full-scale sine gives −3.01 LKFS
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import { type Signal, withRate } from '../core/signal.js'
import { biquad, type BiquadCoefficients } from '../dsp/biquad.js'
import { frame } from '../dsp/frame.js'
import { dimsOf, invalid, isPosInt } from '../dsp/guard.js'
import { powerToDbNode } from './db.js'

/** Numeric biquad coefficients (a0 = 1). */
export interface NumericBiquad extends BiquadCoefficients {
  readonly b0: number
  readonly b1: number
  readonly b2: number
  readonly a1: number
  readonly a2: number
}

/**
 * The two K-weighting stages at `sampleRate`: a high shelf (f0 ≈ 1681.97 Hz, G ≈ +4 dB, Q ≈ 0.7072) and the
 * RLB high-pass (f0 ≈ 38.14 Hz, Q ≈ 0.5003), bilinear transforms with K = tan(π·f0/fs).
 * Ref: BS.1770-4 Tables 1–2 (48 kHz); libebur128 (other rates).
 * @param sampleRate Hz
 * @returns [pre-filter, RLB high-pass]
 * @example kWeightingCoefficients(48000)[0].b0 // ≈ 1.53512485958697
 */
export const kWeightingCoefficients = (sampleRate: number): readonly [NumericBiquad, NumericBiquad] => {
  const shelfK = Math.tan((Math.PI * 1681.974450955533) / sampleRate)
  const q1 = 0.7071752369554196
  const vh = 10 ** (3.999843853973347 / 20)
  const vb = vh ** 0.4996667741545416
  const a0 = 1 + shelfK / q1 + shelfK * shelfK
  const shelf = {
    b0: (vh + (vb * shelfK) / q1 + shelfK * shelfK) / a0,
    b1: (2 * (shelfK * shelfK - vh)) / a0,
    b2: (vh - (vb * shelfK) / q1 + shelfK * shelfK) / a0,
    a1: (2 * (shelfK * shelfK - 1)) / a0,
    a2: (1 - shelfK / q1 + shelfK * shelfK) / a0,
  }
  const hpK = Math.tan((Math.PI * 38.13547087602444) / sampleRate)
  const q2 = 0.5003270373238773
  const d = 1 + hpK / q2 + hpK * hpK
  const highpass = { b0: 1, b1: -2, b2: 1, a1: (2 * (hpK * hpK - 1)) / d, a2: (1 - hpK / q2 + hpK * hpK) / d }
  return [shelf, highpass]
}

/** Options of `kLoudness`. */
export interface KLoudnessOptions {
  /** Sample rate (Hz). */
  readonly sampleRate: number
  /** Block length (samples); default 0.4·sampleRate (BS.1770 gating block / momentary loudness). */
  readonly blockLength?: number
  /** Samples between blocks; default 0.1·sampleRate (75 % overlap). */
  readonly hop?: number
  /** Floor of the output (LKFS is floored at −rangeDb); default 120. */
  readonly rangeDb?: number
}

/**
 * Loudness per block (LKFS): L[b, j] = −0.691 + 10·log10(1/T·Σ_{n ∈ block j} y[b,n]²), y = K-filtered x,
 * floored at −rangeDb (and the mean square at 10^{−rangeDb/10}, so silence is finite).
 * Ref: ITU-R BS.1770-4 eq. (1)–(2) for one channel (G = 1), no gating.
 * @param x audio `[B, N]` (full scale ±1)  @param o sampleRate (Hz), blockLength (0.4 s), hop (0.1 s), rangeDb (120)
 * @returns control `[B, blocks]` in LKFS; blocks = ⌊(N − T)/hop⌋ + 1
 * @example kLoudness(x, { sampleRate: 44100, blockLength: 1024, hop: 441 })
 */
export const kLoudness = (x: Signal<'audio'>, o: KLoudnessOptions): Signal<'control'> => {
  const { sampleRate, rangeDb = 120 } = o
  const blockLength = o.blockLength ?? Math.round(0.4 * sampleRate)
  const hop = o.hop ?? Math.round(0.1 * sampleRate)
  const shape = dimsOf(x, 2)
  if (shape === undefined) return invalid(x, 'kLoudness needs audio [batch, samples]', 'control')
  if (!(sampleRate > 0) || !isPosInt(blockLength) || !isPosInt(hop) || !(rangeDb > 0))
    return invalid(x, `kLoudness: bad sampleRate ${sampleRate}, blockLength ${blockLength}, hop ${hop} or rangeDb ${rangeDb}`, 'control')
  if (shape[1]! < blockLength) return invalid(x, `kLoudness: ${shape[1]} samples are shorter than one block of ${blockLength}`, 'control')
  const [shelf, highpass] = kWeightingCoefficients(sampleRate)
  const body = (s: Signal<'audio'>): Signal<'control'> => {
    const y = biquad(biquad(s, shelf), highpass)
    const f = frame(y, blockLength, hop).node
    const z = B.mul(B.sum(B.mul(f, f), [-1]), B.scalar(1 / blockLength))
    return withRate(powerToDbNode(z, 0.691, rangeDb), 'control')
  }
  return composite('features.kLoudness', body, { attrs: { sampleRate, blockLength, hop, rangeDb } })(x)
}
