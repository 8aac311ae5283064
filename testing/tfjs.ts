/**
 * Test support for the tfjs backends: load the wasm and tfjs-cpu backends
 * once, run one kernel on host operands, and compare with the float64
 * reference kernel on the same operands.
 *
 * @example
 * const [wasm] = await testBackends()
 * const { got, want } = againstReference(wasm, 'sin', [{ data: new Float64Array([1]), shape: [1] }], {})
 */
import type * as tf from '@tensorflow/tfjs-core'
import * as E from 'fp-ts/lib/Either.js'
import type { KernelOp } from '../src/core/backend.js'
import { formatError } from '../src/core/errors.js'
import type { OpAttrs } from '../src/core/ops.js'
import { primitives } from '../src/core/primitives/index.js'
import { reference, type RefTensor } from '../src/backends/reference/index.js'
import { loadTfjsBackend } from '../src/backends/load.js'
import type { TfjsBackend } from '../src/backends/tfjs/backend.js'

const ref = reference('float64')

/** Loads wasm and tfjs-cpu (throws if either cannot load: tests only). @example await testBackends() */
export const testBackends = async (): Promise<readonly TfjsBackend[]> => {
  const out: TfjsBackend[] = []
  for (const name of ['wasm', 'tfjs-cpu'] as const) {
    const b = await loadTfjsBackend(name)
    if (E.isLeft(b)) throw new Error(formatError(b.left))
    out.push(b.right)
  }
  return out
}

/**
 * Runs primitive `op` on `backend` and on the float64 reference.
 * @example againstReference(b, 'add', [x, y], {})
 */
export const againstReference = <K extends KernelOp>(
  backend: TfjsBackend,
  op: K,
  operands: readonly RefTensor[],
  attrs: OpAttrs[K],
): { readonly got: Float32Array | Float64Array; readonly want: Float32Array | Float64Array; readonly shape: readonly number[] } => {
  const type = primitives[op].type(operands.map((o) => ({ shape: o.shape })), attrs as never)
  if (E.isLeft(type)) throw new Error(`${op}: ${type.left}`)
  const shape = type.right.shape
  const refKernel = ref.kernels[op] as (i: readonly RefTensor[], a: OpAttrs[K], s: readonly number[]) => RefTensor
  const want = refKernel(operands, attrs, shape).data
  const kernel = backend.kernels[op] as (i: readonly tf.Tensor[], a: OpAttrs[K], s: readonly number[]) => tf.Tensor
  const out = backend.scope(() => {
    const ins = operands.map((o) => backend.upload(o.data, o.shape))
    const y = kernel(ins, attrs, shape)
    ins.forEach(backend.dispose)
    return y
  })
  const got = backend.readSync(out).data
  backend.dispose(out)
  return { got, want, shape }
}
