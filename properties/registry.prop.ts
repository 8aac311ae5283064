/**
 * The registry walk: every primitive has a gradient property (or a reasoned
 * exclusion, allowed only for sources), and every linear primitive a
 * transpose property.
 */
import { describe, expect, it } from 'vitest'
import { opNames, sourceOps } from '../src/core/ops.js'
import { primitives } from '../src/core/primitives/index.js'
import { isExcluded, opCases } from '../testing/cases.js'

describe('registry coverage', () => {
  it('lists every primitive exactly once', () => {
    expect(new Set(opNames).size).toBe(opNames.length)
    expect(Object.keys(primitives).sort()).toEqual([...opNames].sort())
  })
  it.each(opNames)('%s has a gradient property, or a reasoned exclusion (sources, stopGradient)', (op) => {
    const c = opCases[op]
    if (isExcluded(c)) {
      expect([...sourceOps, 'stopGradient']).toContain(op)
      expect(c.excluded.length).toBeGreaterThan(20)
    } else expect(typeof c.generate).toBe('function')
  })
  it.each(opNames.filter((op) => primitives[op].linearIn.length > 0))('linear %s has a transpose property', (op) => {
    expect(isExcluded(opCases[op])).toBe(false)
  })
})
