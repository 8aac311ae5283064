/**
 * Perceptually uniform colour maps for spectrograms, as 9 evenly spaced
 * stops of matplotlib's `magma` and `viridis` (van der Walt & Smith, 2015,
 * https://bids.github.io/colormap/) linearly interpolated in RGB.
 *
 * @example
 * colour('magma', 0)   // [0, 0, 4]     (silence: near black)
 * colour('viridis', 1) // [253, 231, 37] (loudest: yellow)
 */
import type { Rgb } from './canvas.js'

/** The available colour maps. @example const m: ColourMap = 'magma' */
export type ColourMap = 'magma' | 'viridis'

const STOPS: Readonly<Record<ColourMap, readonly Rgb[]>> = {
  magma: [[0, 0, 4], [28, 16, 68], [79, 18, 123], [129, 37, 129], [181, 54, 122], [229, 80, 100], [251, 135, 97], [254, 194, 135], [252, 253, 191]],
  viridis: [[68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141], [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37]],
}

/**
 * The colour of `t` ∈ [0, 1] (clamped; NaN → 0) on a map.
 * @param map 'magma' or 'viridis'  @param t position on the map
 * @example colour('magma', 0.5) // [181, 54, 122]
 */
export const colour = (map: ColourMap, t: number): Rgb => {
  const s = STOPS[map]
  const u = Math.min(1, Math.max(0, Number.isNaN(t) ? 0 : t)) * (s.length - 1)
  const i = Math.min(s.length - 2, Math.floor(u))
  const f = u - i
  const [a, b] = [s[i]!, s[i + 1]!]
  const mix = (k: 0 | 1 | 2) => Math.round(a[k] + f * (b[k] - a[k]))
  return [mix(0), mix(1), mix(2)]
}
