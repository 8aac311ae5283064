import { describe, expect, it } from 'vitest'
import { canonical, digestNumbers } from './hash.js'
import { evaluateOrThrow } from '../../testing/run.js'
import { add } from './math.js'
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
  it('tells lists apart that differ in sign bits only, in any number of elements (each a high bit of a word)', () => {
    const flipped = (idx: readonly number[]) => table.map((v, i) => (idx.includes(i) ? -v : v))
    const seen = new Set([digestNumbers(table)])
    for (const idx of [[3], [3, 11], [0, 999], [1, 2, 3, 4], [10, 20, 30, 40, 50, 60]]) seen.add(digestNumbers(flipped(idx)))
    expect(seen.size).toBe(6)
  })
  it('keeps hash-consing of large constants structural', () => {
    expect(constant(table, [1000]).node.hash).toBe(constant([...table], [1000]).node.hash)
    expect(constant(table, [1000]).node.hash).not.toBe(constant(table.map((x) => x * 2), [1000]).node.hash)
    const partly = table.map((v, i) => (i === 3 || i === 11 ? -v : v)) // a partial negation: merged with the table before
    expect(constant(table, [1000]).node.hash).not.toBe(constant(partly, [1000]).node.hash)
  })
  it('keeps a table and its partial negation apart through compile and evaluation (sum 0 where negated)', () => {
    const a = Array.from({ length: 20 }, (_, i) => i + 1)
    const b = a.map((v, i) => (i === 3 || i === 11 ? -v : v))
    const y = Array.from(evaluateOrThrow({ y: add(constant(a, [20]), constant(b, [20])) })['y']!.data)
    expect(y).toEqual(a.map((v, i) => (i === 3 || i === 11 ? 0 : 2 * v)))
  })
})
