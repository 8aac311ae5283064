import { describe, expect, it } from 'vitest'
import { lowering } from './composite-names.js'

describe('composite names', () => {
  it('looks a name read from a graph up in a lowering table (no inherited key)', () => {
    expect(lowering({ 'dsp.phase': 1 }, 'dsp.phase')).toBe(1)
    expect(lowering({ 'dsp.phase': 1 }, 'svf')).toBeUndefined()
  })
})
