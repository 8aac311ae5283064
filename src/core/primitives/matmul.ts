/**
 * Type rule of the batched matrix product `C = op(A)·op(B)` over the last two
 * axes, batch axes broadcast (NumPy matmul). VJP rule in `matmul.vjp.ts`.
 *
 * @example
 * import * as B from '../build.js'
 * B.matmul(B.input('a', [4, 2, 3]), B.input('b', [3, 5])) // [4, 2, 5]
 */
import * as E from 'fp-ts/lib/Either.js'
import type { TypeRule, TypeRulesOf } from '../type-rule.js'
import { broadcastShapes, showShape } from '../shape.js'

const matmul: TypeRule<'matmul'> = {
  arity: 2,
  type: ([a, b], { transposeA, transposeB }) => {
    const as = a!.shape
    const bs = b!.shape
    if (as.length < 2 || bs.length < 2) return E.left(`matmul needs rank ≥ 2, got ${showShape(as)} and ${showShape(bs)}`)
    const [m, k1] = transposeA ? [as.at(-1)!, as.at(-2)!] : [as.at(-2)!, as.at(-1)!]
    const [k2, n] = transposeB ? [bs.at(-1)!, bs.at(-2)!] : [bs.at(-2)!, bs.at(-1)!]
    if (k1 !== k2) return E.left(`inner extents differ: ${showShape(as)}${transposeA ? 'ᵀ' : ''} · ${showShape(bs)}${transposeB ? 'ᵀ' : ''}`)
    return E.map((batch: readonly number[]) => ({ shape: [...batch, m, n] }))(
      broadcastShapes(as.slice(0, -2), bs.slice(0, -2)),
    )
  },
}

/** Type rules of the matmul group. @example matmulTypes.matmul.arity // 2 */
export const matmulTypes: TypeRulesOf<'matmul'> = { matmul }
