/**
 * Band-limited oscillators by additive synthesis of their Fourier series,
 * with every harmonic at or above Nyquist masked out per sample, so nothing
 * aliases whatever the frequency (an 8 kHz saw at 48 kHz has two harmonics).
 * With φ the phase in cycles and f the frequency (Hz) per sample:
 *   saw       2·frac(φ) − 1     = −(2/π) Σₖ sin(2πkφ)/k
 *   pulse(w)  ±1, +1 on [0, w)  = (2w − 1) + Σₖ (4/(πk))·sin(πkw)·cos(2πk(φ − w/2))
 *   triangle  (peak 1 at φ=¼)   = (8/π²) Σ_{k odd} (−1)^((k−1)/2)·sin(2πkφ)/k²
 * Differentiable in φ (so in the frequency driving it) and in the pulse width.
 * Reference: J. O. Smith, "Spectral Audio Signal Processing", band-limited
 * waveforms by harmonic summation.
 *
 * @example
 * const t = …; const y = bandlimited('saw', mul(220, t), constant(220), 48000, 200)
 */
import { add, cos, less, mul, sin, sub } from '../core/math.js'
import { constant, withRate, type Operand, type Signal } from '../core/signal.js'
import { reshape, sum } from '../core/tensor.js'

/** Waveforms. */
export type Waveform = 'saw' | 'square' | 'pulse' | 'triangle'

/** Options: pulse width in (0, 1) for `'pulse'` (`'square'` is width ½). */
export interface BandlimitedOptions {
  readonly width?: Operand
}

/**
 * A band-limited oscillator.
 * @param phase cycles, audio `[B, T]`  @param freq Hz, `[B, T]` or broadcastable (masks harmonics ≥ sr/2)
 * @param sampleRate Hz  @param harmonics how many harmonics to sum at most (enough for the lowest frequency you play)
 * @returns audio `[B, T]` in [−1, 1] (up to Gibbs ripple)
 * @example bandlimited('square', phase, 440, 48000, 54)
 */
export const bandlimited = (
  shape: Waveform,
  phase: Signal<'audio'>,
  freq: Operand,
  sampleRate: number,
  harmonics: number,
  options: BandlimitedOptions = {},
): Signal<'audio'> => {
  const [B, T] = phase.shape ?? [1, 1]
  const ks = Array.from({ length: harmonics }, (_, i) => i + 1)
  const k = constant(ks, [1, 1, harmonics])
  const phi = reshape(phase, [B!, T!, 1])
  const f = typeof freq === 'number' ? freq : reshape(freq as Signal<'audio'>, [(freq.shape ?? [1, 1])[0]!, (freq.shape ?? [1, 1])[1]!, 1])
  const audible = less(mul(k, f), sampleRate / 2) // [B, T, K]: 1 below Nyquist
  const angle = mul(2 * Math.PI, mul(k, phi))
  const series = (terms: Signal<'audio'>) => withRate(sum(mul(audible, terms), [2]).node, 'audio')
  switch (shape) {
    case 'saw':
      return series(mul(constant(ks.map((j) => -2 / (Math.PI * j)), [1, 1, harmonics]), sin(angle)))
    case 'triangle': {
      const c = ks.map((j) => (j % 2 === 1 ? ((j % 4 === 1 ? 1 : -1) * 8) / (Math.PI * Math.PI * j * j) : 0))
      return series(mul(constant(c, [1, 1, harmonics]), sin(angle)))
    }
    case 'square':
    case 'pulse': {
      const w = shape === 'square' ? 0.5 : options.width ?? 0.5
      const wk = typeof w === 'number' ? w : reshape(w as Signal<'static'>, [(w.shape ?? [1])[0] ?? 1, 1, 1])
      const amp = mul(constant(ks.map((j) => 4 / (Math.PI * j)), [1, 1, harmonics]), sin(mul(Math.PI, mul(k, wk))))
      const dc = sub(mul(2, wk), 1) // [B, 1, 1] or a scalar
      return withRate(add(reshape(dc, [dc.shape?.[0] ?? 1, 1]), series(mul(amp, cos(sub(angle, mul(Math.PI, mul(k, wk))))))).node, 'audio')
    }
  }
}
