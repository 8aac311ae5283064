/**
 * Capability probing: which tfjs kernels a backend registers (`tf.getKernel`),
 * checked once when a backend loads, and the lowering chosen for each
 * primitive from them. A primitive that cannot be lowered is a typed error
 * (`BackendUnavailable`) before anything runs.
 *
 * @example
 * import { probe } from './capabilities.js'
 * probe('wasm') // Right({ tfBackend: 'wasm', fft: 'host', cumsum: 'native', recurrence: 'host' })
 */
import * as tf from '@tensorflow/tfjs-core'
import * as E from 'fp-ts/lib/Either.js'
import type { KernelOp } from '../../core/backend.js'
import type { BackendUnavailable } from '../../core/errors.js'
import type { CumsumLowering } from './scan.js'
import type { RecurrenceLowering } from './scan-recurrence.js'
import type { FftLowering } from './spectral.js'

/** The lowerings chosen for one tfjs backend. @example const c: Capabilities = { tfBackend: 'wasm', fft: 'host', cumsum: 'native', recurrence: 'host' } */
export interface Capabilities {
  /** The tfjs backend name (`'wasm'`, `'cpu'`, `'tensorflow'`). */
  readonly tfBackend: string
  readonly fft: FftLowering
  readonly cumsum: CumsumLowering
  /** `host` (sequential, float64 state) where tensors read synchronously; `webgpu` (a WGSL shader) on WebGPU. */
  readonly recurrence: RecurrenceLowering
  /** The device, where the loader knows it (a GPU adapter's description). */
  readonly device?: string
}

const unary = (k: string) => ['Cast', k]
const layout = ['Reshape', 'Tile', 'Transpose', 'Slice', 'PadV2', 'Concat', 'Reverse']
const mask = ['Floor', 'Add', 'GreaterEqual', 'Less', 'LogicalAnd', 'Select', 'Cast', 'ZerosLike']

/** tfjs kernels each primitive needs in every lowering (FFT and cumsum have alternatives, below). @example required.gather // ['GatherV2', ...] */
export const required: Readonly<Record<KernelOp, readonly string[]>> = {
  constant: ['Fill'], noise: [],
  neg: unary('Neg'), exp: unary('Exp'), log: unary('Log'), sin: unary('Sin'), cos: unary('Cos'),
  sqrt: unary('Sqrt'), tanh: unary('Tanh'), abs: unary('Abs'), sign: unary('Sign'), floor: unary('Floor'),
  stopGradient: ['Identity'],
  add: ['Add'], sub: ['Sub'], mul: ['Multiply'], div: ['RealDiv'], pow: ['Pow'],
  maximum: ['Maximum'], minimum: ['Minimum'], atan2: ['Atan2'],
  less: ['Less', 'Cast'], select: ['NotEqual', 'Select', 'Tile'],
  sum: ['Sum', 'Identity'], reduceMax: ['Max', 'Identity'],
  reshape: ['Reshape'], broadcast: ['Tile', 'Reshape'], transpose: ['Transpose'], slice: ['Slice'],
  pad: ['PadV2'], concat: ['Concat'], reverse: ['Reverse', 'Identity'],
  gather: ['GatherV2', 'Tile', ...mask], scatterAdd: ['ScatterNd', 'Pack', 'Transpose', 'Tile', ...mask],
  matmul: ['BatchMatMul'], cumsum: [], rfft: layout, irfft: layout,
  recurrence: [], // the host lowering reads its operands; no tfjs kernel
}

/**
 * tfjs backends whose tensors live in host memory: FFTs run on the host
 * (`host` lowering; tfjs-cpu's own FFT is a JS recursion, slower even than
 * real-ops: rfft 2048 × 64 rows 2.5 s vs 1.06 s), and `loadBackend`
 * registers the host fused lowerings there.
 * @example hostMemory.has('wasm') // true
 */
export const hostMemory: ReadonlySet<string> = new Set(['wasm', 'cpu'])

/**
 * GPU tfjs backends whose FFT kernels are O(n²) DFT shaders with float32
 * angles: they take the `real-ops` FFT (cached twiddles, O(n log n)).
 * @example naiveFft.has('webgpu') // true
 */
export const naiveFft: ReadonlySet<string> = new Set(['webgpu', 'webgl'])

const has = (tfBackend: string) => (k: string) => tf.getKernel(k, tfBackend) !== undefined

/**
 * Probes a registered tfjs backend and chooses each lowering, or says which
 * primitive cannot be lowered.
 * @example probe('cpu') // Right({ tfBackend: 'cpu', fft: 'host', cumsum: 'native', recurrence: 'host' })
 */
export const probe = (tfBackend: string, name: string = tfBackend): E.Either<BackendUnavailable, Capabilities> => {
  const ok = has(tfBackend)
  const missing = (Object.entries(required) as Array<[string, readonly string[]]>).flatMap(([op, ks]) =>
    ks.filter((k) => !ok(k)).map((k) => `${op} needs kernel ${k}`),
  )
  const realOps = ['Multiply', 'Add', 'Sub', 'RealDiv', 'Neg', 'BatchMatMul', 'Pack'].every(ok)
  const native = ['FFT', 'IFFT', 'Complex', 'Real', 'Imag'].every(ok)
  if (!native && !realOps) missing.push('rfft/irfft need FFT kernels or Multiply/Add/Sub/BatchMatMul')
  if (!ok('Cumsum') && !['Add', 'Slice', 'Concat'].every(ok)) missing.push('cumsum needs Cumsum or Add/Slice/Concat')
  if (missing.length > 0)
    return E.left({
      _tag: 'BackendUnavailable',
      backend: name,
      reason: `tfjs backend '${tfBackend}' cannot lower every primitive: ${missing.join('; ')}`,
      remedy: 'use a tfjs backend that registers these kernels (wasm, cpu or tensorflow), all @tensorflow packages at 4.22.0',
    })
  const fft = hostMemory.has(tfBackend) ? 'host' : native && !naiveFft.has(tfBackend) ? 'native' : 'real-ops'
  return E.right({ tfBackend, fft, cumsum: ok('Cumsum') ? 'native' : 'scan', recurrence: tfBackend === 'webgpu' ? 'webgpu' : 'host' })
}
