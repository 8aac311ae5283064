/**
 * Stream rules of the primitives, one table keyed by op and assembled from
 * one file per op group (the group names of `core/primitives` and the
 * backends): how the time axis moves through the op (`info`, or a reason it
 * cannot stream) and how one block is computed (`run`). Time-local ops run
 * the backend's kernel on the block with the time extent rewritten; cumsum
 * along time carries its running sum, recurrence carries y[T−1] as the next
 * y0, pad before along time is a delay line carrying the last d samples, and
 * a gather at time-indexed positions is a delay read. Sources are not in the
 * table: `sources.ts` says where time starts.
 *
 * @example
 * import { primRules } from './index.js'
 * primRules.cumsum.info(eqn, [{ axis: 1, rate: 'audio' }]) // Right({ axis: 1, rate: 'audio' })
 */
import type { OpName } from '../../core/ops.js'
import type { PrimRule } from './common.js'
import { elementwiseRules } from './elementwise.js'
import { indexingRules } from './indexing.js'
import { layoutRules } from './layout.js'
import { matmulRules } from './matmul.js'
import { reduceRules } from './reduce.js'
import { scanRules } from './scan.js'
import { spectralRules } from './spectral.js'

export type { PrimRule } from './common.js'

/** Rules of every non-source primitive. @example primRules.reverse // refuses reversing along time */
export const primRules: Readonly<Partial<Record<OpName, PrimRule>>> = {
  ...elementwiseRules,
  ...reduceRules,
  ...layoutRules,
  ...indexingRules,
  ...matmulRules,
  ...scanRules,
  ...spectralRules,
}
