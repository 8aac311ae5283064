/**
 * Stream rules of the spectral group (`rfft`, `irfft`): time-local over a
 * batch axis (e.g. frames), refused when the transform runs over the time
 * axis, which needs the whole signal.
 *
 * @example
 * import { spectralRules } from './spectral.js'
 * spectralRules.rfft.info(eqn, [{ axis: 1, rate: 'control' }], [[1, 10, 512]], clock) // Right({ axis: 1, rate: 'control' })
 */
import * as E from 'fp-ts/lib/Either.js'
import type { OpName } from '../../core/ops.js'
import type { PrimEqn } from '../../core/program.js'
import { guarded, local, time0, type PrimRule, type T } from './common.js'

const lastAxis = (what: string) => (_e: PrimEqn, t: T, rank: number) => (t.axis === rank - 1 || (what === 'irfft' && t.axis === rank - 2) ? `${what} over the time axis needs the whole signal` : undefined)

/** Rules of the spectral primitives. @example spectralRules.irfft */
export const spectralRules: Readonly<Partial<Record<OpName, PrimRule>>> = {
  rfft: guarded(lastAxis('rfft'), { info: (_e, ins) => E.right(time0(ins)), run: local() }),
  irfft: guarded(lastAxis('irfft'), { info: (_e, ins) => E.right(time0(ins)), run: local() }),
}
