/**
 * The sources of a stream: where time starts. An input declared
 * time-indexed, a composite body's time-indexed arg, and noise, constants
 * and broadcasts of a static value that span the stream on axis 1
 * (`[B, T, ...]`, e.g. sample clocks) are time sources; params and other
 * inputs are static. A block of a time source is its feed, or the slice of
 * the constant, or the noise drawn at the block's counter offsets (the same
 * numbers as the offline render).
 *
 * @example
 * import { sourceInfo } from './sources.js'
 * sourceInfo(noiseEqn, [], {}, { samples: 480, frames: 0 }, []) // { axis: 1, rate: 'audio', noise: { seed, dist, offset, shape } }
 */
import type { HostTensor, Kernels } from '../../core/backend.js'
import type { OpAttrs } from '../../core/ops.js'
import type { PrimEqn } from '../../core/program.js'
import { normalAt, uniformAt } from '../../core/random.js'
import { sizeOf, stridesOf } from '../../core/shape.js'
import { extentOf, start, withTime, type Clock, type TimeInfo, type TimeInputs, type Window } from '../types.js'

/** Size check used by sources: does `shape` carry the audio time axis at axis 1? */
export const isAudioShaped = (shape: readonly number[], clock: Clock): boolean => shape.length >= 2 && shape[1] === clock.samples && sizeOf(shape) > 0

/**
 * The time info of a source equation (`null` when static), or `'none'` for an equation that is not a source.
 * @param args time infos of a composite body's args  @param ins the equation's inputs' infos
 * @example sourceInfo(inputEqn, [], { f0: 'control' }, clock, []) // { axis: 1, rate: 'control' }
 */
export const sourceInfo = (e: PrimEqn, args: readonly TimeInfo[], inputs: TimeInputs, clock: Clock, ins: readonly TimeInfo[]): TimeInfo | 'none' => {
  const audio = { axis: 1, rate: 'audio' } as const
  if (e.op === 'input') {
    const rate = inputs[(e.attrs as OpAttrs['input']).name]
    return rate === undefined ? null : { axis: 1, rate }
  }
  if (e.op === 'param') return null
  if (e.op === 'arg') return args[(e.attrs as OpAttrs['arg']).index] ?? null
  if (e.op === 'noise') return isAudioShaped(e.shape, clock) ? { ...audio, noise: { ...(e.attrs as OpAttrs['noise']), shape: e.shape } } : null
  if (e.op === 'constant') return isAudioShaped(e.shape, clock) ? audio : null
  // a static value broadcast over the stream's length is a (constant) time source
  if (e.op === 'broadcast' && ins.every((t) => t === null) && isAudioShaped(e.shape, clock)) return audio
  return 'none'
}

/**
 * A block of a time source: a feed or arg, a constant spanning the stream, noise, or a broadcast static.
 * @example sourceBlock(kernels, noiseEqn, { axis: 1, rate: 'audio' }, { p: 128, n: 64, fp: 0, m: 0 }, []) // noise samples 128…191
 */
export const sourceBlock = (k: Kernels<HostTensor>, e: PrimEqn, t: NonNullable<TimeInfo>, w: Window, ins: readonly HostTensor[]): HostTensor => {
  const len = extentOf(t.rate, w)
  const shape = withTime(e.shape, t, len)
  const at = start(t.rate, w)
  if (e.op === 'broadcast') return k.broadcast(ins, { shape }, shape)
  if (e.op === 'constant') {
    const a = e.attrs as OpAttrs['constant']
    if (a.data.length === 1) return k.constant([], { shape, data: a.data }, shape)
    const full = k.constant([], a, e.shape)
    return k.slice([full], { begin: e.shape.map((_, i) => (i === t.axis ? at : 0)), size: shape }, shape)
  }
  // noise: element (…, t, …) of the full tensor has counter offset + its flat index there
  const a = e.attrs as OpAttrs['noise']
  const draw = a.dist === 'uniform' ? uniformAt : normalAt
  const fs = stridesOf(e.shape)
  const bs = stridesOf(shape)
  const out = new Array<number>(shape.reduce((x, y) => x * y, 1)) // the constant's attribute data: filled in place, not copied
  for (let i = 0; i < out.length; i++) {
    let flat = 0
    for (let d = 0; d < shape.length; d++) flat += (Math.floor(i / bs[d]!) % shape[d]!) * fs[d]! + (d === t.axis ? at * fs[d]! : 0)
    out[i] = draw(a.seed, a.offset + flat)
  }
  return k.constant([], { shape, data: out }, shape)
}
