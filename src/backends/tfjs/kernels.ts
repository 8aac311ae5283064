/**
 * The one tfjs kernel table, `Kernels<tf.Tensor>`, shared by the wasm,
 * tfjs-cpu, cuda (tfjs-node-gpu), webgpu and webgl backends (webgpu: our
 * WGSL sin/cos and recurrence). Everything is float32. Each
 * kernel runs in its own `tf.tidy`, so its temporaries are freed as soon as
 * it returns; only its output survives (and the interpreter disposes that
 * after its last use).
 *
 * @example
 * import { tfjsKernels } from './kernels.js'
 * const k = tfjsKernels({ tfBackend: 'wasm', fft: 'real-ops', cumsum: 'native', recurrence: 'host' })
 * k.rfft([x], { n: 2048 }, [8, 1025, 2])
 */
import * as tf from '@tensorflow/tfjs-core'
import type { Kernels } from '../../core/backend.js'
import type { Capabilities } from './capabilities.js'
import { elementwise } from './elementwise.js'
import { trigWebgpu } from './elementwise-webgpu.js'
import { indexing } from './indexing.js'
import { layout } from './layout.js'
import { matmul } from './matmul.js'
import { reduce } from './reduce.js'
import { scanKernels } from './scan.js'
import { recurrenceKernels } from './scan-recurrence.js'
import { sources } from './sources.js'
import { fftKernels } from './spectral.js'

/** Wraps every kernel of a table in its own tf.tidy. */
const tidied = <T extends Record<string, (...args: never[]) => tf.Tensor>>(table: T): T =>
  Object.fromEntries(
    Object.entries(table).map(([op, k]) => [op, (...args: never[]) => tf.tidy(() => k(...args))]),
  ) as T

/**
 * The kernel table for the lowerings chosen by `probe`.
 * @example tfjsKernels({ tfBackend: 'cpu', fft: 'native', cumsum: 'native', recurrence: 'host' }).sin
 */
export const tfjsKernels = (caps: Capabilities): Kernels<tf.Tensor> =>
  tidied({
    ...sources,
    ...elementwise,
    ...(caps.tfBackend === 'webgpu' ? trigWebgpu : {}), // WGSL's sin/cos promise only 2⁻¹¹ absolute
    ...reduce,
    ...layout,
    ...indexing,
    ...matmul,
    ...scanKernels(caps.cumsum),
    ...recurrenceKernels(caps.recurrence),
    ...fftKernels(caps.fft),
  })
