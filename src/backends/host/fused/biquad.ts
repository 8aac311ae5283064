/**
 * Fused host lowering of `dsp.biquad` and its `.vjp`: the direct-form biquad
 * in one pass per row, coefficients read through their broadcast (a static
 * `[B, 1]` coefficient is never widened to `[B, T]`), no `[B, T, 2, 2]`
 * state matrix, the state in float64 (as the `host` recurrence lowering).
 *
 *   u[t] = b0[t]·x[t] + b1[t]·x[t−1] + b2[t]·x[t−2]
 *   y[t] = u[t] − a1[t]·y[t−1] − a2[t]·y[t−2]          (x, y zero before t = 0)
 *
 * Backward, with g = ∂L/∂y and λ = ∂L/∂u (the all-pole filter run backwards):
 *   λ[t] = g[t] − a1[t+1]·λ[t+1] − a2[t+2]·λ[t+2]
 *   ∂b_i[t] = λ[t]·x[t−i],  ∂a_i[t] = −λ[t]·y[t−i],
 *   ∂x[t] = b0[t]·λ[t] + b1[t+1]·λ[t+1] + b2[t+2]·λ[t+2]
 * each coefficient's cotangent summed over the axes it was broadcast along.
 * Checked against the decomposition by `properties/fused.prop.ts`.
 *
 * @example
 * const y = biquadForward([x, b0, b1, b2, a1, a2], [[1, 64], [1, 1], [1, 1], [1, 1], [1, 1], [1, 1]], {}, [1, 64])
 */
import type { HostKernel } from './kernel.js'
import type { Shape } from '../../../core/shape.js'
import { needs } from './attrs.js'
import { output, scratch } from './arena.js'

/** How a coefficient of shape s (rank ≤ 2, NumPy-broadcast to `[B, T]`) is indexed: at = b·rowStride + t·timeStride. */
interface Stride {
  readonly row: number
  readonly time: number
}

const strideOf = (s: Shape, T: number): Stride => {
  const [rows, cols] = s.length >= 2 ? [s.at(-2)!, s.at(-1)!] : [1, s.at(-1) ?? 1]
  return { row: rows === 1 ? 0 : cols, time: cols === 1 ? 0 : cols === T ? 1 : 0 }
}

/** Rows B and length T of x `[B, T]`. */
const dimsOf = (shapes: readonly Shape[]): [number, number] => {
  const x = shapes[0] ?? [1, 1]
  return [x.length >= 2 ? x.at(-2)! : 1, x.at(-1) ?? 1]
}

/** One row's output into `y` (float64 state). */
const forwardRow = (x: Float32Array, c: readonly Float32Array[], st: readonly Stride[], b: number, T: number, y: Float64Array): void => {
  const [b0, b1, b2, a1, a2] = c as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array]
  const o = b * T
  const [s0, s1, s2, s3, s4] = st as [Stride, Stride, Stride, Stride, Stride]
  let [i0, i1, i2, i3, i4] = [b * s0.row, b * s1.row, b * s2.row, b * s3.row, b * s4.row]
  const [d0, d1, d2, d3, d4] = [s0.time, s1.time, s2.time, s3.time, s4.time]
  let [x1, x2, y1, y2] = [0, 0, 0, 0]
  if (d0 === 0 && d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
    // a static filter: the coefficients are this row's constants
    const [c0, c1, c2, c3, c4] = [b0[i0]!, b1[i1]!, b2[i2]!, a1[i3]!, a2[i4]!]
    for (let t = 0; t < T; t++) {
      const xt = x[o + t]!
      const yt = c0 * xt + c1 * x1 + c2 * x2 - c3 * y1 - c4 * y2
      y[t] = yt
      x2 = x1
      x1 = xt
      y2 = y1
      y1 = yt
    }
    return
  }
  for (let t = 0; t < T; t++) {
    const xt = x[o + t]!
    const yt = b0[i0]! * xt + b1[i1]! * x1 + b2[i2]! * x2 - a1[i3]! * y1 - a2[i4]! * y2
    y[t] = yt
    x2 = x1
    x1 = xt
    y2 = y1
    y1 = yt
    i0 += d0
    i1 += d1
    i2 += d2
    i3 += d3
    i4 += d4
  }
}

/** Forward: `[x [B, T], b0, b1, b2, a1, a2]` → `[B, T]`. @example biquadForward(inputs, shapes, {}, [B, T]) */
export const biquadForward: HostKernel = (inputs, shapes) => {
  const [B, T] = dimsOf(shapes)
  const st = shapes.slice(1).map((s) => strideOf(s, T))
  const out = output(B * T)
  const row = scratch('dsp.biquad row', T)
  for (let b = 0; b < B; b++) {
    forwardRow(inputs[0]!, inputs.slice(1), st, b, T, row)
    out.set(row, b * T)
  }
  return out
}

