/**
 * Framing and overlap-add. `frame` cuts `[B, N]` into frames `[B, F, L]` with
 * one gather through a host-built index table idx[f, l] = f·hop + l (indices
 * past the end read 0, which is the zero padding of `pad: 'end'`);
 * `overlapAdd` is its transpose, a scatter-add through the same table.
 * With hop = L, overlapAdd ∘ frame is the identity.
 *
 * @example
 * import { frame, overlapAdd } from 'ddsp-ts/dsp'
 * const x = input('x', [1, 16000], 'audio')
 * const frames = frame(x, 1024, 256, 'end')     // [1, 63, 1024]
 * const y = overlapAdd(frames, 256)              // [1, 62·256 + 1024]
 * // overlapAdd(frame(x, 64, 64), 64) equals x when 64 divides N
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import type { Node } from '../core/node.js'
import { type Rate, type Signal, withRate } from '../core/signal.js'
import { frameCount, type FramePad } from '../host/frame.js'
import { dimsOf, invalid, isPosInt } from './guard.js'

/** idx[f, l] = f·hop + l as a constant `[frames, L]`. */
const indexTable = (frames: number, frameLength: number, hop: number): Node =>
  B.constant(
    Array.from({ length: frames * frameLength }, (_, i) => Math.floor(i / frameLength) * hop + (i % frameLength)),
    [frames, frameLength],
  )

/**
 * Frames of a signal: out[b, f, l] = x[b, f·hop + l] (0 past the end).
 * Ref: tf.signal.frame; Smith, "Spectral Audio Signal Processing", ch. "Overlap-Add".
 * @param x audio `[B, N]`  @param frameLength L samples  @param hop samples between frames
 * @param pad 'none' (⌊(N−L)/hop⌋+1 frames) or 'end' (⌈N/hop⌉ frames, zero padded)
 * @returns `[B, F, L]` at the input's rate
 * @example frame(x, 2048, 512)
 */
export const frame = <R extends Rate>(x: Signal<R>, frameLength: number, hop: number, pad: FramePad = 'none'): Signal<R> => {
  const shape = dimsOf(x, 2)
  if (shape === undefined) return invalid(x, 'frame needs a signal [batch, samples]', x.rate)
  if (!isPosInt(frameLength) || !isPosInt(hop)) return invalid(x, `frame: bad frameLength ${frameLength} or hop ${hop}`, x.rate)
  const frames = frameCount(shape[1]!, frameLength, hop, pad)
  if (frames < 1) return invalid(x, `frame: ${shape[1]} samples hold no frame of ${frameLength}`, x.rate)
  const idx = indexTable(frames, frameLength, hop)
  const body = (s: Signal<R>) => withRate(B.gather(s.node, idx, 1), s.rate)
  return composite('dsp.frame', body, { attrs: { frameLength, hop, pad } })(x)
}

/**
 * Overlap-add, the transpose of `frame`: y[b, f·hop + l] += frames[b, f, l].
 * Ref: tf.signal.overlap_and_add.
 * @param frames `[B, F, L]`  @param hop samples between frame starts
 * @returns `[B, (F−1)·hop + L]` at the input's rate
 * @example overlapAdd(frames, 512)
 */
export const overlapAdd = <R extends Rate>(frames: Signal<R>, hop: number): Signal<R> => {
  const shape = dimsOf(frames, 3)
  if (shape === undefined) return invalid(frames, 'overlapAdd needs frames [batch, frames, frameLength]', frames.rate)
  if (!isPosInt(hop)) return invalid(frames, `overlapAdd: hop must be a positive integer, got ${hop}`, frames.rate)
  const [, f, l] = shape as [number, number, number]
  const idx = indexTable(f, l, hop)
  const size = (f - 1) * hop + l
  const body = (s: Signal<R>) => withRate(B.scatterAdd(s.node, idx, 1, size), s.rate)
  return composite('dsp.overlapAdd', body, { attrs: { hop } })(frames)
}
