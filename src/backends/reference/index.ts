/**
 * The reference backend: plain-loop kernels over flat float arrays, in
 * float64 (the oracle for property tests) or float32 (to match the tfjs
 * backends' precision). Values are immutable, so reshape shares buffers,
 * disposal is a no-op and the garbage collector frees everything.
 *
 * @example
 * import { reference } from 'ddsp-ts/backends/reference'
 * import { evaluateSync } from 'ddsp-ts'
 * evaluateSync(reference('float64'))(program, { x: [1, 2, 3] })
 */
import type { Backend, HostTensor, Kernels } from '../../core/backend.js'
import { sizeOf, showShape, type Shape } from '../../core/shape.js'
import { elementwise } from './elementwise.js'
import { indexing } from './indexing.js'
import { layout } from './layout.js'
import { matmulKernels } from './matmul.js'
import { reductions } from './reduce.js'
import { scans } from './scan.js'
import { sources } from './sources.js'
import { fftKernels } from './spectral.js'
import type { Alloc, FloatArray, RefTensor } from './tensor.js'

export type { RefTensor } from './tensor.js'

/** The full kernel table for an allocator. @example referenceKernels((n) => new Float64Array(n)).add */
export const referenceKernels = (alloc: Alloc): Kernels<RefTensor> => ({
  ...sources(alloc),
  ...elementwise(alloc),
  ...reductions(alloc),
  ...layout(alloc),
  ...indexing(alloc),
  ...matmulKernels(alloc),
  ...scans(alloc),
  ...fftKernels(alloc),
})

/** The reference backend, with synchronous reads. */
export type ReferenceBackend = Backend<RefTensor> & { readonly readSync: (x: RefTensor) => HostTensor }

/**
 * Creates the reference backend for a float type (float64 by default).
 * @example reference('float32').kernels.sin([x], {}, x.shape)
 */
export const reference = (float: 'float32' | 'float64' = 'float64'): ReferenceBackend => {
  const alloc: Alloc = float === 'float64' ? (n) => new Float64Array(n) : (n) => new Float32Array(n)
  const copy = (data: ArrayLike<number>): FloatArray => {
    const out = alloc(data.length)
    out.set(data)
    return out
  }
  const readSync = (x: RefTensor): HostTensor => ({ data: copy(x.data), shape: [...x.shape] })
  return {
    name: 'reference',
    float,
    kernels: referenceKernels(alloc),
    fused: {},
    upload: (data: FloatArray, shape: Shape): RefTensor => {
      if (data.length !== sizeOf(shape)) throw new Error(`upload: ${data.length} values for shape ${showShape(shape)}`)
      return { data: copy(data), shape: [...shape] }
    },
    download: (x) => Promise.resolve(readSync(x)),
    readSync,
    dispose: () => undefined,
    scope: (f) => f(),
  }
}
