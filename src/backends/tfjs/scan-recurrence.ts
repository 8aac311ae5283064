/**
 * Lowerings of the linear recurrence `y[t] = a[t]·y[t−1] + x[t]`,
 * `y[−1] = y0` (a `[..., T, k, k]`, x `[..., T, k]`, y0 `[..., k]`) on tfjs.
 * Its adjoint is the same primitive run backwards (core/primitives/scan.vjp.ts),
 * so each lowering serves the gradient too.
 *
 * - `host` (every tfjs backend that reads tensors synchronously: wasm,
 *   tfjs-cpu, cuda, webgl): read the operands and run `host/recurrence.ts`,
 *   sequential with a float64 state, one rounding per output. Its error is
 *   that of the float32 coefficients alone (a sequential float32 filter's or
 *   better), and on one core it is the fastest lowering. On cuda it costs a
 *   device→host copy of a and x and a sync; a device-resident scan that is
 *   as accurate needs double-float products (see below).
 * - `webgpu`: a WGSL shader, one sequential float32 row per GPU thread
 *   (`scan-recurrence-webgpu.ts`; WebGPU cannot read synchronously in Node).
 * - `log-step`: the Hillis–Steele scan over (A, x) pairs,
 *   `(A₁, x₁) ∘ (A₂, x₂) = (A₂·A₁, A₂·x₁ + x₂)` (Blelloch 1990), all on the
 *   device. It is wrong in float32 for poles near z = 1: the partial products
 *   of a carry the all-pole gain (≈ 1/K² for a direct-form high-pass at low
 *   fc/sr) and cancel (a 25 Hz high-pass at 44.1 kHz, Q 5.7: rel. RMS error
 *   3.5; `npm run bench:filter-accuracy`). No backend chooses it; it stays
 *   as the baseline the benchmarks compare against. A chunked device scan
 *   (sequential chunks of C, chunk products P = a·…·a, carries solved in
 *   float64 on the host) was measured too: 4–25× the sequential error for
 *   C = 4…32, because P rounded to float32 perturbs the decimated poles.
 *
 * @example
 * import { recurrenceKernels } from './scan-recurrence.js'
 * recurrenceKernels('host').recurrence([a, x, y0], {}, [64, 2]) // a: [64, 2, 2], x: [64, 2], y0: [2]
 */
import * as tf from '@tensorflow/tfjs-core'
import { sizeOf } from '../../core/shape.js'
import { recurrenceSequential } from '../../host/recurrence.js'
import { dims, input, type KernelsOf } from './common.js'
import { recurrenceWebgpu } from './scan-recurrence-webgpu.js'

/** How `recurrence` is lowered on a tfjs backend (`webgpu`: scan-recurrence-webgpu.ts). @example const l: RecurrenceLowering = 'host' */
export type RecurrenceLowering = 'host' | 'log-step' | 'webgpu'

/** A k×k matrix of `[T, B]` tensors. */
type Mat = ReadonlyArray<readonly tf.Tensor[]>
/** A k-vector of `[T, B]` tensors. */
type Vec = readonly tf.Tensor[]

/** Along axis 0: rows `[from, from + len)`. */
const rows = (x: tf.Tensor, from: number, len: number): tf.Tensor =>
  tf.slice(x, x.shape.map((_, i) => (i === 0 ? from : 0)), x.shape.map((d, i) => (i === 0 ? len : d)))

/** Σₗ a[l]·b(l) over tensors. */
const dotT = (a: readonly tf.Tensor[], b: (l: number) => tf.Tensor): tf.Tensor =>
  a.slice(1).reduce((s, al, l) => tf.add(s, tf.mul(al, b(l + 1))), tf.mul(a[0]!, b(0)))
const matvec = (A: Mat, v: Vec): Vec => A.map((row) => dotT(row, (l) => v[l]!))
const matmat = (A: Mat, C: Mat): Mat => A.map((row) => row.map((_, j) => dotT(row, (l) => C[l]![j]!)))
const mapMat = (A: Mat, f: (t: tf.Tensor) => tf.Tensor): Mat => A.map((r) => r.map(f))

// ---- log-step (Hillis–Steele) ----

