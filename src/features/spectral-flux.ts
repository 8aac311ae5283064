/**
 * Spectral flux onset strength: the half-wave rectified frame-to-frame increase
 * of log-compressed magnitudes, averaged over bins:
 *   Γ[b, f] = (1/K)·Σ_k max(0, ln(1 + γ|X[b,f,k]|) − ln(1 + γ|X[b,f−1,k]|)),  Γ[b, 0] = 0.
 * A differentiable composite (max is piecewise linear); onset picking on it is not.
 * Ref: S. Böck & G. Widmer, "Maximum filter vibrato suppression for onset detection",
 * DAFx 2013 (log-magnitude flux); S. Dixon, "Onset detection revisited", DAFx 2006.
 *
 * @example
 * import { spectralFlux } from 'ddsp-ts/features'
 * const g = spectralFlux(input('x', [1, 16000], 'audio'), { sampleRate: 16000, nFft: 512, hop: 80 })  // [1, 201]
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import { shapeOf } from '../core/node.js'
import { type Signal, withRate } from '../core/signal.js'
import { invalid } from '../dsp/guard.js'
import { checkSpectrum, featureSpectrum, resolveSpectrum, type SpectrumOptions } from './spectrum.js'

/** Options of `spectralFlux`: the spectrum options plus the log compression γ. */
export interface FluxOptions extends SpectrumOptions {
  /** Compression γ in ln(1 + γ|X|); default 100. */
  readonly gamma?: number
}

/**
 * Spectral flux per frame (mean over bins of the rectified log-magnitude increase).
 * @param x audio `[B, N]`  @param opts sampleRate (Hz), nFft (2048), hop (nFft/4), center (true), gamma (100)
 * @returns control `[B, frames]`, ≥ 0 (nats per bin)
 * @example spectralFlux(x, { sampleRate: 44100, nFft: 1024, hop: 220 })
 */
export const spectralFlux = (x: Signal<'audio'>, opts: FluxOptions): Signal<'control'> => {
  const o = resolveSpectrum(opts)
  const gamma = opts.gamma ?? 100
  const bad = checkSpectrum('spectralFlux', x, o) ?? (gamma > 0 ? undefined : `spectralFlux: gamma must be > 0, got ${gamma}`)
  if (bad !== undefined) return invalid(x, bad, 'control')
  const body = (s: Signal<'audio'>): Signal<'control'> => {
    const l = B.log(B.add(B.mul(featureSpectrum(s, o), B.scalar(gamma)), B.scalar(1)))
    const [b, f, k] = shapeOf(l) as [number, number, number]
    if (f < 2) return withRate(B.zeros([b, f]), 'control')
    const rise = B.maximum(B.sub(B.slice(l, [0, 1, 0], [b, f - 1, k]), B.slice(l, [0, 0, 0], [b, f - 1, k])), B.scalar(0))
    const flux = B.mul(B.sum(rise, [-1]), B.scalar(1 / k))
    return withRate(B.pad(flux, [0, 1], [0, 0]), 'control')
  }
  return composite('features.spectralFlux', body, { attrs: { ...o, gamma } })(x)
}
