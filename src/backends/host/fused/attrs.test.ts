import { describe, expect, it } from 'vitest'
import { cachedPlan, flag, needs, num, nums, oneOf } from './attrs.js'

describe('fused attributes', () => {
  it('reads typed attributes and names a wrong one', () => {
    const a = { hop: 64, center: true, ratios: [1, 2], window: 'hann', bad: 'x' }
    expect([num(a, 'hop'), flag(a, 'center'), flag(a, 'padEnd'), nums(a, 'ratios'), oneOf(a, 'window', ['hann', 'hamming'])]).toEqual([64, true, false, [1, 2], 'hann'])
    expect(() => num(a, 'bad')).toThrow(/'bad' must be a finite number, got "x"/)
    expect(() => oneOf(a, 'window', ['hamming'])).toThrow(/'window' must be one of hamming/)
    expect(() => nums(a, 'hop')).toThrow(/'hop' must be a list of numbers/)
  })
  it('reads which cotangents a .vjp needs (all when the attribute is absent)', () => {
    expect([needs({ needs: [false, true] }, 0), needs({ needs: [false, true] }, 1), needs({}, 0)]).toEqual([false, true, true])
  })
  it('builds a plan once per name, attributes and shapes', () => {
    let built = 0
    const make = () => ({ n: ++built })
    const p1 = cachedPlan('t', { a: 1 }, [[2, 3]], make)
    const p2 = cachedPlan('t', { a: 1 }, [[2, 3]], make)
    const p3 = cachedPlan('t', { a: 2 }, [[2, 3]], make)
    expect(p1).toBe(p2)
    expect(p3).not.toBe(p1)
    expect(built).toBe(2)
  })
})
