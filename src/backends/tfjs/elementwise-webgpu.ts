/**
 * sin and cos on tfjs's WebGPU backend as our own WGSL: Cody–Waite range
 * reduction by π/4 in three float32 parts and Cephes' `sinf`/`cosf`
 * minimax polynomials (Moshier, Cephes Math Library), mul/add only. WGSL's
 * built-in `sin`/`cos` (what tf.sin runs) only promise an absolute error of
 * 2⁻¹¹ on [−π, π] and nothing outside it; SwiftShader's measure 1.9e-4 on
 * [−π, π] and 7.9e-4 on [−1e4, 1e4], which puts the phase of every
 * oscillator 1e-4 off. These stay within a few float32 ulps of the correctly
 * rounded value for |x| < 8192·π (the reduction is exact while j·DP1 is, j <
 * 2¹⁶), and degrade gracefully beyond.
 *
 * @example
 * import { trigWebgpu } from './elementwise-webgpu.js'
 * trigWebgpu.sin([x], {}, x.shape) // on the active 'webgpu' tfjs backend
 */
import * as tf from '@tensorflow/tfjs-core'
import { sizeOf } from '../../core/shape.js'
import { dims, input, type KernelsOf } from './common.js'
import { runWgsl } from './webgpu-program.js'

/**
 * The WGSL body of sin (`cos = false`) or cos over `X` into `result`.
 * @example trigWgsl(true).includes('cosf') // true
 */
export const trigWgsl = (cos: boolean): string => `
  fn sinf_poly(r : f32, z : f32) -> f32 {
    return r + r * z * (-1.6666654611e-1 + z * (8.3321608736e-3 + z * -1.9515295891e-4));
  }
  fn cosf_poly(z : f32) -> f32 {
    return 1.0 - 0.5 * z + z * z * (4.166664568298827e-2 + z * (-1.388731625493765e-3 + z * 2.443315711809948e-5));
  }
  fn main(index : i32) {
    if (index >= uniforms.n) { return; }
    let x = X[index];
    var sign = ${cos ? '1.0' : 'select(1.0, -1.0, x < 0.0)'};
    let ax = abs(x);
    var j = i32(floor(ax * 1.27323954473516));
    j = j + (j & 1);
    let y = f32(j);
    let r = ((ax - y * 0.78515625) - y * 2.4187564849853515625e-4) - y * 3.77489497744594108e-8;
    let z = r * r;
    j = j & 7;
    if (j > 3) { sign = -sign; j = j - 4; }
    ${cos ? 'if (j > 1) { sign = -sign; }' : ''}
    let usecos = ${cos ? 'j == 1 || j == 2' : 'j == 1 || j == 2'};
    let v = select(sinf_poly(r, z), cosf_poly(z), ${cos ? '!usecos' : 'usecos'});
    result[index] = select(sign * v, x - x, ax != ax || ax > 3.0e38);
  }
`

const trig =
  (cos: boolean): KernelsOf<'sin'>['sin'] =>
  (inputs, _attrs, shape) => {
    const n = sizeOf(shape)
    if (n === 0) return tf.zeros(dims(shape))
    return tf.reshape(runWgsl({ key: cos ? 'cos_cephes' : 'sin_cephes', body: trigWgsl(cos), inputs: { X: input(inputs, 0) }, uniforms: { n }, threads: n, size: n }), dims(shape))
  }

/** sin and cos kernels for the WebGPU backend. @example trigWebgpu.cos([x], {}, [4]) */
export const trigWebgpu: KernelsOf<'sin' | 'cos'> = { sin: trig(false), cos: trig(true) }
