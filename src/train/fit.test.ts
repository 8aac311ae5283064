import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { add, log, mul, sub } from '../core/math.js'
import { compile } from '../core/program-api.js'
import { constant, input, param } from '../core/signal.js'
import { sum } from '../core/tensor.js'
import type { Program } from '../core/program.js'
import { formatTrainError } from './errors.js'
import { fit, type StepReport } from './fit.js'

const unwrap = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

/** Mean squared error of y = w·x + b against targets t (8 points). */
const regression = (): Program => {
  const x = input('x', [8])
  const e = sub(add(mul(param('w', []), x), param('b', [])), input('t', [8]))
  return unwrap(compile({ loss: mul(sum(mul(e, e), [0]), 1 / 8) }))
}
const xs = Float64Array.from({ length: 8 }, (_, i) => i / 4 - 1)
const inputs = { x: xs, t: xs.map((v) => 3 * v - 0.5) }
const adam = { kind: 'adam' as const, schedule: { kind: 'constant' as const, lr: 0.05 } }

describe('fit', () => {
  it('recovers a line (w = 3, b = −0.5) and reports every step', async () => {
    const reports: StepReport[] = []
    const r = unwrap(
      await fit({
        backend: reference('float64'),
        program: regression(),
        inputs,
        params: { w: Float64Array.of(0), b: Float64Array.of(0) },
        optimizer: { kind: 'sgd', schedule: { kind: 'constant', lr: 0.3 }, momentum: 0.5 },
        steps: 300,
        onStep: (s) => reports.push(s),
      })(),
    )
    expect(r.params['w']![0]).toBeCloseTo(3, 4)
    expect(r.params['b']![0]).toBeCloseTo(-0.5, 4)
    expect(r.finalLoss).toBeLessThan(1e-8)
    expect(reports.map((s) => s.step)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1))
    expect(reports[0]!.loss).toBeCloseTo(r.losses[0]!, 15)
  })
  it('is deterministic: two runs give identical params and curves', async () => {
    const go = () => fit({ backend: reference('float32'), program: regression(), inputs, params: { w: Float32Array.of(0.1), b: Float32Array.of(0) }, optimizer: adam, steps: 40 })()
    const [a, b] = [unwrap(await go()), unwrap(await go())]
    expect(b.losses).toEqual(a.losses)
    expect(Array.from(b.params['w']!)).toEqual(Array.from(a.params['w']!))
  })
  it('stops early when the loss stops improving', async () => {
    // the loss does not depend on w: its gradient is 0, so nothing ever improves
    const p = unwrap(compile({ loss: add(mul(param('w', []), 0), constant(1)) }))
    const r = unwrap(await fit({ backend: reference('float64'), program: p, params: { w: Float64Array.of(1) }, optimizer: adam, steps: 100, earlyStop: { patience: 5 } })())
    expect(r.stoppedEarly).toBe(true)
    expect(r.losses.length).toBe(5)
  })
  it('a non-finite loss is an error naming the step', async () => {
    // loss = log w with SGD lr 2 from w = 1: w → 1 − 2·(1/w) = −1, so step 1 evaluates log(−1)
    const p = unwrap(compile({ loss: log(param('w', [])) }))
    const r = await fit({ backend: reference('float64'), program: p, params: { w: Float64Array.of(1) }, optimizer: { kind: 'sgd', schedule: { kind: 'constant', lr: 2 } }, steps: 10 })()
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: 'NonFiniteLoss', step: 1 })
    expect(E.isLeft(r) && formatTrainError(r.left)).toMatch(/at step 1/)
  })
  it('bad options are errors naming the field', async () => {
    const base = { backend: reference('float64'), program: regression(), inputs, params: { w: Float64Array.of(0), b: Float64Array.of(0) }, optimizer: adam }
    expect(await fit({ ...base, steps: -1 })()).toMatchObject(E.left({ _tag: 'BadTrainOptions', field: 'steps' }))
    expect(await fit({ ...base, steps: 1, loss: 'nope' })()).toMatchObject(E.left({ _tag: 'BadTrainOptions', field: 'loss' }))
    expect(await fit({ ...base, steps: 1, params: { q: Float64Array.of(0) } })()).toMatchObject(E.left({ _tag: 'BadTrainOptions', field: 'params' }))
  })
})
