/**
 * The magnitude spectrogram the frame-wise spectral features share (librosa
 * defaults: periodic Hann, nFft 2048, hop nFft/4, centred frames), its bin
 * frequencies, and the option checks.
 *
 * @example
 * import { featureSpectrum, binFrequencies } from 'ddsp-ts/features'
 * const s = featureSpectrum(input('x', [1, 16000], 'audio'), { sampleRate: 16000, nFft: 1024, hop: 160 })  // [1, 101, 513]
 * binFrequencies(16000, 1024)[1] // 15.625 Hz
 */
import type { Node } from '../core/node.js'
import type { Signal } from '../core/signal.js'
import { dimsOf, isPosInt } from '../dsp/guard.js'
import { magnitude, stft } from '../dsp/stft.js'

/** STFT options of the spectral features. */
export interface SpectrumOptions {
  /** Sample rate (Hz). */
  readonly sampleRate: number
  /** FFT and frame length (samples); default 2048. */
  readonly nFft?: number
  /** Samples between frames; default nFft/4. */
  readonly hop?: number
  /** Zero-pad nFft/2 at both ends so frame f is centred on sample f·hop; default true. */
  readonly center?: boolean
}

/** Options with defaults filled in. */
export interface ResolvedSpectrum {
  readonly sampleRate: number
  readonly nFft: number
  readonly hop: number
  readonly center: boolean
}

/**
 * Fills the defaults of `SpectrumOptions`.
 * @param o options  @example resolveSpectrum({ sampleRate: 16000 }).hop // 512
 */
export const resolveSpectrum = (o: SpectrumOptions): ResolvedSpectrum => {
  const nFft = o.nFft ?? 2048
  return { sampleRate: o.sampleRate, nFft, hop: o.hop ?? Math.floor(nFft / 4), center: o.center ?? true }
}

/**
 * A message if `x` is not audio `[B, N]` or the options are bad, else `undefined`.
 * @param what feature name for the message  @example checkSpectrum('centroid', x, resolveSpectrum(o))
 */
export const checkSpectrum = (what: string, x: Signal<'audio'>, o: ResolvedSpectrum): string | undefined =>
  dimsOf(x, 2) === undefined
    ? `${what} needs audio [batch, samples]`
    : !(o.sampleRate > 0) || !isPosInt(o.nFft) || !isPosInt(o.hop)
      ? `${what}: bad sampleRate ${o.sampleRate}, nFft ${o.nFft} or hop ${o.hop}`
      : undefined

/**
 * Bin centre frequencies f_k = k·sampleRate/nFft, k = 0…nFft/2 (librosa `fft_frequencies`).
 * @param sampleRate Hz  @param nFft FFT length
 * @example binFrequencies(16000, 512).length // 257
 */
export const binFrequencies = (sampleRate: number, nFft: number): number[] =>
  Array.from({ length: Math.floor(nFft / 2) + 1 }, (_, k) => (k * sampleRate) / nFft)

/**
 * |STFT| `[B, F, nFft/2+1]` as a node (for composite bodies).
 * @param x audio `[B, N]`  @param o resolved options
 * @example featureSpectrum(x, resolveSpectrum({ sampleRate: 16000 }))
 */
export const featureSpectrum = (x: Signal<'audio'>, o: ResolvedSpectrum): Node =>
  magnitude(stft(x, o.nFft, o.hop, { center: o.center })).node
