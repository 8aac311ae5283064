import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { composite } from './composite.js'
import { fusible, packOffsets } from './fusible.js'
import { mul, sin, add } from './math.js'
import { input, param, type Signal } from './signal.js'
import { sum } from './tensor.js'
import { compile } from './program-api.js'
import { valueAndGrad } from './autodiff/vjp.js'
import { evaluateSync } from './interpret.js'
import { reference } from '../backends/reference/index.js'

const grads = (f: (x: Signal<'control'>, y: Signal<'control'>) => Signal<'control'>) => {
  const x = param('x', [2, 3], 'control')
  const y = param('y', [3], 'control')
  const loss = sum(f(x, y), [0, 1])
  const p = E.flatMap(compile({ loss }), (q) => valueAndGrad(q, 'loss'))
  const r = E.flatMap(p, (q) => evaluateSync(reference('float64'))(q, { x: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], y: [1, 2, 3] }))
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

describe('fusible', () => {
  it('packs cotangents at running offsets', () => expect(packOffsets([[2, 3], [4], []])).toEqual([0, 6, 10, 11]))
  it('gives the same value and gradients as the plain decomposition', () => {
    const body = (x: Signal<'control'>, y: Signal<'control'>) => mul(sin(x), add(y, x))
    const fused = fusible('test.sinMul', body)
    const a = grads(body)
    const b = grads(fused)
    for (const k of ['loss', 'grad:x', 'grad:y']) expect(Array.from(b[k]!.data)).toEqual(Array.from(a[k]!.data))
  })
  it('passes gradients through a fusible composite nested in another composite (its args may carry params)', () => {
    const body = (x: Signal<'control'>, y: Signal<'control'>) => mul(sin(x), add(y, x))
    const inner = fusible('test.inner', body)
    const outer = composite('test.outer', (x: Signal<'control'>, y: Signal<'control'>) => inner(x, y))
    const a = grads(body)
    const b = grads(outer)
    for (const k of ['loss', 'grad:x', 'grad:y']) expect(Array.from(b[k]!.data)).toEqual(Array.from(a[k]!.data))
  })
  it('names its backward composite <name>.vjp', () => {
    const x = param('x', [4], 'control')
    const p = E.flatMap(compile({ loss: sum(fusible('test.sq', (v: Signal<'control'>) => mul(v, v))(x), [0]) }), (q) => valueAndGrad(q, 'loss'))
    expect(E.isRight(p) && p.right.eqns.some((e) => e.op === 'composite' && e.name === 'test.sq.vjp')).toBe(true)
  })
  it('decides needs from the differentiated graph: an input, even behind an enclosing composite, needs no cotangent', () => {
    const body = (x: Signal<'control'>, y: Signal<'control'>) => mul(sin(x), add(y, x))
    const inner = fusible('test.needs', body)
    const outer = composite('test.needsOuter', (x: Signal<'control'>, y: Signal<'control'>) => inner(x, y))
    const loss = sum(outer(param('x', [3], 'control'), input('y', [3], 'control')), [0])
    const p = E.flatMap(compile({ loss }), (q) => valueAndGrad(q, 'loss'))
    const eqn = E.isRight(p) ? p.right.eqns.find((e) => e.op === 'composite' && e.name === 'test.needs.vjp') : undefined
    expect((eqn?.attrs as Record<string, unknown> | undefined)?.['needs']).toEqual([true, false])
  })
})