/** One row's λ = ∂L/∂u: the all-pole filter run backwards from g (float64); a_i[t + i] read at its broadcast index. */
const adjointRow = (g: Float32Array, a1: Float32Array, a2: Float32Array, s3: Stride, s4: Stride, b: number, T: number, lambda: Float64Array): void => {
  const o = b * T
  let [l1, l2] = [0, 0]
  for (let t = T - 1; t >= 0; t--) {
    const a1n = t + 1 < T ? a1[b * s3.row + (t + 1) * s3.time]! : 0
    const a2n = t + 2 < T ? a2[b * s4.row + (t + 2) * s4.time]! : 0
    const l = g[o + t]! - a1n * l1 - a2n * l2
    lambda[t] = l
    l2 = l1
    l1 = l
  }
}

/**
 * The backward sweep of one row whose coefficients are constant in time (a static filter): every
 * cotangent in one pass, the coefficient sums in float64 locals; ∂x into `gx` when asked.
 */
const staticRow = (x: Float32Array, c: readonly Float32Array[], st: readonly Stride[], b: number, T: number, y: Float64Array, lambda: Float64Array, gx: Float32Array | undefined, acc: readonly Float64Array[]): void => {
  const at = st.map((q) => b * q.row)
  const [b0, b1, b2] = [0, 1, 2].map((k) => c[k]![at[k]!]!) as [number, number, number]
  const o = b * T
  let [sb0, sb1, sb2, sa1, sa2] = [0, 0, 0, 0, 0]
  let [x1, x2, y1, y2] = [0, 0, 0, 0]
  for (let t = 0; t < T; t++) {
    const l = lambda[t]!
    const xt = x[o + t]!
    if (gx !== undefined) gx[o + t] = b0 * l + b1 * lambda[t + 1]! + b2 * lambda[t + 2]!
    sb0 += l * xt
    sb1 += l * x1
    sb2 += l * x2
    sa1 -= l * y1
    sa2 -= l * y2
    x2 = x1
    x1 = xt
    y2 = y1
    y1 = y[t]!
  }
  ;[sb0, sb1, sb2, sa1, sa2].forEach((v, k) => (acc[k]![at[k]!] = acc[k]![at[k]!]! + v))
}

/**
 * VJP: `[x, b0, b1, b2, a1, a2, g]` → packed `[∂x, ∂b0, ∂b1, ∂b2, ∂a1, ∂a2]`, each flat in its input's shape.
 * @example biquadVjp([...inputs, g], [...shapes, [B, T]], { needs }, [size])
 */
export const biquadVjp: HostKernel = (inputs, shapes, attrs) => {
  const [B, T] = dimsOf(shapes)
  const x = inputs[0]!
  const g = inputs[6]!
  const c = inputs.slice(1, 6) as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array]
  const [b0, b1, b2, a1, a2] = c
  const st = shapes.slice(1, 6).map((s) => strideOf(s, T)) as [Stride, Stride, Stride, Stride, Stride]
  const sizes = inputs.slice(0, 6).map((v) => v.length)
  const offsets = sizes.reduce<number[]>((acc, n) => [...acc, acc.at(-1)! + n], [0])
  const packed = output(offsets[6]!)
  // coefficient cotangents accumulate in float64 (a static coefficient sums T terms per row)
  const acc = sizes.slice(1).map((n, i) => scratch(`dsp.biquad.vjp acc${i}`, n))
  const needX = needs(attrs, 0)
  const y = scratch('dsp.biquad.vjp y', T)
  const lambda = scratch('dsp.biquad.vjp lambda', T + 2) // λ[T], λ[T+1] stay 0
  const [s0, s1, s2] = st
  for (let b = 0; b < B; b++) {
    forwardRow(x, c, st, b, T, y)
    adjointRow(g, a1, a2, st[3], st[4], b, T, lambda)
    const o = b * T
    if (st.every((q) => q.time === 0)) {
      staticRow(x, c, st, b, T, y, lambda, needX ? packed : undefined, acc)
      continue
    }
    // ∂x[t] = b0[t]·λ[t] + b1[t+1]·λ[t+1] + b2[t+2]·λ[t+2] (λ past the end is 0; indices clamp inside the row)
    if (needX)
      for (let t = 0; t < T; t++) {
        const t1 = Math.min(t + 1, T - 1)
        const t2 = Math.min(t + 2, T - 1)
        packed[o + t] = b0[b * s0.row + t * s0.time]! * lambda[t]! + b1[b * s1.row + t1 * s1.time]! * lambda[t + 1]! + b2[b * s2.row + t2 * s2.time]! * lambda[t + 2]!
      }
    // ∂b_i[t] = λ[t]·x[t−i], ∂a_i[t] = −λ[t]·y[t−i], summed over the axes each coefficient was broadcast along
    for (let k = 0; k < 5; k++) {
      if (!needs(attrs, k + 1)) continue
      const lag = k < 3 ? k : k - 2
      const out = acc[k]!
      const s = st[k]!
      const from = (t: number) => (k < 3 ? x[o + t - lag]! : -y[t - lag]!)
      if (s.time === 0) {
        let sum = 0
        for (let t = lag; t < T; t++) sum += lambda[t]! * from(t)
        out[b * s.row] = out[b * s.row]! + sum
      } else for (let t = lag; t < T; t++) out[b * s.row + t] = out[b * s.row + t]! + lambda[t]! * from(t)
    }
  }
  acc.forEach((a, k) => packed.set(a, offsets[k + 1]!))
  return packed
}
