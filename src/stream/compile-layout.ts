/**
 * The block compiler's buffer layout. Every time-indexed value gets one
 * `Float64Array` in the arena with its block shape: the equation's shape with
 * the time axis set to a fixed capacity (`blockSize` samples for audio, the
 * most frames a block can bring for control), row-major over that capacity,
 * so strides are known at compile time and a block of any length n ≤
 * capacity occupies indices t < n along time. A reshape keeps the layout
 * (the axes before and after time have the same products), so it reads its
 * operand at the same linear offset.
 *
 * Static values (constant in time) are the full arrays `evalStatic` computed;
 * one whose axis aligned with the output's time axis spans the whole stream
 * (a table of T samples) is read at `start + t` along it, as `align.ts` slices it.
 *
 * @example
 * import { slotOf } from './compile-layout.js'
 * slotOf([1, 480, 3], { axis: 1, rate: 'audio' }, { audio: 128, control: 4 }) // { shape: [1, 128, 3], strides: [384, 3, 1], … }
 */
import { stridesOf } from '../core/shape.js'
import type { StreamRate, TimeInfo } from './types.js'

/** Time-axis capacity of a block at each rate. */
export type Capacity = Readonly<Record<StreamRate, number>>

/** A value in the arena: its buffer, block shape (capacity on the time axis) and strides; `time` null for statics. */
export interface Slot {
  readonly data: Float64Array
  readonly shape: readonly number[]
  readonly strides: readonly number[]
  readonly time: NonNullable<TimeInfo> | null
}

/**
 * A time-indexed value's slot, its buffer allocated once.
 * @example slotOf([1, 10, 2], { axis: 1, rate: 'control' }, { audio: 128, control: 4 }).data.length // 8
 */
export const slotOf = (shape: readonly number[], t: NonNullable<TimeInfo>, cap: Capacity): Slot => {
  const s = shape.map((d, i) => (i === t.axis ? cap[t.rate] : d))
  return { data: new Float64Array(s.reduce((a, b) => a * b, 1)), shape: s, strides: stridesOf(s), time: t }
}

/**
 * A static value's slot (full shape, no time axis).
 * @example staticSlot({ data: Float64Array.of(1, 2), shape: [1, 2] }).strides // [2, 1]
 */
export const staticSlot = (v: { readonly data: ArrayLike<number>; readonly shape: readonly number[] }): Slot => ({
  data: v.data instanceof Float64Array ? v.data : Float64Array.from(v.data),
  shape: v.shape,
  strides: stridesOf(v.shape),
  time: null,
})

/**
 * How an operand is read at one point of an output loop nest: offset = base + Σ_d i_d·strides[d]
 * (+ start·startStride, where start is the block's first sample or frame at the output's rate).
 */
export interface Access {
  readonly base: number
  /** Stride per loop variable (0 where the operand broadcasts). */
  readonly strides: readonly number[]
  /** Stride multiplied by the block start (a static table spanning the stream), 0 otherwise. */
  readonly startStride: number
}

/**
 * The NumPy-broadcast read of `x` at the output's loop variables (`dims` the loop extents, rank ≥ x's):
 * operand axes right-aligned; extent-1 axes broadcast; a static axis aligned with the time axis
 * (`timeAxis`) and as long as the stream (`full`) is read at start + t.
 * @example broadcastAccess(slot, [1, 128, 3], 1, 480)
 */
export const broadcastAccess = (x: Slot, dims: readonly number[], timeAxis: number, full: number): Access => {
  const r = dims.length
  const q = x.shape.length
  const strides = dims.map(() => 0)
  let startStride = 0
  for (let d = 0; d < q; d++) {
    const o = d + r - q
    if (o < 0) continue
    const ext = x.shape[d]!
    if (x.time === null && o === timeAxis && ext === full && full !== 1) {
      strides[o] = x.strides[d]!
      startStride = x.strides[d]!
    } else if (ext !== 1 || dims[o] === 1) strides[o] = ext === 1 ? 0 : x.strides[d]!
  }
  return { base: 0, strides, startStride }
}

/**
 * The offset expression of an access over loop variables `vars` (constants folded; `start` the block-start variable).
 * @example offsetExpr({ base: 0, strides: [0, 3, 1], startStride: 0 }, ['0', 'i1', 'i2'], 'p') // 'i1*3+i2'
 */
export const offsetExpr = (a: Access, vars: readonly string[], start: string): string => {
  const terms: string[] = []
  a.strides.forEach((s, d) => {
    const v = vars[d]!
    if (s === 0 || v === '0') return
    terms.push(s === 1 ? v : `${v}*${s}`)
  })
  if (a.startStride !== 0) terms.push(a.startStride === 1 ? start : `${start}*${a.startStride}`)
  if (a.base !== 0 || terms.length === 0) terms.push(String(a.base))
  return terms.join('+')
}
