import { describe, expect, it } from 'vitest'


import { input } from '../core/signal.js'
import { frameCount } from '../host/frame.js'
import { frame, overlapAdd } from './frame.js'
import { run, close } from '../../testing/run.js'

describe('frame / overlapAdd', () => {
  const x = Array.from({ length: 10 }, (_, i) => i + 1)
  const sig = input('x', [1, 10], 'audio')
  it('frames with hop < length overlap; pad none keeps whole frames', () => {
    const f = frame(sig, 4, 3)
    expect(f.shape).toEqual([1, 3, 4])
    close(run({ f }, { x })['f'], [1, 2, 3, 4, 4, 5, 6, 7, 7, 8, 9, 10], 0)
  })
  it("pad 'end' gives ⌈N/hop⌉ frames, zero padded", () => {
    const f = frame(sig, 4, 3, 'end')
    expect(f.shape).toEqual([1, 4, 4])
    close(run({ f }, { x })['f'], [1, 2, 3, 4, 4, 5, 6, 7, 7, 8, 9, 10, 10, 0, 0, 0], 0)
    expect(frameCount(10, 4, 3, 'end')).toBe(4)
    expect(frameCount(10, 4, 3, 'none')).toBe(3)
  })
  it('overlapAdd ∘ frame with hop = length is the identity', () => {
    close(run({ y: overlapAdd(frame(sig, 5, 5), 5) }, { x })['y'], x, 0)
  })
  it('overlapAdd sums overlaps: all-ones frames at hop 2 of length 4 give 1, 1, 2, 2, …, 1, 1', () => {
    const y = run({ y: overlapAdd(input('f', [1, 3, 4], 'audio'), 2) }, { f: new Array<number>(12).fill(1) })['y']!
    close(y, [1, 1, 2, 2, 2, 2, 1, 1], 0)
  })
  it('a signal shorter than one frame is a graph error', () => {
    expect(() => run({ f: frame(sig, 11, 1) }, { x })).toThrow(/no frame/)
  })
})
