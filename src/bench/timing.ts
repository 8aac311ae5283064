/**
 * Wall-clock timing of a benchmark case: one warm-up call, then `runs` timed
 * calls; median, min and max in milliseconds (the PyTorch peer reports the
 * same fields).
 *
 * @example
 * const t = await time(() => evaluate(b)(p, feeds), 10)   // { median_ms, min_ms, max_ms, runs }
 */
import { extent, median } from '../host/stats.js'

/** Timings of one case. */
export interface Timing {
  readonly median_ms: number
  readonly min_ms: number
  readonly max_ms: number
  readonly runs: number
}

/**
 * Times an async case; `after` runs after each call (e.g. to sample memory).
 * @example await time(async () => work(), 5, () => sample())
 */
export const time = async (f: () => Promise<unknown>, runs: number, after: () => void = () => undefined): Promise<Timing> => {
  await f()
  after()
  const ts: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await f()
    ts.push(performance.now() - t0)
    after()
  }
  const [lo, hi] = extent(ts)
  return { median_ms: median(ts), min_ms: lo, max_ms: hi, runs }
}
