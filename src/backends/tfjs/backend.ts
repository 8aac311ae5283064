/**
 * A `Backend<tf.Tensor>` over one registered tfjs backend. tfjs has a single
 * global engine, so `scope` first makes this backend's tfjs backend active
 * (switching is synchronous once a backend is initialised, which `load.ts`
 * guarantees) and runs `f` in `tf.tidy`. tidy only keeps tensors it finds in
 * arrays and plain objects — not in a `Map` such as the interpreter returns —
 * so `scope` collects every tensor reachable from the result (through
 * objects, arrays and Maps) and hands those to tidy to keep.
 *
 * @example
 * import { tfjsBackend } from './backend.js'
 * const b = tfjsBackend('wasm', { tfBackend: 'wasm', fft: 'real-ops', cumsum: 'native', recurrence: 'host' })
 * await evaluate(b)(program, feeds)
 */
import * as tf from '@tensorflow/tfjs-core'
import type { Backend, HostTensor } from '../../core/backend.js'
import type { Capabilities } from './capabilities.js'
import { upload32 } from './common.js'
import { tfjsKernels } from './kernels.js'

/** Every tensor reachable from `v` through arrays, plain objects and Maps. @example tensorsIn(E.right(new Map([['y', y]]))) // [y] */
export const tensorsIn = (v: unknown, out: tf.Tensor[] = [], seen = new Set<unknown>()): tf.Tensor[] => {
  if (v === null || typeof v !== 'object' || seen.has(v)) return out
  seen.add(v)
  if (v instanceof tf.Tensor) out.push(v)
  else if (v instanceof Map) for (const x of v.values()) tensorsIn(x, out, seen)
  else if (Array.isArray(v)) for (const x of v) tensorsIn(x, out, seen)
  else for (const x of Object.values(v)) tensorsIn(x, out, seen)
  return out
}

/** Makes `tfBackend` the active tfjs backend (synchronous for an initialised backend). @example activate('wasm') */
export const activate = (tfBackend: string): void => {
  if (tf.getBackend() === tfBackend) return
  void tf.setBackend(tfBackend).catch(() => undefined)
  if (tf.getBackend() !== tfBackend) throw new Error(`tfjs backend '${tfBackend}' is not initialised; load it with loadBackend first`)
}

/** A Backend over tfjs tensors (float32), with its probed capabilities. @example const b: TfjsBackend = tfjsBackend('wasm', caps) */
export type TfjsBackend = Backend<tf.Tensor> & { readonly readSync: (x: tf.Tensor) => HostTensor; readonly caps: Capabilities }

/**
 * Builds the Backend for an initialised tfjs backend and its probed capabilities.
 * @example tfjsBackend('tfjs-cpu', { tfBackend: 'cpu', fft: 'native', cumsum: 'native', recurrence: 'host' })
 */
export const tfjsBackend = (name: string, caps: Capabilities): TfjsBackend => ({
  name,
  caps,
  float: 'float32',
  kernels: tfjsKernels(caps),
  fused: {},
  upload: (data, shape) => {
    activate(caps.tfBackend)
    return upload32(data, shape)
  },
  download: async (x) => ({ data: Float32Array.from(await x.data()), shape: [...x.shape] }),
  readSync: (x) => ({ data: Float32Array.from(x.dataSync()), shape: [...x.shape] }),
  dispose: (x) => x.dispose(),
  scope: <A>(f: () => A): A => {
    activate(caps.tfBackend)
    const box: { value?: A } = {}
    tf.tidy(() => {
      const value = f()
      box.value = value
      return tensorsIn(value)
    })
    return box.value as A
  },
})

/**
 * The same backend with some lowerings chosen by hand (its fused kernels
 * kept): for tests and benchmarks that compare lowerings on one device, e.g.
 * the `chunked` recurrence of GPU backends run on tfjs-cpu.
 * @example withLowerings(cpu, { recurrence: 'chunked' }).kernels.recurrence
 */
export const withLowerings = (b: TfjsBackend, choice: Partial<Omit<Capabilities, 'tfBackend'>>): TfjsBackend => ({
  ...tfjsBackend(b.name, { ...b.caps, ...choice }),
  fused: b.fused,
})
