import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { compile } from '../core/program-api.js'
import { add, mul, sin } from '../core/math.js'
import { input } from '../core/signal.js'
import { cumsum, reverse } from '../core/tensor.js'
import { harmonic } from '../synths/harmonic.js'
import { compileStream } from './compile.js'

const backend = reference('float64')

const ok = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left))
  return e.right
}

describe('compileStream', () => {
  it('folds a running sum over blocks of any size up to the capacity', () => {
    const s = ok(compileStream(ok(compile({ y: cumsum(input('x', [1, 6], 'audio'), 1) })), { inputs: { x: 'audio' }, backend, blockSize: 4 }, {}))
    s.inputs['x']!.set([1, 2, 3, 4])
    s.process(4)
    const a = [...s.outputs['y']!.subarray(0, 4)]
    s.inputs['x']!.set([5, 6])
    s.process(2)
    expect([...a, ...s.outputs['y']!.subarray(0, 2)]).toEqual([1, 3, 6, 10, 15, 21])
    s.reset()
    s.inputs['x']!.set([1, 1])
    s.process(2)
    expect([...s.outputs['y']!.subarray(0, 2)]).toEqual([1, 2])
  })
  it('fuses a chain of pointwise ops and a running sum into one loop', () => {
    const x = input('x', [1, 64], 'audio')
    const s = ok(compileStream(ok(compile({ y: add(sin(mul(cumsum(x, 1), 0.1)), x) })), { inputs: { x: 'audio' }, backend, blockSize: 16 }, {}))
    expect(s.source.match(/for\(/g)?.length).toBe(1)
  })
  it('refuses at compile time what needs the future, naming op and site', () => {
    const r = compileStream(ok(compile({ y: reverse(input('x', [1, 8], 'audio'), [1]) })), { inputs: { x: 'audio' }, backend, blockSize: 8 }, {})
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: 'NotStreamable', op: 'reverse', site: 'reverse#1' })
  })
  it('allocates nothing per block: the heap stays flat over 20 000 blocks of the harmonic synth', () => {
    const [F, T] = [400, 400 * 64]
    const h = harmonic(input('a', [1, F, 1], 'control'), input('d', [1, F, 8], 'control'), input('f', [1, F, 1], 'control'), { samples: T, sampleRate: 16000 })
    const s = ok(compileStream(ok(compile({ y: h })), { inputs: { a: 'control', d: 'control', f: 'control' }, backend, blockSize: 16 }, {}))
    const block = () => {
      if (s.position() + 16 > T) s.reset()
      const m = s.framesDue(16)
      s.inputs['a']!.fill(0.5, 0, m)
      s.inputs['d']!.fill(0.1, 0, 8 * m)
      s.inputs['f']!.fill(220, 0, m)
      s.process(16)
    }
    for (let i = 0; i < 5000; i++) block() // optimised code first
    const before = process.memoryUsage().heapUsed
    for (let i = 0; i < 20000; i++) block()
    const grown = process.memoryUsage().heapUsed - before
    expect(grown / 20000).toBeLessThan(8) // bytes per block: a per-block allocation is ≥ 16
  })
})
