/**
 * FFT convolution, one IR (`fftConvolve`) or one IR per frame (`frameConvolve`,
 * DDSP `fft_convolve` with n_ir_frames > 1: the audio is cut into F
 * non-overlapping frames of S = ⌈N/F⌉ samples, each convolved with its IR, and
 * the results overlap-added at hop S, so each frame's tail rings into the next).
 * y = irfft(rfft(x, n) · rfft(h, n), n) with n the next power of 2 ≥ S + M − 1,
 * i.e. linear (not circular) convolution y[t] = Σₘ h[m]·x[t − m].
 *
 * Cropping ('same', length N) starts at the delay compensation d:
 * - default d = ⌊M/2⌋: exact for an IR symmetric about tap ⌊M/2⌋ — every
 *   odd-length linear-phase IR, and the even-length zero-phase-rolled IRs of
 *   `frequencyImpulseResponse` (peak at M/2, tap 0 = 0). A type-II IR symmetric
 *   about (M−1)/2 (M even) has a half-sample delay no integer crop removes;
 *   d = M/2 leaves it half a sample early.
 * - `ddspCompat`: DDSP's d = ⌊(M−1)/2⌋ − 1 (clamped at 0), which lags DDSP's own
 *   even-length FIRs by 2 samples (ddsp-anchors §2.6, Appendix A).
 * - `delayCompensation: d` overrides both.
 *
 * @example
 * import { fftConvolve, frameConvolve } from 'ddsp-ts/dsp'
 * const x = input('x', [1, 16000], 'audio')
 * const wet = fftConvolve(x, param('ir', [1, 8000]), { padding: 'same' })   // [1, 16000]
 * const shaped = frameConvolve(x, input('irs', [1, 250, 128], 'control'))    // [1, 16000]
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import { fusible } from '../core/fusible.js'
import type { Node } from '../core/node.js'
import { type Rate, type Signal, withRate } from '../core/signal.js'
import { nextPow2 } from '../host/fft.js'
import { frame, overlapAdd } from './frame.js'
import { dimsOf, invalid } from './guard.js'

/** Output cropping: 'full' N+M−1; 'same' N from the delay compensation; 'valid' N−M+1 from M−1 (NumPy). DDSP's 'valid' is our 'full'. */
export type ConvPadding = 'same' | 'valid' | 'full'

/** Options of the FFT convolutions. */
export interface ConvolveOptions {
  /** Output cropping (default 'same'). */
  readonly padding?: ConvPadding
  /** First output sample for 'same' (default ⌊M/2⌋, or DDSP's ⌊(M−1)/2⌋ − 1 with `ddspCompat`). */
  readonly delayCompensation?: number
  /** Reproduce DDSP's automatic delay compensation (2 samples late for even FIR lengths). */
  readonly ddspCompat?: boolean
}

/** [start, length] of the crop of an (N+M−1)-sample full convolution, or an error message. */
const cropOf = (n: number, m: number, o: ConvolveOptions): readonly [number, number] | string => {
  const padding = o.padding ?? 'same'
  if (padding === 'full') return [0, n + m - 1]
  if (padding === 'valid') return n >= m ? [m - 1, n - m + 1] : `'valid' convolution needs N ≥ M (${n} < ${m})`
  const d = o.delayCompensation ?? (o.ddspCompat === true ? Math.max(0, Math.floor((m - 1) / 2) - 1) : Math.floor(m / 2))
  return Number.isInteger(d) && d >= 0 && d <= m - 1 ? [d, n] : `delayCompensation must be an integer in [0, ${m - 1}], got ${d}`
}

/** (a + ib)(c + id) on complex tensors `[..., bins, 2]` of shapes `sa`, `sb` (broadcasting). */
const complexMul = (a: Node, sa: readonly number[], b: Node, sb: readonly number[]): Node => {
  const part = (x: Node, s: readonly number[], k: number) => B.slice(x, s.map((_, i) => (i === s.length - 1 ? k : 0)), [...s.slice(0, -1), 1])
  const [ar, ai, br, bi] = [part(a, sa, 0), part(a, sa, 1), part(b, sb, 0), part(b, sb, 1)]
  return B.concat([B.sub(B.mul(ar, br), B.mul(ai, bi)), B.add(B.mul(ar, bi), B.mul(ai, br))], -1)
}

/** rfft of the last axis zero-padded from `len` to n; returns the node and its shape. */
const spectrum = (x: Node, s: readonly number[], n: number): [Node, number[]] => {
  const padded = B.pad(x, s.map(() => 0), s.map((_, i) => (i === s.length - 1 ? n - s[i]! : 0)))
  return [B.rfft(padded, n), [...s.slice(0, -1), Math.floor(n / 2) + 1, 2]]
}

