import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { mul, sin, sub, add } from '../core/math.js'
import { constant, withRate, type Rate, type Signal } from '../core/signal.js'
import { sum } from '../core/tensor.js'
import { matchSound, type MatchOptions } from './match.js'

const SR = 8000
const N = 128
const time = withRate(constant(Array.from({ length: N }, (_, i) => i / SR), [1, N]).node, 'audio')
/** amp·sin(2π·hz·t) with hz = 400 + 100·f: `f` is unconstrained, the range comes from the map. */
const sine = (p: Readonly<Record<string, Signal<'static'>>>): Signal<'audio'> =>
  mul(sin(mul(time, mul(add(mul(p['f']!, 100), 400), 2 * Math.PI))), p['amp']!)
const render = (amp: number, hz: number) => Float64Array.from({ length: N }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / SR))
/** Mean squared error, built from core combinators. */
const l2 = (pred: Signal<'audio'>, target: Signal<'audio'>): Signal<Rate> => {
  const e = sub(pred, target)
  return mul(sum(mul(e, e), [0, 1]), 1 / N)
}

const options = (seed: number): MatchOptions => ({
  backend: reference('float64'),
  synth: sine,
  params: { amp: { shape: [], lo: 0.1, hi: 1 }, f: { shape: [] } },
  target: render(0.6, 437),
  loss: l2,
  optimizer: { kind: 'adam', schedule: { kind: 'constant', lr: 0.02 } },
  seed,
  randomStarts: 8,
  warmupSteps: 40,
  steps: 400,
})

describe('sound matching', () => {
  it('recovers a sine’s amplitude and frequency from its render', async () => {
    const r = await matchSound(options(3))()
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    const { params, startLoss, finalLoss, losses, starts } = r.right
    expect(params['amp']![0]).toBeCloseTo(0.6, 3)
    expect(Math.abs(400 + 100 * params['f']![0]! - 437)).toBeLessThan(0.05)
    expect(finalLoss).toBeLessThan(1e-6 * startLoss)
    expect(losses.length).toBe(400)
    expect(starts.length).toBe(8)
  })
  it('is deterministic for a seed, and another seed draws other starts', async () => {
    const [a, b, c] = await Promise.all([matchSound(options(5))(), matchSound(options(5))(), matchSound(options(6))()])
    expect(b).toEqual(a)
    expect(E.isRight(a) && E.isRight(c) && a.right.starts[0]!.loss !== c.right.starts[0]!.loss).toBe(true)
  })
  it('a preset at the answer wins the warm-up', async () => {
    const r = await matchSound({ ...options(1), randomStarts: 2, presets: [{ amp: Float64Array.of(0.6), f: Float64Array.of(0.37) }] })()
    expect(E.isRight(r) && r.right.start).toBe(2)
    expect(E.isRight(r) && r.right.startLoss).toBeLessThan(1e-12)
  })
  it('a target of the wrong length is an error naming it', async () => {
    const r = await matchSound({ ...options(1), target: new Float64Array(5) })()
    expect(r).toMatchObject(E.left({ _tag: 'BadTrainOptions', field: 'target' }))
  })
})
