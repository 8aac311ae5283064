/**
 * Control frames for the real-time voices: a fixed ring of frame slots
 * (preallocated, overwritten in place) and the interpolation weights of the
 * offline upsamplers over one hop H, so a voice reads frame i₀ = ⌊t/H⌋ and
 * i₁ = i₀ + 1 (i₀ again while i₁ has not arrived — the offline render holds
 * its last frame the same way).
 *
 * @example
 * const ring = frameRing(16, 100)      // 16 slots of 100 values
 * ring.slot(5).set(values); ring.count = 6
 * const { linear, window } = hopWeights(192)
 */
import { upsampleTable } from '../host/upsample.js'

/** A ring of `capacity` frames of `width` values; frame i lives in slot i mod capacity. */
export interface FrameRing {
  readonly width: number
  readonly capacity: number
  /** Frames pushed so far. */
  count: number
  /** The storage of frame i (a view, no allocation after construction). */
  readonly slot: (i: number) => Float64Array
}

/**
 * Allocates a frame ring.
 * @param capacity slots (≥ frames of look-ahead + 2)  @param width values per frame
 * @example frameRing(8, 65)
 */
export const frameRing = (capacity: number, width: number): FrameRing => {
  const data = new Float64Array(capacity * width)
  const views = Array.from({ length: capacity }, (_, i) => data.subarray(i * width, (i + 1) * width))
  return { width, capacity, count: 0, slot: (i) => views[i % capacity]! }
}

/**
 * Upsampling weights within one hop of H samples: the weights w1 of `dsp/resample`'s one-frame tables
 * (`upsampleTable(method, 1, H)`, the same in every hop of an F-frame render),
 * linear w = j/H (DDSP `resample`), window w = (1 − cos(πj/H))/2 (DDSP `upsample_with_windows`).
 * @param hop samples per frame
 * @example hopWeights(4).window // [0, 0.146…, 0.5, 0.853…]
 */
export const hopWeights = (hop: number): { readonly linear: Float64Array; readonly window: Float64Array } => ({
  linear: Float64Array.from(upsampleTable('linear', 1, hop).w1),
  window: Float64Array.from(upsampleTable('window', 1, hop).w1),
})
