/**
 * Law: for every primitive linear in a group of inputs (others fixed), the
 * VJP is the transpose: ⟨A x, y⟩ = ⟨x, Aᵀ y⟩ (the dot-product test; it catches
 * rfft/irfft Hermitian-weight bugs at once).
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { opNames } from '../src/core/ops.js'
import { primitives } from '../src/core/primitives/index.js'
import { isExcluded, opCases, type OpCase } from '../testing/cases.js'
import { linearGroups, transposeCheck } from './harness.js'
import { params } from './runs.js'
import { TOL, within } from '../testing/tolerance.js'

describe('transpose: ⟨Ax, y⟩ = ⟨x, Aᵀy⟩', () => {
  for (const op of opNames) {
    const arb = opCases[op]
    if (isExcluded(arb) || primitives[op].linearIn.length === 0) continue
    it(op, () => {
      fc.assert(
        fc.property(arb as fc.Arbitrary<OpCase>, fc.integer({ min: 1, max: 2 ** 30 }), (c, seed) =>
          linearGroups(c).every((g) => {
            const { lhs, rhs } = transposeCheck(c, g, seed)
            return within(TOL.transpose, lhs, rhs)
          }),
        ),
        params(),
      )
    })
  }
})
