import { describe, expect, it } from 'vitest'
import { canonical, digestNumbers } from './hash.js'
import { constant } from './signal.js'

describe('hashing long constants', () => {
  const table = Array.from({ length: 1000 }, (_, i) => Math.sin(i))
  it('digests long number lists: equal lists agree, a change in one element or the length differs', () => {
    const other = [...table]
    other[537] = other[537]! + 1e-12
    expect(digestNumbers(table)).toBe(digestNumbers([...table]))
    expect(digestNumbers(other)).not.toBe(digestNumbers(table))
    expect(canonical({ data: table })).not.toBe(canonical({ data: table.slice(0, 999) }))
    expect(canonical({ data: [1, 2] })).toBe('{"data":[1,2]}')
  })
  it('keeps hash-consing of large constants structural', () => {
    expect(constant(table, [1000]).node.hash).toBe(constant([...table], [1000]).node.hash)
    expect(constant(table, [1000]).node.hash).not.toBe(constant(table.map((x) => x * 2), [1000]).node.hash)
  })
})
