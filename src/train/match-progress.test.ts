import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { add, mul, sin, sub } from '../core/math.js'
import { constant, withRate, type Rate, type Signal } from '../core/signal.js'
import { sum } from '../core/tensor.js'
import { fit } from './fit.js'
import { matchSound, type MatchOptions, type MatchResult } from './match.js'
import type { MatchProgress } from './match-progress.js'
import type { FitSnapshot } from './snapshot.js'
import { decodeProgress, encodeJson, encodeProgress } from './snapshot-codec.js'

const SR = 8000
const N = 96
const time = withRate(constant(Array.from({ length: N }, (_, i) => i / SR), [1, N]).node, 'audio')
const sine = (p: Readonly<Record<string, Signal<'static'>>>): Signal<'audio'> => mul(sin(mul(time, mul(add(mul(p['f']!, 100), 400), 2 * Math.PI))), p['amp']!)
const l2 = (pred: Signal<'audio'>, target: Signal<'audio'>): Signal<Rate> => {
  const e = sub(pred, target)
  return mul(sum(mul(e, e), [0, 1]), 1 / N)
}
const options = (backend: MatchOptions['backend']): MatchOptions => ({
  backend,
  synth: sine,
  params: { amp: { shape: [], lo: 0.1, hi: 1 }, f: { shape: [] } },
  target: Float64Array.from({ length: N }, (_, i) => 0.6 * Math.sin((2 * Math.PI * 437 * i) / SR)),
  loss: l2,
  optimizer: { kind: 'adam', schedule: { kind: 'exponential', lr: 0.05, rate: 0.5, decaySteps: 9 } },
  seed: 4,
  randomStarts: 3,
  presets: [{ amp: Float64Array.of(0.3), f: Float64Array.of(0.2) }],
  warmupSteps: 6,
  steps: 23,
  earlyStop: { patience: 12, minDelta: 1e-12 },
})

const bits = (a: ArrayLike<number>) => Array.from(a, (v) => (Object.is(v, -0) ? '-0' : String(v)))
const same = (a: MatchResult, b: MatchResult) => {
  for (const k of Object.keys(a.params)) expect(bits(b.params[k]!)).toEqual(bits(a.params[k]!))
  expect(bits(b.losses)).toEqual(bits(a.losses))
  expect(b.finalLoss).toBe(a.finalLoss)
  expect(b.start).toBe(a.start)
  expect(b.starts).toEqual(a.starts)
}
const unwrap = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
/** Through the JSON of a resume file and back. */
const viaJson = (p: MatchProgress): MatchProgress => unwrap(decodeProgress(JSON.parse(encodeJson(encodeProgress(p))), '$', 'adam'))

describe.each(['float64', 'float32'] as const)('resuming (reference %s)', (dtype) => {
  const backend = reference(dtype)
  it('a match resumed from any saved progress (through its JSON) ends where the uninterrupted match ends, bit for bit', async () => {
    const saved: MatchProgress[] = []
    const straight = unwrap(await matchSound({ ...options(backend), snapshot: { every: 4, save: async (p) => E.right(saved.push(viaJson(p))) } })())
    expect(unwrap(await matchSound(options(backend))())).toEqual(straight) // saving changes nothing
    expect(saved.some((p) => p.warmed.length === 0)).toBe(true) // inside the first warm-up
    expect(saved.some((p) => p.warmed.length === 4)).toBe(true) // inside the refinement
    for (const p of saved) same(straight, unwrap(await matchSound({ ...options(backend), resume: p })()))
  })
  it('a fit resumed from a snapshot keeps its losses, best params and early stopping', async () => {
    const o = { ...options(backend), params: { amp: { shape: [] }, f: { shape: [] } } }
    const run = (extra: object) => matchSound({ ...o, randomStarts: 1, presets: [], warmupSteps: 0, steps: 30, ...extra })()
    const saved: MatchProgress[] = []
    const straight = unwrap(await run({ snapshot: { every: 5, save: async (p: MatchProgress) => E.right(saved.push(structuredClone(p))) } }))
    const snap: FitSnapshot = saved.at(-1)!.current!
    expect(snap.history.losses.length).toBe(snap.state.step)
    same(straight, unwrap(await run({ resume: saved.at(-1) })))
  })
})

describe('fit snapshots', () => {
  it('JSON keeps -0, float types, and an unseen loss (Infinity)', () => {
    const snap: FitSnapshot = {
      params: { w: Float32Array.of(-0, 1.1), b: Float64Array.of(0.1) },
      state: { kind: 'adam', step: 0, slots: { m: { w: [-0, 0], b: [0] }, v: { w: [0, 0], b: [0] } } },
      history: { losses: [], best: { loss: Infinity, params: {} }, improved: { loss: Infinity, step: 0 } },
    }
    const back = viaJson({ warmed: [{ kind: 'random', error: { _tag: 'NonFiniteLoss', step: 2, value: NaN } }], current: snap })
    expect(Object.is(back.current!.params['w']![0], -0) && back.current!.params['w'] instanceof Float32Array && back.current!.params['b'] instanceof Float64Array).toBe(true)
    expect(back.current!.params['w']![1]).toBe(Math.fround(1.1))
    expect(Object.is((back.current!.state.slots as unknown as { m: Record<string, number[]> }).m['w']![0], -0)).toBe(true)
    expect(back.current!.history.best.loss).toBe(Infinity)
    expect(back.warmed[0]).toMatchObject({ kind: 'random', error: { _tag: 'NonFiniteLoss', step: 2 } })
    expect(decodeProgress({ warmed: [{ kind: 'random', result: { params: 1 } }] }, '$', 'adam')).toMatchObject(E.left({ _tag: 'BadCheckpoint', path: '$.warmed[0].result.params' }))
  })
  it('refuses a history without the state it belongs to, and a Left from save stops the run', async () => {
    const o = options(reference('float64'))
    const r = await matchSound({ ...o, snapshot: { every: 2, save: async () => E.left({ _tag: 'CheckpointIoFailed', path: 'x', message: 'disk full' }) } })()
    expect(r).toMatchObject(E.left({ _tag: 'CheckpointIoFailed', path: 'x' }))
    const f = await fit({ backend: reference('float64'), program: { inputs: [], params: [], eqns: [], outputs: [] } as never, params: {}, optimizer: o.optimizer, steps: 1, history: { losses: [], best: { loss: Infinity, params: {} }, improved: { loss: Infinity, step: 0 } } })()
    expect(f).toMatchObject(E.left({ _tag: 'BadTrainOptions', field: 'history' }))
  })
})
