/**
 * Source kernels on tfjs-core: `constant` (a fill, or the values uploaded)
 * and `noise`. Noise values come from `core/random.ts` (`fillNoise`) on the
 * host and are uploaded, so every backend sees the same numbers. `input`,
 * `param` and `arg` are fed by the interpreter.
 *
 * @example
 * import { sources } from './sources.js'
 * sources.noise([], { seed: 1, dist: 'normal', offset: 0, shape: [4] }, [4])
 */
import * as tf from '@tensorflow/tfjs-core'
import { fillNoise } from '../../core/random.js'
import { sizeOf } from '../../core/shape.js'
import { dims, upload32, type KernelsOf } from './common.js'

/** The source kernels. @example sources.constant([], { shape: [2], data: [1, 2] }, [2]) */
export const sources: KernelsOf<'constant' | 'noise'> = {
  constant: (_inputs, { data }, shape) =>
    data.length === 1 ? tf.fill(dims(shape), data[0] ?? 0, 'float32') : upload32(data, shape),
  noise: (_inputs, { seed, dist, offset }, shape) =>
    upload32(fillNoise(new Float32Array(sizeOf(shape)), seed, dist, offset), shape),
}
