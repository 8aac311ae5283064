import { describe, expect, it } from 'vitest'
import { constant } from '../../core/signal.js'
import { clap808, clap808Params } from './clap808.js'
import { kit808, type Voice808 } from './kit808.js'
import { toUnit } from './modules.js'
import { evaluateOrThrow } from '../../../testing/run.js'

const sr = 22050
const render = (name: Voice808, n: number, params?: number[]) => {
  const v = kit808[name]
  const p = params ?? v.defaults(sr)
  return evaluateOrThrow({ y: v.render(constant(p, [1, p.length]), n, sr) }, {}, 'float32')['y']!.data
}
const energy = (y: ArrayLike<number>, from: number, to: number) => {
  let e = 0
  for (let i = from; i < to; i++) e += y[i]! ** 2
  return e / (to - from)
}

describe('808 kit', () => {
  it.each(Object.keys(kit808) as Voice808[])('%s renders a finite, audible hit within [−1.5, 1.5] from its defaults', (name) => {
    const y = render(name, Math.floor(sr / 4))
    expect(y.every(Number.isFinite)).toBe(true)
    expect(Math.max(...y.map(Math.abs))).toBeGreaterThan(0.01)
    expect(Math.max(...y.map(Math.abs))).toBeLessThan(1.5)
    expect(kit808[name].defaults(sr).every((u) => u >= 0 && u <= 1)).toBe(true)
  })
  it('kick settles at its 50 Hz fundamental', () => {
    const y = render('kick808', sr)
    const tail = y.slice(sr / 2, sr)
    let crossings = 0
    for (let i = 1; i < tail.length; i++) if (tail[i - 1]! < 0 && tail[i]! >= 0) crossings++
    expect(crossings).toBeGreaterThanOrEqual(24) // 0.5 s of 50 Hz: 25 upward crossings
    expect(crossings).toBeLessThanOrEqual(26)
  })
  it('the closed hat dies long before the open one', () => {
    const [closed, open] = [render('hat808-closed', sr / 2), render('hat808-open', sr / 2)]
    const window = [Math.floor(0.1 * sr), Math.floor(0.2 * sr)] as const
    expect(energy(closed, ...window)).toBeLessThan(1e-4 * energy(open, ...window))
  })
  it('the clap has four bursts at its spacing', () => {
    const spacingMs = 20
    const p = [1200, 1.2, spacingMs, 220, -3].map((v, i) => toUnit(v, clap808Params[i]![1]))
    const y = render('clap808', Math.floor(sr / 4), p)
    void clap808
    const hop = (spacingMs / 1000) * sr
    // each burst onset is louder just after than just before
    for (let i = 1; i < 4; i++) {
      const at = Math.round(i * hop)
      expect(energy(y, at, at + 40)).toBeGreaterThan(1.5 * energy(y, at - 40, at))
    }
  })
})
