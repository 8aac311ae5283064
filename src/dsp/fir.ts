/**
 * Frequency-sampling FIR design and time-varying filtering, as DDSP
 * `frequency_impulse_response` / `frequency_filter`. Magnitudes on M bins
 * linear from DC to Nyquist are read as a zero-phase spectrum; irfft gives the
 * even impulse response h₀ of length L = 2(M−1); it is rolled to causal form,
 * centred on tap c, and tapered by a Hann window of W taps:
 *   ir[k] = ½(1 + cos(2π(k − c)/W)) · h₀[(k − c) mod L],  k = 0…L_out−1,
 * with W = L when windowSize ≤ 0 or > L. W = L gives L_out = L, c = L/2
 * (identical to DDSP's fftshift form; tap 0 is 0). W < L gives an odd
 * L_out (W, or W−1 for even W) and c = (L_out−1)/2, exactly symmetric, so
 * `fftConvolve`'s default delay compensation ⌊L_out/2⌋ aligns it exactly.
 * `ddspCompat` reproduces DDSP's W < L trim instead (window centred half a
 * sample off, peak at ⌊(W+1)/2⌋ − 2; ddsp-anchors §2.6).
 *
 * @example
 * import { frequencyFilter } from 'ddsp-ts/dsp'
 * const mags = expSigmoid(input('raw', [1, 1000, 65], 'control'))
 * const white = noise(7, [1, 64000])
 * const y = frequencyFilter(white, mags)                 // 128-tap FIRs, one per frame
 * const irs = frequencyImpulseResponse(mags, 0)          // [1, 1000, 128]
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import { fusible } from '../core/fusible.js'
import { type Rate, type Signal, withRate } from '../core/signal.js'
import { firTable } from '../host/fir.js'
import { fftConvolve, frameConvolve, type ConvolveOptions } from './convolve.js'
import { dimsOf, invalid } from './guard.js'

/** Options of FIR design. */
export interface FirOptions {
  /** Reproduce DDSP's asymmetric trim for window sizes below the IR length (default false). */
  readonly ddspCompat?: boolean
}

/**
 * Impulse responses from zero-phase magnitudes (see the module header for the formula).
 * Ref: Smith, "Spectral Audio Signal Processing", "Window Method for FIR Filter Design"; magenta/ddsp `core.frequency_impulse_response`.
 * @param magnitudes linear gains `[..., M]` (M ≥ 2 bins, DC…Nyquist)  @param windowSize Hann taps W (≤ 0: the IR length 2(M−1))
 * @param options ddspCompat
 * @returns causal IRs `[..., L_out]`, peak at tap ⌊L_out/2⌋ (default)
 * @example frequencyImpulseResponse(mags, 257)
 */
export const frequencyImpulseResponse = <R extends Rate>(magnitudes: Signal<R>, windowSize = 0, options: FirOptions = {}): Signal<R> => {
  const shape = magnitudes.shape
  const nBins = shape?.at(-1)
  if (shape === undefined || nBins === undefined || nBins < 2 || !Number.isInteger(windowSize))
    return invalid(magnitudes, 'frequencyImpulseResponse needs magnitudes [..., bins ≥ 2] and an integer windowSize', magnitudes.rate)
  const l = 2 * (nBins - 1)
  const t = firTable(nBins, windowSize, options.ddspCompat === true)
  const body = (m: Signal<R>): Signal<R> => {
    const spec = B.pad(B.reshape(m.node, [...shape, 1]), shape.map(() => 0).concat(0), shape.map(() => 0).concat(1))
    const h0 = B.irfft(spec, l)
    const taps = B.gather(h0, B.constant(t.idx, [t.idx.length]), shape.length - 1)
    return withRate(B.mul(taps, B.constant(t.win, [t.win.length])), m.rate)
  }
  return fusible('dsp.frequencyImpulseResponse', body, { attrs: { windowSize, ddspCompat: options.ddspCompat === true } })(magnitudes)
}

/**
 * Time-varying FIR filtering by frequency sampling: `frameConvolve(audio, frequencyImpulseResponse(magnitudes, windowSize))`,
 * or `fftConvolve` for one set of magnitudes `[B, M]`. With `ddspCompat` both the design and the delay compensation are DDSP's.
 * Ref: magenta/ddsp `core.frequency_filter`; Engel et al., "DDSP", ICLR 2020, §3.3.
 * @param audio `[B, N]`  @param magnitudes `[B or 1, F, M]` per frame (control rate) or `[B or 1, M]`
 * @param windowSize Hann taps (≤ 0: 2(M−1))  @param options padding ('same') and ddspCompat
 * @returns filtered audio `[B, N]` for 'same'
 * @example frequencyFilter(noise(1, [1, 64000]), mags, 257)
 */
export const frequencyFilter = (
  audio: Signal<'audio'>,
  magnitudes: Signal<Rate>,
  windowSize = 0,
  options: ConvolveOptions & FirOptions = {},
): Signal<'audio'> => {
  const framed = dimsOf(magnitudes, 3) !== undefined
  const conv = framed ? frameConvolve : fftConvolve
  if (!framed && dimsOf(magnitudes, 2) === undefined)
    return invalid(audio, 'frequencyFilter needs magnitudes [B, frames, bins] or [B, bins]', 'audio')
  const design: FirOptions = options.ddspCompat === true ? { ddspCompat: true } : {}
  const body = (x: Signal<'audio'>, m: Signal<Rate>) => conv(x, frequencyImpulseResponse(m, windowSize, design), options)
  return composite('dsp.frequencyFilter', body, { attrs: { windowSize, ...options } })(audio, magnitudes)
}
