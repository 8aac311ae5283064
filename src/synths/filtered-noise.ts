/**
 * Filtered noise (ddsp `synths.FilteredNoise`) and the FIR filter effect
 * (ddsp `effects.FIRFilter`): time-varying FIR filters designed by frequency
 * sampling from per-frame band magnitudes (linear bins from DC to Nyquist),
 * applied by frame-wise FFT convolution.
 *   mags = expSigmoid(raw + initialBias)   (scaled; bias −5 makes it start near silent)
 *   y = frequencyFilter(U(−1, 1) noise, mags, windowSize)
 * Unlike ddsp, whose noise is redrawn on every call, the noise is seeded, so a
 * render and its gradient are reproducible.
 *
 * @example
 * const hiss = filteredNoise(param('bands', [1, 250, 65], 'control'), { samples: 64000 })
 */
import { add } from '../core/math.js'
import { noise, type Rate, type Signal } from '../core/signal.js'
import { frequencyFilter } from '../dsp/fir.js'
import { expSigmoid } from '../dsp/scale.js'

/** Options of `filteredNoise`. */
export interface FilteredNoiseOptions {
  readonly samples: number
  /** FIR length in taps (ddsp default 257; ≤ 0: 2·(bands − 1)). */
  readonly windowSize?: number
  /** Apply ddsp's exp-sigmoid to raw + initialBias (default true). */
  readonly scale?: boolean
  /** Added before scaling (default −5, as ddsp). */
  readonly initialBias?: number
  /** Noise seed (default 0). */
  readonly seed?: number
}

const scaled = <R extends Rate>(m: Signal<R>, on: boolean, bias: number): Signal<R> =>
  on ? expSigmoid(add(m, bias)) : m

/**
 * Noise shaped by time-varying band magnitudes.
 * @param magnitudes control `[B, F, bands]` (frames must divide `samples`)
 * @returns audio `[B, samples]`
 * @example filteredNoise(mags, { samples: 64000, windowSize: 257 })
 */
export const filteredNoise = (magnitudes: Signal<'control'>, o: FilteredNoiseOptions): Signal<'audio'> => {
  const B = magnitudes.shape?.[0] ?? 1
  const white = noise(o.seed ?? 0, [B, o.samples])
  return frequencyFilter(white, scaled(magnitudes, o.scale ?? true, o.initialBias ?? -5), o.windowSize ?? 257)
}

/**
 * Filters audio by (optionally exp-sigmoid-scaled) band magnitudes, per frame or static.
 * @param magnitudes control `[B, F, bands]` or static `[B, bands]`
 * @example firFilter(x, param('eq', [1, 65]), 257)
 */
export const firFilter = (audio: Signal<'audio'>, magnitudes: Signal<'control'> | Signal<'static'>, windowSize = 257, scale = true): Signal<'audio'> =>
  frequencyFilter(audio, scaled(magnitudes as Signal<Rate>, scale, 0), windowSize)
