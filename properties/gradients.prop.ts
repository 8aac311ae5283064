/**
 * Law: every primitive's VJP rule equals float64 central differences along a
 * random direction, on random shapes, attributes and values (JAX check_vjp).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { opNames } from '../src/core/ops.js'
import { isExcluded, opCases, type OpCase } from '../testing/cases.js'
import { worstByLabel } from './directional.js'
import { gradientCheck } from './harness.js'
import { params } from './runs.js'
import { TOL, within } from '../testing/tolerance.js'

describe('gradient: VJP = central differences', () => {
  for (const op of opNames) {
    const arb = opCases[op]
    if (isExcluded(arb)) continue
    it(op, () => {
      fc.assert(
        fc.property(arb as fc.Arbitrary<OpCase>, fc.integer({ min: 1, max: 2 ** 30 }), (c, seed) => {
          const { fd, ad } = gradientCheck(c, seed)
          const rel = Math.abs(fd - ad) / Math.max(1e-12, Math.abs(fd), Math.abs(ad))
          worstByLabel.set(op, Math.max(worstByLabel.get(op) ?? 0, Math.abs(fd - ad) < TOL.gradient.atol ? 0 : rel))
          return within(TOL.gradient, fd, ad)
        }),
        params(),
      )
    })
  }
  it('records a finite largest error for every op checked (printed by properties/report.ts)', () => {
    expect([...worstByLabel.keys()].sort()).toEqual(opNames.filter((op) => !isExcluded(opCases[op])).sort())
    expect([...worstByLabel.values()].every(Number.isFinite)).toBe(true)
  })
})
