/**
 * Statistics of plain host arrays (recordings, feature tracks, loss curves,
 * timings), one loop each: never `Math.max(...a)` or `push(...a)`, which pass
 * one argument per element and overflow the stack past ~10⁵ elements.
 *
 * @example
 * extent([3, -1, 2]) // [−1, 3]
 * median([3, 1, 2, 4]) // 2.5
 */

/** The mean, 0 for no values. @example mean([1, 2, 3]) // 2 */
export const mean = (xs: ArrayLike<number>): number => {
  let s = 0
  for (let i = 0; i < xs.length; i++) s += xs[i]!
  return s / Math.max(1, xs.length)
}

/** The median (the mean of the middle two for an even count), NaN for no values. @example median([3, 1, 2]) // 2 */
export const median = (xs: ArrayLike<number>): number => {
  const s = Array.from(xs).sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  if (s.length === 0) return NaN
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** [min, max], [Infinity, −Infinity] for no values. @example extent(new Float32Array([2, -5])) // [−5, 2] */
export const extent = (xs: ArrayLike<number>): [number, number] => {
  let lo = Infinity
  let hi = -Infinity
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i]!
    if (v < lo) lo = v
    if (v > hi) hi = v
  }
  return [lo, hi]
}
