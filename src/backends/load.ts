/**
 * Loading a backend by name: `'wasm'` (default; tfjs-backend-wasm, SIMD,
 * single-threaded in Node), `'tfjs-cpu'` (tfjs-backend-cpu), `'cuda'`
 * (@tensorflow/tfjs-node-gpu), `'tfjs-node'` (@tensorflow/tfjs-node, CPU
 * libtensorflow), `'webgpu'` (tfjs-backend-webgpu: the browser's WebGPU, or
 * Dawn through the `webgpu` package in Node, see gpu/webgpu.ts), `'webgl'`
 * (tfjs-backend-webgl, browsers only) and `'reference'` (float64 plain loops). Loading does the
 * asynchronous part once (tf.setBackend, tf.ready), then probes the kernels;
 * a backend that cannot load is a `BackendUnavailable` value with a remedy.
 *
 * @example
 * import { loadBackend } from 'ddsp-ts/backends/load'
 * const b = await loadBackend('wasm') // Right(Backend) or Left(BackendUnavailable)
 * if (E.isRight(b)) await evaluate(b.right)(program, feeds)
 */
import { createRequire } from 'node:module'
import * as path from 'node:path'
import * as tf from '@tensorflow/tfjs-core'
import * as E from 'fp-ts/lib/Either.js'
import type { AnyBackend } from '../core/backend.js'
import type { BackendUnavailable } from '../core/errors.js'
import { reference } from './reference/index.js'
import { hostMemory, probe } from './tfjs/capabilities.js'
import { tfjsBackend, type TfjsBackend } from './tfjs/backend.js'
import { withHostLowerings } from './tfjs/host-fused.js'
import { registerWasmHeapSlice } from './tfjs/wasm-slice.js'
import { hostLowerings } from './host/fused/index.js'
import { prepareWebgl, webglRenderer } from './gpu/webgl.js'
import { prepareWebgpu } from './gpu/webgpu.js'
import { watchDeviceErrors } from './gpu/webgpu-errors.js'

/** The backend names `loadBackend` knows. @example backendNames.includes('wasm') // true */
export const backendNames = ['wasm', 'tfjs-cpu', 'cuda', 'tfjs-node', 'webgpu', 'webgl', 'reference'] as const

/** A backend name. @example const n: BackendName = 'tfjs-cpu' */
export type BackendName = (typeof backendNames)[number]

/** Any loaded backend (tfjs tensors or reference arrays), core's `AnyBackend`. @example evaluate(b)(program, feeds) */
export type { AnyBackend } from '../core/backend.js'

const unavailable = (backend: string, reason: string, remedy: string): BackendUnavailable => ({
  _tag: 'BackendUnavailable',
  backend,
  reason,
  remedy,
})

const message = (e: unknown): string => (e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e)).replace(/\.+$/, '')

/** Initialises a registered tfjs backend once and makes it a Backend. */
const initialise = async (name: string, tfBackend: string): Promise<E.Either<BackendUnavailable, TfjsBackend>> => {
  const ok = await tf.setBackend(tfBackend).catch(() => false)
  if (!ok) return E.left(unavailable(name, `tfjs backend '${tfBackend}' failed to initialise`, 'check the tfjs install'))
  await tf.ready()
  return E.map((caps: Parameters<typeof tfjsBackend>[1]) => tfjsBackend(name, caps))(probe(tfBackend, name))
}

const loadWasm = async (): Promise<E.Either<BackendUnavailable, TfjsBackend>> => {
  const wasm = await import('@tensorflow/tfjs-backend-wasm')
  registerWasmHeapSlice() // tfjs's Slice copies its whole input to JS first (issue 19)
  if (typeof process !== 'undefined' && process.versions.node !== undefined) {
    const dist = path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'))
    wasm.setWasmPaths(`${dist}${path.sep}`)
  }
  return initialise('wasm', 'wasm')
}

const loadNode = async (name: 'cuda' | 'tfjs-node'): Promise<E.Either<BackendUnavailable, TfjsBackend>> => {
  const pkg = name === 'cuda' ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node'
  const needs =
    name === 'cuda'
      ? 'Needs Linux x86_64, an NVIDIA GPU, CUDA 11.2 and cuDNN 8.1'
      : 'Needs Linux/macOS/Windows x86_64 (or macOS arm64)'
  try {
    await import(/* @vite-ignore */ pkg)
  } catch (e) {
    return E.left(unavailable(name, `cannot import ${pkg}: ${message(e)}`, `Run: npm install ${pkg}@4.22.0 (its install downloads libtensorflow). ${needs}.`))
  }
  return initialise(name, 'tensorflow')
}

