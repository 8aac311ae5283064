/**
 * Law: every primitive's VJP rule equals float64 central differences along a
 * random direction, on random shapes, attributes and values (JAX check_vjp).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { opNames } from '../src/core/ops.js'
import { isExcluded, opCases, type OpCase } from './cases.js'
import { gradientCheck } from './harness.js'
import { params } from './runs.js'
import { TOL, within } from './tolerance.js'

/** Largest relative gradient error seen in this run, per op (printed for deep runs). */
export const worst = new Map<string, number>()

describe('gradient: VJP = central differences', () => {
  for (const op of opNames) {
    const arb = opCases[op]
    if (isExcluded(arb)) continue
    it(op, () => {
      fc.assert(
        fc.property(arb as fc.Arbitrary<OpCase>, fc.integer({ min: 1, max: 2 ** 30 }), (c, seed) => {
          const { fd, ad } = gradientCheck(c, seed)
          const rel = Math.abs(fd - ad) / Math.max(1e-12, Math.abs(fd), Math.abs(ad))
          worst.set(op, Math.max(worst.get(op) ?? 0, Math.abs(fd - ad) < TOL.gradient.atol ? 0 : rel))
          return within(TOL.gradient, fd, ad)
        }),
        params(),
      )
    })
  }
  it('reports the largest error', () => {
    const rows = [...worst].sort((a, b) => b[1] - a[1])
    console.log(`largest relative gradient error: ${rows.slice(0, 5).map(([op, e]) => `${op} ${e.toExponential(2)}`).join(', ')}`)
    expect(rows.every(([, e]) => Number.isFinite(e))).toBe(true)
  })
})
