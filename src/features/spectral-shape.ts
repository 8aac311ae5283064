/**
 * Frame-wise spectral shape descriptors of the magnitude spectrogram S[b, f, k]:
 * centroid, bandwidth, flatness and roll-off, as differentiable composites.
 * Divisions are guarded with ε so silence gives finite values and gradients.
 * Ref: G. Peeters, "A large set of audio features for sound description",
 * IRCAM CUIDADO report, 2004, §6.1; librosa `feature.spectral_*`.
 *
 * @example
 * import { spectralCentroid, spectralFlatness } from 'ddsp-ts/features'
 * const x = input('x', [1, 16000], 'audio')
 * const c = spectralCentroid(x, { sampleRate: 16000, nFft: 1024, hop: 160 })   // [1, 101] Hz
 * const sfm = spectralFlatness(x, { sampleRate: 16000 })                          // [1, 32] in (0, 1]
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import { shapeOf, type Node } from '../core/node.js'
import { type Signal, withRate } from '../core/signal.js'
import { invalid } from '../dsp/guard.js'
import { binFrequencies, checkSpectrum, featureSpectrum, resolveSpectrum, type ResolvedSpectrum, type SpectrumOptions } from './spectrum.js'

/** ε added to Σ_k S_k before dividing (the magnitude floor is already 1e-9 per bin). */
export const SPECTRAL_EPS = 1e-10
/** Power floor of `spectralFlatness` (librosa amin). */
export const FLATNESS_AMIN = 1e-10

const k = B.scalar

/** Builds a [B, F] control composite from a body on |S| `[B, F, K]` and the bin frequencies `[K]`. */
const spectral = (name: string, x: Signal<'audio'>, opts: SpectrumOptions, f: (s: Node, freqs: Node, o: ResolvedSpectrum) => Node, attrs: Record<string, unknown> = {}): Signal<'control'> => {
  const o = resolveSpectrum(opts)
  const bad = checkSpectrum(name, x, o)
  if (bad !== undefined) return invalid(x, bad, 'control')
  const fk = binFrequencies(o.sampleRate, o.nFft)
  const freqs = B.constant(fk, [fk.length])
  const body = (s: Signal<'audio'>): Signal<'control'> => withRate(f(featureSpectrum(s, o), freqs, o), 'control')
  return composite(`features.${name}`, body, { attrs: { ...o, ...attrs } })(x)
}

/** Σ_k over the last axis. */
const total = (n: Node): Node => B.sum(n, [-1])
/** c = Σ f_k S_k / (Σ S_k + ε), `[B, F]`. */
const centroidOf = (s: Node, freqs: Node): Node => B.div(total(B.mul(s, freqs)), B.add(total(s), k(SPECTRAL_EPS)))

/**
 * Spectral centroid (Hz): c[b, f] = Σ_k f_k·S[b,f,k] / (Σ_k S[b,f,k] + ε).
 * Ref: Peeters 2004 §6.1.1; librosa `spectral_centroid`.
 * @param x audio `[B, N]`  @param o sampleRate (Hz), nFft (2048), hop (nFft/4), center (true)
 * @returns control `[B, frames]` in Hz
 * @example spectralCentroid(x, { sampleRate: 16000 }) // ≈ 1000 Hz for a 1 kHz sine
 */
export const spectralCentroid = (x: Signal<'audio'>, o: SpectrumOptions): Signal<'control'> =>
  spectral('spectralCentroid', x, o, (s, freqs) => centroidOf(s, freqs))

/**
 * Spectral bandwidth (Hz, p = 2): √(Σ_k S_k·(f_k − c)² / (Σ_k S_k + ε) + ε), c the centroid.
 * Ref: Peeters 2004 §6.1.1 (spectral spread); librosa `spectral_bandwidth(p=2)`.
 * @param x audio `[B, N]`  @param o sampleRate (Hz), nFft (2048), hop (nFft/4), center (true)
 * @returns control `[B, frames]` in Hz
 * @example spectralBandwidth(x, { sampleRate: 16000 })
 */
export const spectralBandwidth = (x: Signal<'audio'>, o: SpectrumOptions): Signal<'control'> =>
  spectral('spectralBandwidth', x, o, (s, freqs) => {
    const c = B.reshape(centroidOf(s, freqs), [...shapeOf(s).slice(0, -1), 1])
    const d = B.sub(freqs, c)
    const v = B.div(total(B.mul(s, B.mul(d, d))), B.add(total(s), k(SPECTRAL_EPS)))
    return B.sqrt(B.add(v, k(SPECTRAL_EPS)))
  })

/**
 * Spectral flatness (Wiener entropy) of the power P = max(S², amin):
 * exp(mean_k ln P_k) / mean_k P_k ∈ (0, 1]; 1 for a flat spectrum (and for silence), ≈ 0 for a sine.
 * Ref: Gray & Markel, IEEE TASSP 22(3), 1974; Peeters 2004 §6.1.4; librosa `spectral_flatness` (power 2, amin 1e-10).
 * @param x audio `[B, N]`  @param o sampleRate (Hz), nFft (2048), hop (nFft/4), center (true)
 * @returns control `[B, frames]`, unitless
 * @example spectralFlatness(x, { sampleRate: 16000 }) // near 1 for white noise
 */
export const spectralFlatness = (x: Signal<'audio'>, o: SpectrumOptions): Signal<'control'> =>
  spectral('spectralFlatness', x, o, (s) => {
    const p = B.maximum(B.mul(s, s), k(FLATNESS_AMIN))
    const bins = shapeOf(s).at(-1)!
    const geo = B.exp(B.mul(total(B.log(p)), k(1 / bins)))
    return B.div(geo, B.mul(total(p), k(1 / bins)))
  })

/**
 * Spectral roll-off (Hz): the frequency below which `fraction` of Σ_k S_k lies, interpolated inside the
 * crossing bin so it is continuous (piecewise smooth) in S:
 * r = Δf·(Σ_k clip((θ − C_k)/S_k, 0, 1) − 1), θ = fraction·Σ S, C_k = Σ_{j<k} S_j, Δf = sampleRate/nFft.
 * librosa returns the first bin with Σ_{j≤k} S_j ≥ θ; this lies within one bin (Δf) below it.
 * Its gradient jumps where the crossing moves to another bin.
 * Ref: Peeters 2004 §6.1.5; librosa `spectral_rolloff(roll_percent=0.85)`.
 * @param x audio `[B, N]`  @param o sampleRate (Hz), nFft, hop, center, fraction (0.85)
 * @returns control `[B, frames]` in Hz
 * @example spectralRolloff(x, { sampleRate: 16000, fraction: 0.95 })
 */
export const spectralRolloff = (x: Signal<'audio'>, o: SpectrumOptions & { readonly fraction?: number }): Signal<'control'> => {
  const fraction = o.fraction ?? 0.85
  if (!(fraction > 0 && fraction < 1)) return invalid(x, `spectralRolloff: fraction must be in (0, 1), got ${fraction}`, 'control')
  return spectral('spectralRolloff', x, o, (s, _f, r) => {
    const lead = shapeOf(s).slice(0, -1)
    const theta = B.reshape(B.mul(total(s), k(fraction)), [...lead, 1])
    const before = B.cumsum(s, -1, false, true)
    const part = B.minimum(B.maximum(B.div(B.sub(theta, before), s), k(0)), k(1))
    return B.mul(B.sub(total(part), k(1)), k(r.sampleRate / r.nFft))
  }, { fraction })
}
