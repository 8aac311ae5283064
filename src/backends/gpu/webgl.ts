/**
 * Making tfjs's `webgl` backend registrable: it draws on a WebGL2 canvas,
 * so it needs a browser (or a worker with OffscreenCanvas). Node has no
 * WebGL context and tfjs 4.22 takes none from headless-gl, so there it is a
 * `BackendUnavailable` pointing at `webgpu`. The device line is the
 * unmasked renderer string where the browser gives it.
 *
 * @example
 * import { prepareWebgl, webglRenderer } from './webgl.js'
 * const ok = await prepareWebgl() // Right(undefined) in a browser, Left(BackendUnavailable) in Node
 */
import * as E from 'fp-ts/lib/Either.js'
import type { BackendUnavailable } from '../../core/errors.js'

/** The part of a WebGL context read here. */
interface Gl {
  getExtension(name: string): { readonly UNMASKED_RENDERER_WEBGL: number } | null
  getParameter(p: number): unknown
  readonly RENDERER: number
}

const hasCanvas = (): boolean => {
  const g = globalThis as Record<string, unknown>
  return g['document'] !== undefined || g['OffscreenCanvas'] !== undefined
}

/**
 * Registers tfjs's `webgl` backend where a canvas exists, or says why not.
 * @example await prepareWebgl()
 */
export const prepareWebgl = async (): Promise<E.Either<BackendUnavailable, void>> => {
  if (!hasCanvas())
    return E.left({
      _tag: 'BackendUnavailable',
      backend: 'webgl',
      reason: 'WebGL needs a browser: this runtime has no canvas (document or OffscreenCanvas), and tfjs-backend-webgl 4.22 takes no headless-gl context',
      remedy: 'in Node use the webgpu backend (npm install webgpu; a GPU adapter or VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json); run webgl in a browser',
    })
  await import('@tensorflow/tfjs-backend-webgl')
  return E.right(undefined)
}

/**
 * The renderer of the active webgl backend's context (`WEBGL_debug_renderer_info` where allowed).
 * @example webglRenderer(tf.backend()) // 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)'
 */
export const webglRenderer = (backend: unknown): string => {
  const gl = (backend as { gpgpu?: { gl?: Gl } }).gpgpu?.gl
  if (gl === undefined) return 'unknown renderer'
  const ext = gl.getExtension('WEBGL_debug_renderer_info')
  return String(gl.getParameter(ext === null ? gl.RENDERER : ext.UNMASKED_RENDERER_WEBGL))
}
