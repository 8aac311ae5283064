/**
 * Scans along time as log-step (Hillis–Steele) associative scans — ⌈log₂T⌉
 * rounds of whole-tensor slice/mul/add/concat, never a per-sample loop.
 *
 * recurrence `y[t] = a[t]·y[t−1] + x[t]`, `y[−1] = y0` (a `[..., T, k, k]`,
 * x `[..., T, k]`, y0 `[..., k]`): fold y0 into x[0], then scan the pairs
 * (A, x) with `(A₁, x₁) ∘ (A₂, x₂) = (A₂·A₁, A₂·x₁ + x₂)`: at distance d,
 * `x[t] ← A[t]·x[t−d] + x[t]`, `A[t] ← A[t]·A[t−d]` for t ≥ d. k = 1 is
 * elementwise; values are laid out time-major `[T, B]`, one tensor per
 * entry of A and x (structure of arrays), so slices and concats copy
 * contiguous blocks and every product is elementwise (k = 2: 12 multiplies
 * per round and sample). cumsum uses the Cumsum kernel in √T blocks
 * (`blockedCumsum`) where the backend has it, else the same scan with A = 1. Reference: Blelloch, "Prefix sums and their applications" (1990).
 *
 * @example
 * import { scanKernels } from './scan.js'
 * scanKernels('native').recurrence([a, x, y0], {}, [64, 2]) // a: [64, 2, 2], x: [64, 2], y0: [2]
 */
import * as tf from '@tensorflow/tfjs-core'
import { sizeOf } from '../../core/shape.js'
import { axisOf, dims, input, type KernelsOf } from './common.js'

/** How cumsum is lowered on a backend. @example const l: CumsumLowering = 'native' */
export type CumsumLowering = 'native' | 'scan'

/** Along axis `axis` of x: rows `[from, from + len)`. */
const rows = (x: tf.Tensor, from: number, len: number, axis = 0): tf.Tensor =>
  tf.slice(x, x.shape.map((_, i) => (i === axis ? from : 0)), x.shape.map((d, i) => (i === axis ? len : d)))

/** A k×k matrix of `[T, B]` tensors (structure of arrays: every op is elementwise and contiguous). */
type Mat = ReadonlyArray<readonly tf.Tensor[]>
/** A k-vector of `[T, B]` tensors. */
type Vec = readonly tf.Tensor[]

/** Σₗ a[l]·b[l] over tensors. */
const dotT = (a: readonly tf.Tensor[], b: (l: number) => tf.Tensor): tf.Tensor =>
  a.slice(1).reduce((s, al, l) => tf.add(s, tf.mul(al, b(l + 1))), tf.mul(a[0]!, b(0)))

const matvec = (A: Mat, v: Vec): Vec => A.map((row) => dotT(row, (l) => v[l]!))
const matmat = (A: Mat, C: Mat): Mat => A.map((row) => row.map((_, j) => dotT(row, (l) => C[l]![j]!)))

/** One round at distance d: `x[t] ← A[t]·x[t−d] + x[t]`, `A[t] ← A[t]·A[t−d]` for t ≥ d (A only if `withA`). */
const round = (A: Mat, x: Vec, T: number, d: number, withA: boolean): { A: Mat; x: Vec } =>
  tf.tidy(() => {
    const [head, tail, prev] = [(t: tf.Tensor) => rows(t, 0, d), (t: tf.Tensor) => rows(t, d, T - d), (t: tf.Tensor) => rows(t, 0, T - d)]
    const tailA = A.map((r) => r.map(tail))
    const mv = matvec(tailA, x.map(prev))
    const nx = x.map((xi, i) => tf.concat([head(xi), tf.add(mv[i]!, tail(xi))], 0))
    if (!withA) return { A: [], x: nx }
    const mm = matmat(tailA, A.map((r) => r.map(prev)))
    return { A: A.map((r, i) => r.map((a, j) => tf.concat([head(a), mm[i]![j]!], 0))), x: nx }
  })

/**
 * Inclusive scan of `(A, x)` pairs along time (axis 0 of each `[T, B]` entry),
 * each round in its own tidy; returns y. Disposes the state it is given.
 * @example scanPairs([[tf.ones([8, 1])]], [tf.ones([8, 1])]) // cumsum
 */
export const scanPairs = (A0: Mat, x0: Vec): Vec => {
  const T = x0[0]?.shape[0] ?? 1
  let state = { A: A0, x: x0 }
  for (let d = 1; d < T; d *= 2) {
    const next = round(state.A, state.x, T, d, 2 * d < T)
    for (const t of [...state.A.flat(), ...state.x]) t.dispose()
    state = next
  }
  for (const t of state.A.flat()) t.dispose()
  return state.x
}