/** One round at distance d: `x[t] ← A[t]·x[t−d] + x[t]`, `A[t] ← A[t]·A[t−d]` for t ≥ d (A only if `withA`). */
const round = (A: Mat, x: Vec, T: number, d: number, withA: boolean): { A: Mat; x: Vec } =>
  tf.tidy(() => {
    const [head, tail, prev] = [(t: tf.Tensor) => rows(t, 0, d), (t: tf.Tensor) => rows(t, d, T - d), (t: tf.Tensor) => rows(t, 0, T - d)]
    const tailA = mapMat(A, tail)
    const mv = matvec(tailA, x.map(prev))
    const nx = x.map((xi, i) => tf.concat([head(xi), tf.add(mv[i]!, tail(xi))], 0))
    if (!withA) return { A: [], x: nx }
    const mm = matmat(tailA, mapMat(A, prev))
    return { A: A.map((r, i) => r.map((a, j) => tf.concat([head(a), mm[i]![j]!], 0))), x: nx }
  })

/** Inclusive log-step scan of `(A, x)` pairs along time from y0; disposes the A it is given. */
const logStep = (A0: Mat, x0: Vec, y0: Vec): Vec => {
  const T = x0[0]!.shape[0]!
  const first = matvec(mapMat(A0, (t) => rows(t, 0, 1)), y0)
  let state: { A: Mat; x: Vec } = { A: A0, x: x0.map((xi, i) => tf.add(xi, tf.pad(first[i]!, [[0, T - 1], [0, 0]]))) }
  for (let d = 1; d < T; d *= 2) {
    const next = round(state.A, state.x, T, d, 2 * d < T)
    // free each round's operands as the scan goes (the columns of a are the kernel's own temporaries)
    for (const t of [...state.A.flat(), ...state.x]) t.dispose()
    state = next
  }
  return state.x
}

// ---- the kernel ----

/** The tfjs lowering of `recurrence` on time-major columns. */
const onDevice = (scan: (A: Mat, x: Vec, y0: Vec) => Vec): KernelsOf<'recurrence'>['recurrence'] => (inputs, _attrs, shape) => {
  const k = shape.at(-1) ?? 1
  const T = shape.at(-2) ?? 1
  const B = sizeOf(shape.slice(0, -2))
  if (B * T * k === 0) return tf.zeros(dims(shape))
  // time-major [T, B, m], unstacked into m tensors [T, B]
  const columns = (v: tf.Tensor, m: number) =>
    tf.unstack(B === 1 ? tf.reshape(v, [T, 1, m]) : tf.transpose(tf.reshape(v, [B, T, m]), [1, 0, 2]), 2)
  const a = columns(input(inputs, 0), k * k)
  const A: Mat = Array.from({ length: k }, (_, i) => a.slice(i * k, i * k + k))
  const y0 = tf.unstack(tf.reshape(input(inputs, 2), [1, B, k]), 2)
  const y = tf.stack([...scan(A, columns(input(inputs, 1), k), y0)], 2)
  return tf.reshape(B === 1 ? y : tf.transpose(y, [1, 0, 2]), dims(shape))
}

/** Reads the operands to the host and runs the float64-state sequential filter. */
const onHost: KernelsOf<'recurrence'>['recurrence'] = (inputs, _attrs, shape) => {
  const k = shape.at(-1) ?? 1
  const T = shape.at(-2) ?? 1
  const B = sizeOf(shape.slice(0, -2))
  const [a, x, y0] = [0, 1, 2].map((i) => input(inputs, i).dataSync() as Float32Array)
  const y = new Float32Array(B * T * k)
  if (y.length > 0) recurrenceSequential(a!, x!, y0!, y, B, T, k)
  return tf.tensor(y, dims(shape), 'float32')
}

/**
 * The recurrence kernel for a lowering.
 * @example recurrenceKernels('host').recurrence([a, x, y0], {}, [4, 1000, 2])
 */
export const recurrenceKernels = (lowering: RecurrenceLowering): KernelsOf<'recurrence'> => ({
  recurrence: lowering === 'host' ? onHost : lowering === 'webgpu' ? recurrenceWebgpu : onDevice(logStep),
})
