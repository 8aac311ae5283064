/**
 * VJP rule of matmul. Bilinear: dA = G·Bᵀ, dB = Aᵀ·G (adjusted for the
 * transpose flags).
 *
 * @example
 * import { matmulVjps } from './matmul.vjp.js'
 * matmulVjps.matmul.linearIn // [[0], [1]]
 */
import * as B from '../build.js'
import type { VjpRulesOf, VjpSpec } from '../primitive.js'

const matmul: VjpSpec<'matmul'> = {
  vjp: (g, { inputs: [a, b], attrs: { transposeA: tA, transposeB: tB } }) => {
    if (!tA && !tB) return [B.matmul(g, b!, false, true), B.matmul(a!, g, true, false)]
    if (!tA && tB) return [B.matmul(g, b!, false, false), B.matmul(g, a!, true, false)]
    if (tA && !tB) return [B.matmul(b!, g, false, true), B.matmul(a!, g, false, false)]
    return [B.matmul(b!, g, true, true), B.matmul(g, a!, true, true)]
  },
  linearIn: [[0], [1]],
}

/** VJP rules of the matmul group. @example matmulVjps.matmul.vjp */
export const matmulVjps: VjpRulesOf<'matmul'> = { matmul }
