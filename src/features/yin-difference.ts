/**
 * YIN's difference function per frame as an FFT-based composite (step 2 of
 * de Cheveigné & Kawahara 2002):
 *   d_t(τ) = Σ_{j<W} (x_{t+j} − x_{t+j+τ})² = e_t(0) + e_t(τ) − 2·r_t(τ),
 * with r_t(τ) = Σ_{j<W} x_{t+j}·x_{t+j+τ} from one FFT cross-correlation
 * (conj(FFT(first W samples))·FFT(segment)) and the energies e_t(τ) = Σ_{j<W} x²_{t+j+τ}
 * from a cumulative sum. Frames are centred like `loudness` (frame f integrates
 * W samples centred on sample f·hop), so there are ⌊N/hop⌋ + 1 of them.
 * Ref: A. de Cheveigné & H. Kawahara, "YIN, a fundamental frequency estimator
 * for speech and music", JASA 111(4), 2002, eq. (6); the FFT form is eq. (1)–(6) expanded.
 *
 * @example
 * import { yinDifference } from 'ddsp-ts/features'
 * const d = yinDifference(input('x', [1, 16000], 'audio'), { window: 400, maxLag: 400, hop: 64 })  // [1, 251, 401]
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import { shapeOf, type Node } from '../core/node.js'
import { type Signal, withRate } from '../core/signal.js'
import { nextPow2 } from '../host/fft.js'
import { frame } from '../dsp/frame.js'
import { dimsOf, invalid, isPosInt } from '../dsp/guard.js'

/** Options of `yinDifference` (all in samples). */
export interface YinDifferenceOptions {
  /** Integration window W. */
  readonly window: number
  /** Largest lag τ computed (d has maxLag + 1 entries, τ = 0…maxLag). */
  readonly maxLag: number
  /** Samples between frames. */
  readonly hop: number
}

/** Entries [from, from + len) of the last axis of a rank-3 node `[B, F, L]`. */
const lastAxis = (x: Node, dims: readonly number[], from: number, len: number): Node =>
  B.slice(x, [0, 0, from], [dims[0]!, dims[1]!, len])

/** r(τ) = Σ_{j<W} x_j·x_{j+τ}, τ = 0…maxLag, for frames `[B, F, L]`, via conj(FFT(a))·FFT(x) (no wrap: n ≥ L). */
const crossCorrelation = (frames: Node, dims: readonly number[], w: number, maxLag: number): Node => {
  const len = dims[2]!
  const n = nextPow2(len)
  const mask = B.constant(Array.from({ length: len }, (_, j) => (j < w ? 1 : 0)), [len])
  const zeroPad = (v: Node) => B.pad(v, [0, 0, 0], [0, 0, n - len])
  const X = B.rfft(zeroPad(frames), n)
  const A = B.rfft(zeroPad(B.mul(frames, mask)), n)
  const bins = Math.floor(n / 2) + 1
  const part = (s: Node, i: number) => B.slice(s, [0, 0, 0, i], [dims[0]!, dims[1]!, bins, 1])
  const [xr, xi, ar, ai] = [part(X, 0), part(X, 1), part(A, 0), part(A, 1)]
  const re = B.add(B.mul(ar, xr), B.mul(ai, xi))
  const im = B.sub(B.mul(ar, xi), B.mul(ai, xr))
  return lastAxis(B.irfft(B.concat([re, im], -1), n), [dims[0]!, dims[1]!], 0, maxLag + 1)
}

/**
 * YIN difference function d[b, f, τ] ≥ 0, τ = 0…maxLag, frames centred on f·hop.
 * Differentiable in x (it is a sum of squares), though f0 picking from it is not.
 * @param x audio `[B, N]`  @param o window W, maxLag, hop (samples)
 * @returns control `[B, ⌊N/hop⌋ + 1, maxLag + 1]`
 * @example yinDifference(x, { window: 1103, maxLag: 1103, hop: 441 }) // 44.1 kHz, f0 ≥ 40 Hz, 10 ms hop
 */
export const yinDifference = (x: Signal<'audio'>, o: YinDifferenceOptions): Signal<'control'> => {
  const { window: w, maxLag, hop } = o
  if (dimsOf(x, 2) === undefined) return invalid(x, 'yinDifference needs audio [batch, samples]', 'control')
  if (!isPosInt(w) || !isPosInt(maxLag) || !isPosInt(hop)) return invalid(x, `yinDifference: bad window ${w}, maxLag ${maxLag} or hop ${hop}`, 'control')
  const len = w + maxLag
  const before = Math.floor(w / 2)
  const body = (s: Signal<'audio'>): Signal<'control'> => {
    const padded = withRate(B.pad(s.node, [0, before], [0, len - before]), 'audio')
    const frames = frame(padded, len, hop).node
    const dims = shapeOf(frames)
    const r = crossCorrelation(frames, dims, w, maxLag)
    const prefix = B.cumsum(B.pad(B.mul(frames, frames), [0, 0, 0], [0, 0, 1]), -1, false, true) // P[i] = Σ_{j<i} x_j²
    const energy = B.sub(lastAxis(prefix, dims, w, maxLag + 1), lastAxis(prefix, dims, 0, maxLag + 1)) // e(τ)
    const e0 = lastAxis(energy, dims, 0, 1)
    return withRate(B.maximum(B.sub(B.add(e0, energy), B.mul(r, B.scalar(2))), B.scalar(0)), 'control')
  }
  return composite('features.yinDifference', body, { attrs: { window: w, maxLag, hop } })(x)
}
