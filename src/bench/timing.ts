/**
 * Wall-clock timing of a benchmark case: one warm-up call, then `runs` timed
 * calls; median, min and max in milliseconds, and the median count of minor
 * page faults per call (`process.resourceUsage().minorPageFault`, the whole
 * process: fresh large buffers cost one fault per 4 KiB page they touch).
 * The PyTorch peer reports the same fields (`resource.getrusage`).
 *
 * @example
 * const t = await time(() => evaluate(b)(p, feeds), 10)   // { median_ms, min_ms, max_ms, runs, minor_faults }
 */
import { extent, median } from '../host/stats.js'

/** Timings of one case. */
export interface Timing {
  readonly median_ms: number
  readonly min_ms: number
  readonly max_ms: number
  readonly runs: number
  /** Median minor page faults per timed call (the whole process). */
  readonly minor_faults: number
}

/** One timed case with its real-time factor and ratio to PyTorch. */
export type CaseReport = Timing & { readonly realtime: number; readonly ratio_vs_torch?: number }

/** Minor page faults of this process so far. @example const f0 = minorFaults() */
export const minorFaults = (): number => process.resourceUsage().minorPageFault

/**
 * Times an async case; `after` runs after each call (e.g. to sample memory).
 * @example await time(async () => work(), 5, () => sample())
 */
export const time = async (f: () => Promise<unknown>, runs: number, after: () => void = () => undefined): Promise<Timing> => {
  await f()
  after()
  const ts: number[] = []
  const faults: number[] = []
  for (let i = 0; i < runs; i++) {
    const f0 = minorFaults()
    const t0 = performance.now()
    await f()
    ts.push(performance.now() - t0)
    faults.push(minorFaults() - f0)
    after()
  }
  const [lo, hi] = extent(ts)
  return { median_ms: median(ts), min_ms: lo, max_ms: hi, runs, minor_faults: median(faults) }
}
