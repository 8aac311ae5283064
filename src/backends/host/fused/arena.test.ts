import { describe, expect, it } from 'vitest'
import { output, SCRATCH_BYTES, scratch, scratchBytes, withOutput } from './arena.js'

describe('host lowering arena', () => {
  it('scratch is the same zero-filled array per key and length, another for another key', () => {
    const a = scratch('test a', 16)
    a.fill(7)
    const b = scratch('test a', 16)
    expect(b).toBe(a)
    expect(Array.from(b)).toEqual(new Array(16).fill(0))
    expect(scratch('test b', 16)).not.toBe(a)
    expect(scratch('test a', 17)).not.toBe(a)
  })
  it('stays within its bound', () => {
    for (let i = 0; i < 40; i++) scratch(`test big ${i}`, (4 << 20) / 8 + i)
    expect(scratchBytes()).toBeLessThanOrEqual(SCRATCH_BYTES)
  })
  it('output: the allocator of withOutput, once per call; fresh otherwise', () => {
    const mine = new Float32Array(8)
    const [first, second] = withOutput(() => mine, () => [output(8), output(8)])
    expect(first).toBe(mine)
    expect(second).not.toBe(mine)
    expect(output(8)).not.toBe(mine)
  })
})
