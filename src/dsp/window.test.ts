import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { evaluateSync, type Feeds } from '../core/interpret.js'
import { compile } from '../core/program-api.js'
import type { Rate, Signal } from '../core/signal.js'

/** Evaluates named signals on the reference backend (throws on errors). */
const run = (outs: Record<string, Signal<Rate>>, feeds: Feeds = {}, dtype: 'float32' | 'float64' = 'float64') => {
  const r = E.flatMap(compile(outs), (p) => evaluateSync(reference(dtype))(p, feeds))
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return Object.fromEntries(Object.entries(r.right).map(([k, v]) => [k, Array.from(v.data)]))
}
const close = (a: readonly number[] | undefined, b: readonly number[], tol: number) => {
  expect(a?.length).toBe(b.length)
  b.forEach((v, i) => expect(Math.abs(a![i]! - v)).toBeLessThanOrEqual(tol))
}

import { blackman, hamming, hann, hannTable, windowTable } from './window.js'

describe('windows are periodic', () => {
  it('hann(4) = [0, 0.5, 1, 0.5] and hann(5) is periodic, not symmetric', () => {
    close(run({ w: hann(4) })['w'], [0, 0.5, 1, 0.5], 1e-15)
    close(hannTable(5), [0, 1, 2, 3, 4].map((i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / 5)), 1e-15)
    expect(hannTable(5)[1]).toBeCloseTo(hannTable(5)[4]!, 15)
  })
  it('Hann at hop n/4 overlap-adds to 1.5 (constant), the property STFT resynthesis relies on', () => {
    const w = hannTable(16)
    for (let i = 0; i < 4; i++) expect(w[i]! + w[i + 4]! + w[i + 8]! + w[i + 12]!).toBeCloseTo(2, 14)
  })
  it('Hamming and Blackman have their textbook endpoints and peaks', () => {
    const o = run({ h: hamming(8), b: blackman(8) })
    expect(o['h']![0]).toBeCloseTo(0.08, 14)
    expect(o['h']![4]).toBeCloseTo(1, 14)
    expect(o['b']![0]).toBeCloseTo(0, 14)
    expect(o['b']![4]).toBeCloseTo(1, 14)
    close(windowTable('rectangular', 3), [1, 1, 1], 0)
  })
})
