import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { compile } from '../core/program-api.js'
import { input } from '../core/signal.js'
import { cumsum, reverse } from '../core/tensor.js'
import { upsample } from '../dsp/resample.js'
import { harmonic } from '../synths/harmonic.js'
import { streamProgram } from './stream.js'

const backend = reference('float64')

const ok = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left))
  return e.right
}

describe('streamProgram', () => {
  it('folds a running sum over blocks, carrying it in plain-data state', () => {
    const s = ok(streamProgram(ok(compile({ y: cumsum(input('x', [1, 6], 'audio'), 1) })), { inputs: { x: 'audio' }, backend }, {}))
    const a = ok(s.process(s.init(), 4, { x: Float64Array.from([1, 2, 3, 4]) }))
    const b = ok(s.process(a.state, 2, { x: Float64Array.from([5, 6]) }))
    expect([...a.outputs['y']!.data, ...b.outputs['y']!.data]).toEqual([1, 3, 6, 10, 15, 21])
    expect(Object.values(a.state).every((v) => typeof v === 'number' || typeof v === 'object')).toBe(true)
    // the fold is pure: the first state can be replayed
    expect([...ok(s.process(a.state, 2, { x: Float64Array.from([5, 6]) })).outputs['y']!.data]).toEqual([15, 21])
  })
  it('refuses ops that need the future, naming op and site', () => {
    const r = streamProgram(ok(compile({ y: reverse(input('x', [1, 8], 'audio'), [1]) })), { inputs: { x: 'audio' }, backend }, {})
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: 'NotStreamable', op: 'reverse', site: 'reverse#1' })
  })
  it('states how many control frames a block needs (one frame of look-ahead) and fails when they are late', () => {
    const y = upsample(input('u', [1, 4, 1], 'control'), 40, 'linear')
    const s = ok(streamProgram(ok(compile({ y })), { inputs: { u: 'control' }, backend }, {}))
    expect([s.framesNeeded(1), s.framesNeeded(10), s.framesNeeded(11), s.framesNeeded(40)]).toEqual([2, 2, 3, 4])
    const late = s.process(s.init(), 10, { u: Float64Array.from([1]) })
    expect(E.isLeft(late) && late.left._tag).toBe('KernelFailed')
  })
  it('streams the harmonic synth', () => {
    const h = harmonic(input('a', [1, 2, 1], 'control'), input('d', [1, 2, 3], 'control'), input('f', [1, 2, 1], 'control'), { samples: 32, sampleRate: 8000 })
    const s = ok(streamProgram(ok(compile({ y: h })), { inputs: { a: 'control', d: 'control', f: 'control' }, backend }, {}))
    const r = ok(s.process(s.init(), 32, { a: Float64Array.from([0, 1]), d: new Float64Array(6), f: Float64Array.from([440, 440]) }))
    expect(r.outputs['y']!.shape).toEqual([1, 32])
  })
})