const recurrence: KernelsOf<'recurrence'>['recurrence'] = (inputs, _attrs, shape) => {
  const k = shape.at(-1) ?? 1
  const T = shape.at(-2) ?? 1
  const B = sizeOf(shape.slice(0, -2))
  if (B * T * k === 0) return tf.zeros(dims(shape))
  // time-major [T, B, m], unstacked into m tensors [T, B]
  const columns = (v: tf.Tensor, m: number) =>
    tf.unstack(B === 1 ? tf.reshape(v, [T, 1, m]) : tf.transpose(tf.reshape(v, [B, T, m]), [1, 0, 2]), 2)
  const a = columns(input(inputs, 0), k * k)
  const A: Mat = Array.from({ length: k }, (_, i) => a.slice(i * k, i * k + k))
  const x = columns(input(inputs, 1), k)
  const y0 = tf.unstack(tf.reshape(input(inputs, 2), [1, B, k]), 2)
  const first = matvec(A.map((r) => r.map((t) => rows(t, 0, 1))), y0)
  const folded = x.map((xi, i) => tf.add(xi, tf.pad(first[i]!, [[0, T - 1], [0, 0]])))
  const y = tf.stack([...scanPairs(A, folded)], 2)
  return tf.reshape(B === 1 ? y : tf.transpose(y, [1, 0, 2]), dims(shape))
}

/** Inclusive additive scan along axis 1 of `[B, T, Q]` by log-step shifted adds. */
const addScan = (x0: tf.Tensor): tf.Tensor => {
  const T = x0.shape[1] ?? 1
  let x = x0
  for (let d = 1; d < T; d *= 2) x = tf.concat([rows(x, 0, d, 1), tf.add(rows(x, d, T - d, 1), rows(x, 0, T - d, 1))], 1)
  return x
}

/** cumsum through the log-step scan, with reverse and exclusive. */
const scanCumsum = (x: tf.Tensor, axis: number, reverse: boolean, exclusive: boolean): tf.Tensor => {
  const T = x.shape[axis] ?? 1
  const v = tf.reshape(x, [sizeOf(x.shape.slice(0, axis)), T, sizeOf(x.shape.slice(axis + 1))])
  const r = reverse ? tf.reverse(v, 1) : v
  const shifted = exclusive ? tf.pad(rows(r, 0, T - 1, 1), [[0, 0], [1, 0], [0, 0]]) : r
  const s = addScan(shifted)
  return tf.reshape(reverse ? tf.reverse(s, 1) : s, x.shape)
}

/**
 * cumsum on the native Cumsum kernel, in blocks of m ≈ √T: a cumsum inside
 * each block, plus the exclusive cumsum of the block totals. float32
 * rounding then grows with m + T/m ≈ 2√T additions instead of T (phase
 * accumulated over 4000 samples: 10× smaller error), at the cost of two
 * short native cumsums.
 * @example blockedCumsum(tf.ones([2, 1000]), 1, false, false)
 */
export const blockedCumsum = (x: tf.Tensor, axis: number, reverse: boolean, exclusive: boolean): tf.Tensor => {
  const T = x.shape[axis] ?? 1
  if (T <= 64) return tf.cumsum(x, axis, exclusive, reverse)
  const perm = x.shape.map((_, i) => i).filter((i) => i !== axis).concat([axis])
  const moved = tf.transpose(x, perm)
  const R = x.size / T
  const rows2 = tf.reshape(moved, [R, T])
  const v = reverse ? tf.reverse(rows2, 1) : rows2
  const m = Math.ceil(Math.sqrt(T))
  const nb = Math.ceil(T / m)
  const inner = tf.cumsum(tf.reshape(tf.pad(v, [[0, 0], [0, nb * m - T]]), [R, nb, m]), 2)
  const offsets = tf.cumsum(tf.slice(inner, [0, 0, m - 1], [R, nb, 1]), 1, true)
  const inclusive = tf.slice(tf.reshape(tf.add(inner, offsets), [R, nb * m]), [0, 0], [R, T])
  const shifted = exclusive ? tf.pad(tf.slice(inclusive, [0, 0], [R, T - 1]), [[0, 0], [1, 0]]) : inclusive
  const y = tf.reshape(reverse ? tf.reverse(shifted, 1) : shifted, moved.shape)
  const inverse = perm.map((_, i) => perm.indexOf(i))
  return tf.transpose(y, inverse)
}

/** The scan kernels for a cumsum lowering. @example scanKernels('scan').cumsum([x], { axis: 0, reverse: false, exclusive: true }, [3]) */
export const scanKernels = (cumsum: CumsumLowering): KernelsOf<'cumsum' | 'recurrence'> => ({
  cumsum: (inputs, attrs, shape) => {
    const x = input(inputs, 0)
    const axis = axisOf(attrs.axis, x.rank)
    if (sizeOf(shape) === 0) return tf.zeros(dims(shape))
    return cumsum === 'native'
      ? blockedCumsum(x, axis, attrs.reverse, attrs.exclusive)
      : scanCumsum(x, axis, attrs.reverse, attrs.exclusive)
  },
  recurrence,
})
