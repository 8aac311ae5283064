/**
 * The DDSP harmonic synthesizer (ddsp `synths.Harmonic`), exactly:
 *   a = expSigmoid(amplitudes), c = expSigmoid(distribution)   (if scaled)
 *   c_k ← 0 where k·f0 ≥ sr/2 (frame rate; only if normalizeBelowNyquist),
 *   then always c ← c/Σₖcₖ, the sum replaced by 1e-7 where it is exactly 0
 *   (ddsp `normalize_harmonics` → `safe_divide`, `tf.where(d == 0, eps, d)`:
 *   ddsp's Harmonic normalises whether or not it removes above Nyquist, and
 *   a negative sum of unscaled weights divides as it is)
 *   f_k = k·f0·√(1 + β·k²)   (β = 0: harmonic; β > 0: stiff-string inharmonicity)
 *   A_k = a·c_k
 *   y = harmonicBank(f0, A, r) = oscillatorBank(upsample(f_k, 'linear'), upsample(A_k, 'window'))
 * Controls are frames: amplitudes `[B, F, 1]`, distribution `[B, F, K]`,
 * f0 `[B, F, 1]` in Hz. Engel et al., "DDSP", ICLR 2020, §3.
 *
 * @example
 * const y = harmonic(amps, dist, f0, { samples: 64000, sampleRate: 16000 })
 */
import { div, less, mul, select } from '../core/math.js'
import { constant, type Signal } from '../core/signal.js'
import { reshape, sum } from '../core/tensor.js'
import type { UpsampleMethod } from '../host/upsample.js'
import { expSigmoid } from '../dsp/scale.js'
import { harmonicBank } from './harmonic-bank.js'

/** Options of the harmonic synth. */
export interface HarmonicOptions {
  readonly samples: number
  readonly sampleRate: number
  /** Apply ddsp's exp-sigmoid to amplitudes and distribution (default true). */
  readonly scale?: boolean
  /** Zero harmonics at or above Nyquist before normalising (default true); the distribution is normalised either way, as ddsp. */
  readonly normalizeBelowNyquist?: boolean
  /** Amplitude upsampling (default 'window', as ddsp). */
  readonly ampResample?: UpsampleMethod
  /** Stiff-string inharmonicity β ≥ 0 (default 0). */
  readonly inharmonicity?: number
}

/**
 * Renders harmonic audio from frame-rate controls.
 * @returns audio `[B, samples]`
 * @example harmonic(param('amp', [1, 250, 1], 'control'), param('dist', [1, 250, 60], 'control'), f0, { samples: 64000, sampleRate: 16000 })
 */
export const harmonic = (
  amplitudes: Signal<'control'>,
  distribution: Signal<'control'>,
  f0: Signal<'control'>,
  o: HarmonicOptions,
): Signal<'audio'> => {
  const [B, F, K] = distribution.shape ?? [1, 1, 1]
  const scaled = o.scale ?? true
  const a = scaled ? expSigmoid(amplitudes) : amplitudes
  let c = scaled ? expSigmoid(distribution) : distribution
  const beta = o.inharmonicity ?? 0
  const ratios = Array.from({ length: K! }, (_, i) => (i + 1) * Math.sqrt(1 + beta * (i + 1) ** 2))
  const fk = mul(f0, constant(ratios, [1, 1, K!]))
  if (o.normalizeBelowNyquist ?? true) c = mul(c, less(fk, o.sampleRate / 2))
  const total = reshape(sum(c, [2]), [B!, F!, 1])
  // safe_divide: Σc where it is not 0 (positive or negative), else 1e-7
  c = div(c, select(less(0, total), total, select(less(total, 0), total, 1e-7)))
  const ak = mul(a, c)
  return harmonicBank(f0, ak, { samples: o.samples, sampleRate: o.sampleRate, ratios, ampResample: o.ampResample ?? 'window' })
}
