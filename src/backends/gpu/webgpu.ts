/**
 * Making tfjs's `webgpu` backend registrable: find a WebGPU adapter, then
 * import `@tensorflow/tfjs-backend-webgpu` (it registers itself only where
 * `navigator.gpu` exists). In a browser that is the browser's WebGPU; in
 * Node it is Dawn through the optional `webgpu` package, installed as
 * `navigator.gpu` with Dawn's globals (`GPUBufferUsage`, …).
 *
 * In Node, when Dawn finds no adapter and `VK_ICD_FILENAMES` is unset, the
 * loader points the Vulkan loader at Chromium's SwiftShader ICD if one is
 * installed (`swiftshader.ts`), tries once more and says so in the device
 * line ("software adapter: …"). Set `VK_ICD_FILENAMES` yourself to choose
 * the driver; set `DDSP_WEBGPU_SOFTWARE=0` to forbid the fallback.
 *
 * @example
 * import { prepareWebgpu } from './webgpu.js'
 * const d = await prepareWebgpu() // Right('SwiftShader driver 5.0.0 (google swiftshader); software adapter: ...') or Left(BackendUnavailable)
 */
import * as E from 'fp-ts/lib/Either.js'
import type { BackendUnavailable } from '../../core/errors.js'
import { describeAdapter, type AdapterInfo } from './adapter.js'
import { swiftshaderIcd } from './swiftshader.js'

/** The part of `navigator.gpu` used here. */
interface Gpu {
  requestAdapter(options?: { powerPreference?: string }): Promise<{ readonly info?: AdapterInfo } | null>
}

/** The part of the `webgpu` package (Dawn for Node) used here. */
interface Dawn {
  create(flags: string[]): Gpu
  globals: Record<string, unknown>
}

const unavailable = (reason: string, remedy: string): BackendUnavailable => ({ _tag: 'BackendUnavailable', backend: 'webgpu', reason, remedy })

const message = (e: unknown): string => (e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e))

const isNode = (): boolean => typeof process !== 'undefined' && process.versions?.node !== undefined

/** The first adapter `gpu` offers, or undefined (errors count as none). */
const adapterOf = async (gpu: Gpu): Promise<AdapterInfo | undefined> => {
  const a = await gpu.requestAdapter({ powerPreference: 'high-performance' }).catch(() => null)
  return a === null ? undefined : (a.info ?? {})
}

/** Installs `gpu` as `navigator.gpu` (Node 20 has no navigator; Node 21+ has one without gpu). */
const installNavigator = (gpu: Gpu, globals: Record<string, unknown>): void => {
  const g = globalThis as Record<string, unknown>
  for (const [k, v] of Object.entries(globals)) if (!(k in g)) g[k] = v
  if (g['navigator'] === undefined) g['navigator'] = {}
  Object.defineProperty(g['navigator'] as object, 'gpu', { value: gpu, configurable: true })
}

const noAdapterRemedy = (icd: string | undefined): string =>
  icd !== undefined
    ? `install a Vulkan driver for your GPU, or set VK_ICD_FILENAMES=${icd} (SwiftShader, a software adapter)`
    : 'install a Vulkan driver for your GPU, or for a software adapter install Chromium (Debian: apt install chromium-common) and set VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json'

/** Node: Dawn's adapter (SwiftShader as the fallback), installed as navigator.gpu. */
const prepareNode = async (env: Readonly<Record<string, string | undefined>>): Promise<E.Either<BackendUnavailable, string>> => {
  let dawn: Dawn
  try {
    dawn = (await import(/* @vite-ignore */ 'webgpu')) as unknown as Dawn
  } catch (e) {
    return E.left(unavailable(`cannot import the webgpu package (Dawn for Node): ${message(e)}`, 'Run: npm install webgpu@0.6.2 (an optional dependency; Linux x64, macOS and Windows binaries ship inside it)'))
  }
  const { existsSync } = await import('node:fs')
  const icd = swiftshaderIcd(existsSync)
  let gpu = dawn.create([])
  let info = await adapterOf(gpu)
  let note = ''
  if (info === undefined && env['VK_ICD_FILENAMES'] === undefined && env['DDSP_WEBGPU_SOFTWARE'] !== '0' && icd !== undefined) {
    // the Vulkan loader reads VK_ICD_FILENAMES when Dawn creates its next instance
    process.env['VK_ICD_FILENAMES'] = icd
    gpu = dawn.create([])
    info = await adapterOf(gpu)
    note = `; software adapter: no hardware adapter and VK_ICD_FILENAMES unset, so VK_ICD_FILENAMES=${icd} was set`
  }
  if (info === undefined) {
    const where = env['VK_ICD_FILENAMES'] === undefined ? 'VK_ICD_FILENAMES unset' : `VK_ICD_FILENAMES=${env['VK_ICD_FILENAMES']}`
    return E.left(unavailable(`Dawn (the webgpu package) found no WebGPU adapter (${where})`, noAdapterRemedy(icd)))
  }
  installNavigator(gpu, dawn.globals)
  return E.right(`${describeAdapter(info)}${note}`)
}

/** Browser: the page's own navigator.gpu. */
const prepareBrowser = async (): Promise<E.Either<BackendUnavailable, string>> => {
  const gpu = (globalThis as { navigator?: { gpu?: Gpu } }).navigator?.gpu
  if (gpu === undefined)
    return E.left(unavailable('this browser exposes no navigator.gpu', 'use a browser with WebGPU (Chromium 113+; Chromium without a GPU: --enable-unsafe-webgpu --use-webgpu-adapter=swiftshader), or the webgl backend'))
  const info = await adapterOf(gpu)
  if (info === undefined)
    return E.left(unavailable('navigator.gpu offers no adapter', 'enable WebGPU for this GPU, or start Chromium with --enable-unsafe-webgpu --use-webgpu-adapter=swiftshader for a software adapter'))
  return E.right(describeAdapter(info))
}

/**
 * Finds an adapter and registers tfjs's `webgpu` backend; the adapter's
 * description, or why WebGPU cannot run here and what to install or set.
 * @example await prepareWebgpu(process.env)
 */
export const prepareWebgpu = async (env: Readonly<Record<string, string | undefined>> = isNode() ? process.env : {}): Promise<E.Either<BackendUnavailable, string>> => {
  const device = isNode() ? await prepareNode(env) : await prepareBrowser()
  if (E.isLeft(device)) return device
  await import('@tensorflow/tfjs-backend-webgpu')
  return device
}
