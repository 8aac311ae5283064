/**
 * Phase accumulation: the running integral of an audio-rate frequency in Hz,
 * φ[t] = 2π/sr · Σ_{τ≤t} f[τ] — DDSP's *inclusive* cumsum, so φ[0] = 2π·f[0]/sr
 * (ddsp-anchors §2.4; `sin(φ)` of a constant f is sin(2πf·(t+1)/sr)). Returned
 * wrapped to [0, 2π).
 *
 * Accuracy over minutes in float32: the sum is kept in Hz·samples (integer-valued
 * for integer Hz, so exact) and wrapped modulo sr (= one cycle) hierarchically:
 * cumsum inside chunks of `chunk` samples, the chunk totals wrapped with `floor`
 * and accumulated the same way one level up, then added back and wrapped. Every
 * stored value stays below ≈ sr + chunk·max f, so error does not grow with length
 * (unlike a plain float32 cumsum, ~0.1 rad after a minute at 440 Hz). The wrap
 * subtracts sr·⌊·⌋, which has zero gradient, so ∂φ/∂f is the plain cumsum's.
 *
 * @example
 * import { phase } from 'ddsp-ts/dsp'
 * const f0 = input('f0', [1, 960000], 'audio')        // Hz, 60 s at 16 kHz
 * const y = sin(phase(f0, 16000))                     // accurate to ~1e-4 rad in float32
 * const bank = phase(input('fk', [1, 64000, 60], 'audio'), 16000) // one phase per channel
 * // φ[0] = 2π·f[0]/sr
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import type { Node } from '../core/node.js'
import { withRate, type Signal } from '../core/signal.js'
import { dimsOf, invalid, isPosInt } from './guard.js'

/** v − p·⌊v/p⌋ ∈ [0, p) (up to rounding); gradient 1. */
const wrap = (v: Node, p: number): Node => B.sub(v, B.mul(B.floor(B.mul(v, B.scalar(1 / p))), B.scalar(p)))

/**
 * Inclusive cumsum along axis 1 of `x: [R, N]`, wrapped modulo `period`, computed
 * hierarchically so partial sums stay small: y[n] ≡ Σ_{m≤n} x[m] (mod period).
 */
const wrappedCumsum = (x: Node, rows: number, n: number, period: number, chunk: number): Node => {
  if (n <= chunk) return wrap(B.cumsum(x, 1), period)
  const m = Math.ceil(n / chunk)
  const blocks = B.reshape(B.pad(x, [0, 0], [0, m * chunk - n]), [rows, m, chunk])
  const within = B.cumsum(blocks, 2)
  const totals = wrap(B.reshape(B.slice(within, [0, 0, chunk - 1], [rows, m, 1]), [rows, m]), period)
  const upper = wrappedCumsum(totals, rows, m, period, chunk)
  const before = B.pad(B.slice(upper, [0, 0], [rows, m - 1]), [0, 1], [0, 0])
  const all = wrap(B.add(within, B.reshape(before, [rows, m, 1])), period)
  return B.slice(B.reshape(all, [rows, m * chunk]), [0, 0], [rows, n])
}

/** Phase of `[B, T]` or `[B, T, C]` (each channel integrated separately along T). */
const phaseNode = (f: Node, shape: readonly number[], sampleRate: number, chunk: number): Node => {
  const [b, t, c = 1] = shape as [number, number, number?]
  const rows = shape.length === 3 ? B.reshape(B.transpose(f, [0, 2, 1]), [b * c, t]) : f
  const cyc = B.mul(wrappedCumsum(rows, b * c, t, sampleRate, chunk), B.scalar((2 * Math.PI) / sampleRate))
  return shape.length === 3 ? B.transpose(B.reshape(cyc, [b, c, t]), [0, 2, 1]) : cyc
}

/**
 * Instantaneous phase in radians, wrapped to [0, 2π): φ[t] = 2π/sr · Σ_{τ≤t} f[τ] (inclusive).
 * Ref: Engel et al., "DDSP", ICLR 2020, eq. (2); magenta/ddsp `core.oscillator_bank`, `angular_cumsum`.
 * @param freqHz frequency in Hz, `[B, T]` or `[B, T, C]` (time on axis 1)
 * @param sampleRate samples per second  @param chunk samples per accumulation block (256)
 * @returns phase in radians, same shape
 * @example sin(phase(f0, 48000))
 */
export const phase = (freqHz: Signal<'audio'>, sampleRate: number, chunk = 256): Signal<'audio'> => {
  const shape = dimsOf(freqHz, 2) ?? dimsOf(freqHz, 3)
  if (shape === undefined) return invalid(freqHz, 'phase needs a frequency signal [batch, samples] or [batch, samples, channels]', 'audio')
  if (!(sampleRate > 0) || !isPosInt(chunk)) return invalid(freqHz, `phase: bad sampleRate ${sampleRate} or chunk ${chunk}`, 'audio')
  const body = (f: Signal<'audio'>) => withRate(phaseNode(f.node, shape, sampleRate, chunk), 'audio')
  return composite('dsp.phase', body, { attrs: { sampleRate, chunk } })(freqHz)
}
