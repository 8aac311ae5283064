/**
 * Running our own WGSL compute shaders on tfjs's WebGPU backend, duck-typed
 * (no static import of @tensorflow/tfjs-backend-webgpu, which loads lazily):
 * tfjs declares the storage bindings (one per input name, `result` for the
 * output), a `uniforms` struct with our fields, and `_start`, which calls our
 * `fn main(index : i32)` with the global invocation index. Inputs and the
 * output are flat (1-D); the shader is compiled once per `key` and cached by
 * tfjs, so shapes go in uniforms.
 *
 * @example
 * import { runWgsl } from './webgpu-program.js'
 * runWgsl({ key: 'twice', body: 'fn main(i : i32) { if (i < uniforms.n) { result[i] = 2.0 * X[i]; } }', inputs: { X: x }, uniforms: { n: 4 }, threads: 4, size: 4 })
 */
import * as tf from '@tensorflow/tfjs-core'

/** The part of tfjs-backend-webgpu's `WebGPUProgram` filled in here. */
interface Program {
  readonly outputShape: number[]
  readonly shaderKey: string
  readonly dispatchLayout: { readonly x: number[] }
  readonly dispatch: [number, number, number]
  readonly variableNames: string[]
  readonly workgroupSize: [number, number, number]
  readonly uniforms: string
  readonly size: boolean
  getUserCode(): string
}

/** The part of tfjs-backend-webgpu's `WebGPUBackend` used here. */
interface WebgpuBackend {
  runWebGPUProgram(p: Program, inputs: tf.TensorInfo[], dtype: 'float32', uniforms: Array<{ type: 'int32'; data: number[] }>): tf.TensorInfo
}

/** One shader launch. @example const s: Wgsl = { key: 'k', body: '...', inputs: { X: x }, uniforms: { n: 4 }, threads: 4, size: 4 } */
export interface Wgsl {
  /** Names the compiled shader (with the body's compile-time constants). */
  readonly key: string
  /** WGSL defining `fn main(index : i32)`. */
  readonly body: string
  /** Input tensors by binding name (read as flat `array<f32>`). */
  readonly inputs: Readonly<Record<string, tf.Tensor>>
  /** int32 uniforms by field name (`uniforms.<name>`). */
  readonly uniforms: Readonly<Record<string, number>>
  /** Invocations to launch (the shader bounds-checks its index). */
  readonly threads: number
  /** Elements of the flat float32 output `result`. */
  readonly size: number
}

const WORKGROUP = 64

/**
 * Launches one WGSL shader on the active WebGPU backend; the flat output as a tensor.
 * @example runWgsl(shader).reshape([B, T])
 */
export const runWgsl = (s: Wgsl): tf.Tensor => {
  const names = Object.keys(s.inputs)
  const fields = Object.keys(s.uniforms)
  const program: Program = {
    outputShape: [s.size],
    shaderKey: `ddsp_${s.key}`,
    dispatchLayout: { x: [0] },
    dispatch: [Math.max(1, Math.ceil(s.threads / WORKGROUP)), 1, 1],
    variableNames: names,
    workgroupSize: [WORKGROUP, 1, 1],
    uniforms: fields.map((f) => `${f} : i32,`).join(' '),
    size: false,
    getUserCode: () => s.body,
  }
  const backend = tf.backend() as unknown as WebgpuBackend
  const flat = names.map((n) => tf.reshape(s.inputs[n]!, [-1]))
  const info = backend.runWebGPUProgram(program, flat, 'float32', fields.map((f) => ({ type: 'int32' as const, data: [s.uniforms[f]!] })))
  return tf.engine().makeTensorFromTensorInfo(info)
}
