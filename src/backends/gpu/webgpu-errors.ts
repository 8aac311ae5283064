/**
 * WebGPU reports shader and validation errors asynchronously, as
 * `uncapturederror` events on the device, and tfjs ignores them: a shader
 * tfjs writes wrong runs as a no-op and its output is garbage. This keeps
 * them, so a download can fail instead of returning the garbage.
 *
 * @example
 * import { watchDeviceErrors } from './webgpu-errors.js'
 * const drain = watchDeviceErrors(tf.backend())
 * await x.data(); const e = drain() // undefined, or the first error's message since the last drain
 */

/** The part of a GPUDevice used here. */
interface Device {
  addEventListener?(type: 'uncapturederror', f: (e: { readonly error?: { readonly message?: string } }) => void): void
}

/**
 * Starts collecting the device's uncaptured errors; the returned function
 * gives the first message since its last call (and forgets the rest).
 * @example const drain = watchDeviceErrors(tf.backend()); drain() // undefined
 */
export const watchDeviceErrors = (backend: unknown): (() => string | undefined) => {
  const device = (backend as { device?: Device }).device
  const seen: string[] = []
  device?.addEventListener?.('uncapturederror', (e) => seen.push(e.error?.message ?? 'unknown WebGPU error'))
  return () => {
    const first = seen[0]
    seen.length = 0
    return first === undefined ? undefined : first.split('\n').slice(0, 2).join(' ')
  }
}