/** Linear convolution along the last axis of x `[..., S]` and h `[..., M]` (batch axes broadcast) → `[..., S+M−1]`. */
const linearConv = (x: Node, sx: readonly number[], h: Node, sh: readonly number[]): Node => {
  const len = sx.at(-1)! + sh.at(-1)! - 1
  const n = nextPow2(len)
  const [fx, fsx] = spectrum(x, sx, n)
  const [fh, fsh] = spectrum(h, sh, n)
  const y = B.irfft(complexMul(fx, fsx, fh, fsh), n)
  const lead = sx.slice(0, -1).map((d, i) => Math.max(d, sh[i]!))
  return B.slice(y, [...lead.map(() => 0), 0], [...lead, len])
}

const batchOk = (a: number, b: number) => a === b || a === 1 || b === 1

/**
 * Convolution with one impulse response by FFT: y[t] = Σₘ h[m]·x[t − m], cropped per `padding`.
 * Ref: Oppenheim & Schafer, "Discrete-Time Signal Processing", §8.7; magenta/ddsp `core.fft_convolve`.
 * @param audio `[B, N]`  @param ir `[B or 1, M]` (any rate)  @param options padding, delay compensation
 * @returns audio `[max(B, B_ir), length per padding]`
 * @example fftConvolve(x, ir, { padding: 'full' })
 */
export const fftConvolve = (audio: Signal<'audio'>, ir: Signal<Rate>, options: ConvolveOptions = {}): Signal<'audio'> => {
  const sa = dimsOf(audio, 2)
  const sh = dimsOf(ir, 2)
  if (sa === undefined || sh === undefined || !batchOk(sa[0]!, sh[0]!))
    return invalid(audio, 'fftConvolve needs audio [B, N] and an impulse response [B or 1, M]', 'audio')
  const crop = cropOf(sa[1]!, sh[1]!, options)
  if (typeof crop === 'string') return invalid(audio, `fftConvolve: ${crop}`, 'audio')
  const b = Math.max(sa[0]!, sh[0]!)
  const body = (x: Signal<'audio'>, h: Signal<Rate>) =>
    withRate(B.slice(linearConv(x.node, sa, h.node, sh), [0, crop[0]], [b, crop[1]]), 'audio')
  return composite('dsp.fftConvolve', body, { attrs: { start: crop[0], length: crop[1] } })(audio, ir)
}

/**
 * Time-varying convolution with one IR per frame (DDSP `fft_convolve`, n_ir_frames = F > 1):
 * frame k of S = ⌈N/F⌉ samples is convolved with irs[k], and the results are overlap-added at hop S.
 * Ref: magenta/ddsp `core.fft_convolve`; Engel et al., "DDSP", ICLR 2020, §3.3 (filtered noise).
 * @param audio `[B, N]` with ⌈N/⌈N/F⌉⌉ = F  @param irs `[B or 1, F, M]` (control rate)
 * @param options padding and delay compensation, as `fftConvolve`
 * @returns audio `[B, length per padding]`
 * @example frameConvolve(noise(1, [1, 64000]), frequencyImpulseResponse(mags))
 */
export const frameConvolve = (audio: Signal<'audio'>, irs: Signal<Rate>, options: ConvolveOptions = {}): Signal<'audio'> => {
  const sa = dimsOf(audio, 2)
  const sh = dimsOf(irs, 3)
  if (sa === undefined || sh === undefined || !batchOk(sa[0]!, sh[0]!))
    return invalid(audio, 'frameConvolve needs audio [B, N] and impulse responses [B or 1, frames, M]', 'audio')
  const [n, f, m] = [sa[1]!, sh[1]!, sh[2]!]
  const hop = Math.ceil(n / f)
  if (Math.ceil(n / hop) !== f) return invalid(audio, `frameConvolve: ${n} samples cannot be cut into ${f} frames (DDSP fft_convolve)`, 'audio')
  const crop = cropOf(n, m, options)
  if (typeof crop === 'string') return invalid(audio, `frameConvolve: ${crop}`, 'audio')
  const b = Math.max(sa[0]!, sh[0]!)
  const body = (x: Signal<'audio'>, h: Signal<Rate>): Signal<'audio'> => {
    const frames = frame(x, hop, hop, 'end')
    const wet = withRate(linearConv(frames.node, [sa[0]!, f, hop], h.node, sh), 'audio')
    return withRate(B.slice(overlapAdd(wet, hop).node, [0, crop[0]], [b, crop[1]]), 'audio')
  }
  return fusible('dsp.frameConvolve', body, { attrs: { hop, start: crop[0], length: crop[1] } })(audio, irs)
}