/** webgpu and webgl: register the tfjs backend where an adapter or canvas exists, then initialise it; the device line goes into caps. */
const loadGpu = async (name: 'webgpu' | 'webgl'): Promise<E.Either<BackendUnavailable, TfjsBackend>> => {
  const device = name === 'webgpu' ? await prepareWebgpu() : E.map(() => '')(await prepareWebgl())
  if (E.isLeft(device)) return device
  const b = await initialise(name, name)
  if (E.isLeft(b)) return b
  const line = name === 'webgl' ? webglRenderer(tf.backend()) : device.right
  const gpu = tfjsBackend(name, { ...b.right.caps, device: line })
  if (name === 'webgl') return E.right(gpu)
  // shader errors arrive as device events that tfjs ignores: a download after one fails
  const drain = watchDeviceErrors(tf.backend())
  return E.right({ ...gpu, download: async (x) => {
    const r = await gpu.download(x)
    const e = drain()
    if (e !== undefined) throw new Error(`WebGPU device error: ${e}`)
    return r
  } })
}

/** One load per name and process: tfjs backends initialise once. */
const loading = new Map<TfjsBackendName, Promise<E.Either<BackendUnavailable, TfjsBackend>>>()
let queue: Promise<unknown> = Promise.resolve()

/** The tfjs-based backend names. @example const n: TfjsBackendName = 'cuda' */
export type TfjsBackendName = Exclude<BackendName, 'reference'>

/**
 * Loads a tfjs-based backend by name (typed as tf.Tensor values).
 * @example const b = await loadTfjsBackend('wasm')
 */
export const loadTfjsBackend = (name: TfjsBackendName): Promise<E.Either<BackendUnavailable, TfjsBackend>> => {
  const hit = loading.get(name)
  if (hit !== undefined) return hit
  // tf.setBackend is global and racy: loads run one after another.
  const p = queue.then(() =>
    loadOnce(name).catch((e: unknown) =>
      E.left(unavailable(name, `loading failed: ${message(e)}`, 'install all @tensorflow packages at 4.22.0 (one tfjs-core)')),
    ),
  )
  queue = p
  loading.set(name, p)
  return p
}


const loadOnce = async (name: TfjsBackendName): Promise<E.Either<BackendUnavailable, TfjsBackend>> => {
  switch (name) {
    case 'wasm':
      return loadWasm()
    case 'tfjs-cpu':
      await import('@tensorflow/tfjs-backend-cpu')
      return initialise('tfjs-cpu', 'cpu')
    case 'cuda':
    case 'tfjs-node':
      return loadNode(name)
    case 'webgpu':
    case 'webgl':
      return loadGpu(name)
  }
}

/** Options of `loadBackend`. */
export interface LoadOptions {
  /** Register the host fused lowerings (`backends/host/fused`) on backends with host-memory tensors (default true). */
  readonly fused?: boolean
}

/**
 * Loads a backend by name (wasm and tfjs-cpu with the host fused lowerings unless `fused: false`).
 * @param name 'wasm' | 'tfjs-cpu' | 'cuda' | 'tfjs-node' | 'webgpu' | 'webgl' | 'reference'
 * @example const b = await loadBackend('tfjs-cpu')
 */
export const loadBackend = async (name: BackendName, options: LoadOptions = {}): Promise<E.Either<BackendUnavailable, AnyBackend>> => {
  if (name === 'reference') return E.right(reference('float64'))
  const b = await loadTfjsBackend(name)
  const fused = options.fused ?? true
  return E.map((x: TfjsBackend) => (fused && hostMemory.has(x.caps.tfBackend) ? withHostLowerings(x, hostLowerings) : x))(b)
}

/** Whether a string names a backend. @example isBackendName('wasm') // true */
export const isBackendName = (s: string): s is BackendName => (backendNames as readonly string[]).includes(s)

/**
 * Loads the backend named by `DDSP_BACKEND` (default 'wasm').
 * @example DDSP_BACKEND=tfjs-cpu node app.js // then: await backendFromEnv()
 */
export const backendFromEnv = async (env: Readonly<Record<string, string | undefined>> = process.env): Promise<E.Either<BackendUnavailable, AnyBackend>> => {
  const name = env['DDSP_BACKEND'] ?? 'wasm'
  return isBackendName(name)
    ? loadBackend(name)
    : E.left(unavailable(name, `unknown backend '${name}'`, `set DDSP_BACKEND to one of ${backendNames.join(', ')}`))
}
