/**
 * Low-frequency oscillators as closed forms of the phase in cycles,
 * φ(t) = rate·t + φ₀ with t = n/sr, and fr = φ − ⌊φ⌋:
 *   sine      sin 2πφ
 *   triangle  1 − 4·|frac(φ + ¼) − ½|      (0 at φ = 0, rising)
 *   saw       2·fr − 1
 *   square    +1 for fr < ½, −1 otherwise   (no gradient w.r.t. rate or phase)
 *   sampleHold a seeded uniform value in [−1, 1) per cycle, held
 * Sine, triangle and saw are differentiable in rate and φ₀ (a.e.).
 *
 * @example
 * const vibrato = mul(5, lfo('sine', 6, 48000, 48000))   // ±5 Hz at 6 Hz
 */
import { abs, floor, less, mul, select, sin, sub, add } from '../core/math.js'
import { noise, withRate, type Operand, type Signal } from '../core/signal.js'
import { gather } from '../core/tensor.js'
import { sampleCounts } from './time.js'

/** LFO waveforms. */
export type LfoShape = 'sine' | 'triangle' | 'saw' | 'square' | 'sampleHold'

/** Options of `lfo`. */
export interface LfoOptions {
  /** Initial phase in cycles (default 0). */
  readonly phase?: Operand
  /** Seed of the sample-and-hold values (default 0). */
  readonly seed?: number
  /** Highest rate the sample-and-hold table must cover, Hz (default 100). */
  readonly maxRate?: number
}

const frac = (x: Signal<'audio'>): Signal<'audio'> => sub(x, floor(x))

/**
 * An LFO of `n` samples.
 * @param shape waveform  @param rate Hz, a number or static `[B, 1]`
 * @param n samples  @param sampleRate Hz
 * @returns audio `[B, n]` in [−1, 1]
 * @example lfo('triangle', param('rate', [1, 1]), 16000, 16000)
 */
export const lfo = (shape: LfoShape, rate: Operand, n: number, sampleRate: number, options: LfoOptions = {}): Signal<'audio'> => {
  const t = withRate(mul(sub(sampleCounts(n), 1), 1 / sampleRate).node, 'audio')
  const phase = add(mul(t, rate), options.phase ?? 0) as Signal<'audio'>
  switch (shape) {
    case 'sine':
      return sin(mul(2 * Math.PI, phase))
    case 'triangle':
      return sub(1, mul(4, abs(sub(frac(add(phase, 0.25)), 0.5))))
    case 'saw':
      return sub(mul(2, frac(phase)), 1)
    case 'square':
      return select(less(frac(phase), 0.5), 1, -1)
    case 'sampleHold': {
      const cycles = Math.ceil(((options.maxRate ?? 100) * n) / sampleRate) + 2
      // a static table read at audio-rate indices gives an audio-rate signal
      return withRate(gather(noise(options.seed ?? 0, [cycles], 'static'), floor(phase), 0).node, 'audio')
    }
  }
}
