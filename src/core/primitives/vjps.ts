/**
 * The VJP table: every primitive's VJP rule and linearity, gathered from the
 * `<group>.vjp.ts` files; reverse-mode autodiff (`autodiff/backprop.ts`) is
 * its one user in the library.
 *
 * @example
 * import { vjpRules } from './vjps.js'
 * vjpRules.sin.linearIn // []
 */
import type { VjpRules } from '../primitive.js'
import { elementwiseVjps } from './elementwise.vjp.js'
import { indexingVjps } from './indexing.vjp.js'
import { layoutVjps } from './layout.vjp.js'
import { matmulVjps } from './matmul.vjp.js'
import { reduceVjps } from './reduce.vjp.js'
import { scanVjps } from './scan.vjp.js'
import { sourceVjps } from './sources.vjp.js'
import { spectralVjps } from './spectral.vjp.js'

/** Every primitive's VJP rule. @example vjpRules.add.linearIn // [[0, 1]] */
export const vjpRules: VjpRules = {
  ...sourceVjps, ...elementwiseVjps, ...reduceVjps, ...layoutVjps, ...indexingVjps, ...matmulVjps, ...scanVjps, ...spectralVjps,
}
