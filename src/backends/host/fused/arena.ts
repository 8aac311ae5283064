/**
 * Buffers of the host fused lowerings that outlive one call (issue 19: no
 * fresh large typed arrays per training step, so no page faults for them).
 *
 * - `output(n)`: the lowering's result. An adapter that knows where the
 *   result should live runs the lowering inside `withOutput(alloc, ...)`
 *   (e.g. `backends/tfjs/host-io.ts` hands out the memory of the result
 *   tensor on the wasm heap); otherwise it is a fresh array, so a result
 *   handed to a caller that keeps it (tfjs-cpu's `tf.tensor` keeps the very
 *   array) is never reused behind its back.
 * - `scratch(key, n)`: working memory that never leaves the lowering; one
 *   zero-filled Float64Array per key and length, reused across calls. Safe
 *   because lowerings are synchronous and never re-entered. The arena is
 *   bounded (`SCRATCH_BYTES`, least recently used first out).
 *
 * `DDSP_HOST_ARENA=0` in the environment turns reuse off (fresh arrays
 * everywhere, as before), to measure the difference in one session.
 *
 * @example
 * const y = output(B * T)                           // zeroed Float32Array
 * const h = scratch('synth.harmonicBank.vjp h', T)  // zeroed Float64Array, the same one next call
 */

/** Gives a zero-filled Float32Array of `length` for a lowering's result. */
export type OutputAllocator = (length: number) => Float32Array

/** Whether buffers are reused (`DDSP_HOST_ARENA=0` turns it off). @example if (arenaEnabled()) ... */
export const arenaEnabled = (): boolean => (typeof process === 'undefined' ? true : process.env['DDSP_HOST_ARENA'] !== '0')

let current: OutputAllocator | undefined

/**
 * Runs `f` (one lowering call) with `alloc` giving its result array; the allocator is dropped afterwards.
 * @example const y = withOutput((n) => view.subarray(0, n).fill(0), () => kernel(inputs, shapes, attrs, shape))
 */
export const withOutput = <A>(alloc: OutputAllocator, f: () => A): A => {
  const outer = current
  current = alloc
  try {
    return f()
  } finally {
    current = outer
  }
}

/**
 * The result array of a lowering: from the allocator of the enclosing `withOutput` (reuse on), else fresh.
 * Call it once per lowering call, for the array the lowering returns.
 * @example const out = output(8) // a fresh Float32Array(8) outside withOutput
 */
export const output = (length: number): Float32Array => {
  const alloc = current
  current = undefined // one result per call: a nested or second request gets a fresh array
  return alloc !== undefined && arenaEnabled() ? alloc(length) : new Float32Array(length)
}

/** Most bytes of scratch kept between calls. */
export const SCRATCH_BYTES = 64 * 1024 * 1024

const kept = new Map<string, Float64Array>()
let keptBytes = 0

/**
 * A zero-filled Float64Array of `length` for working memory inside one lowering call, reused across calls.
 * Never return it, and never hold it past the call.
 * @example const full = scratch('dsp.frameConvolve full', 64000)
 */
export const scratch = (key: string, length: number): Float64Array => {
  if (!arenaEnabled()) return new Float64Array(length)
  const k = `${key} ${length}`
  const hit = kept.get(k)
  if (hit !== undefined) {
    kept.delete(k) // re-insert: most recently used last
    kept.set(k, hit)
    return hit.fill(0)
  }
  const a = new Float64Array(length)
  if (a.byteLength > SCRATCH_BYTES) return a
  kept.set(k, a)
  keptBytes += a.byteLength
  for (const [old, v] of kept) {
    if (keptBytes <= SCRATCH_BYTES) break
    kept.delete(old)
    keptBytes -= v.byteLength
  }
  return a
}

/** Bytes of scratch held now. @example scratchBytes() <= SCRATCH_BYTES // true */
export const scratchBytes = (): number => keptBytes
