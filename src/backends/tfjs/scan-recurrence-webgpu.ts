/**
 * The `recurrence` primitive on tfjs's WebGPU backend as one WGSL compute
 * shader: one invocation per row, each running its row's T steps in order,
 * `s ← a[t]·s + x[t]`, the k-vector state in registers. Nothing leaves the
 * device (WebGPU has no synchronous read in Node, and in a browser tfjs's
 * `dataSync` goes through canvases), and the shader is compiled once per k
 * (B and T are uniforms).
 *
 * Accuracy: the state is float32 (WGSL has no f64), so each row is exactly
 * a sequential float32 filter, the float32 oracle of
 * `properties/recurrence-edges.prop.ts` and the same arithmetic as
 * torchaudio's `lfilter` in float32 — not the float64-state `host` lowering
 * (one rounding per output). For poles near z = 1 that is the error the
 * float32 coefficients already impose (ORACLE_TOL.nearUnitCircle), not the
 * log-step scan's cancellation (10²–10⁶ × that). Parallelism is over rows
 * only: a long single row is a serial loop on one GPU thread.
 *
 * @example
 * import { recurrenceWebgpu } from './scan-recurrence-webgpu.js'
 * recurrenceWebgpu([a, x, y0], {}, [4, 1000, 2]) // on the active 'webgpu' tfjs backend
 */
import * as tf from '@tensorflow/tfjs-core'
import { sizeOf } from '../../core/shape.js'
import { dims, input, type KernelsOf } from './common.js'
import { runWgsl } from './webgpu-program.js'

/**
 * The WGSL body for state size k (tfjs adds the bindings `A`, `X`, `Y0`,
 * `result`, the `uniforms` struct and `_start`).
 * @example wgsl(2).includes('array<f32, 2>') // true
 */
export const wgsl = (k: number): string => `
  fn main(index : i32) {
    let row = index;
    if (row >= uniforms.rows) { return; }
    let T = uniforms.steps;
    var s : array<f32, ${k}>;
    var n : array<f32, ${k}>;
    for (var i = 0; i < ${k}; i++) { s[i] = Y0[row * ${k} + i]; }
    for (var t = 0; t < T; t++) {
      let v = (row * T + t) * ${k};
      for (var i = 0; i < ${k}; i++) {
        var acc = X[v + i];
        for (var j = 0; j < ${k}; j++) { acc = acc + A[(v + i) * ${k} + j] * s[j]; }
        n[i] = acc;
      }
      for (var i = 0; i < ${k}; i++) { s[i] = n[i]; result[v + i] = n[i]; }
    }
  }
`

/**
 * The recurrence kernel on the active WebGPU backend (`a [..., T, k, k]`,
 * `x [..., T, k]`, `y0 [..., k]`).
 * @example recurrenceWebgpu([a, x, y0], {}, [64, 2])
 */
export const recurrenceWebgpu: KernelsOf<'recurrence'>['recurrence'] = (inputs, _attrs, shape) => {
  const k = shape.at(-1) ?? 1
  const T = shape.at(-2) ?? 1
  const B = sizeOf(shape.slice(0, -2))
  if (B * T * k === 0) return tf.zeros(dims(shape))
  const [A, X, Y0] = [0, 1, 2].map((i) => input(inputs, i))
  const y = runWgsl({ key: `recurrence_${k}`, body: wgsl(k), inputs: { A: A!, X: X!, Y0: Y0! }, uniforms: { rows: B, steps: T }, threads: B, size: B * T * k })
  return tf.reshape(y, dims(shape))
}
