import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { valueAndGrad } from './autodiff/vjp.js'
import { evaluateSync } from './interpret.js'
import { clip, mul } from './math.js'
import { compile } from './program-api.js'
import { constant, param } from './signal.js'
import { sum } from './tensor.js'

// torch.clamp's forward and backward: y = min(max(x, lo), hi); dy/dx = 1 where lo ≤ x ≤ hi (bounds
// included: torch's clamp_backward masks with (x >= min) & (x <= max)), 0 outside.
const x = param('x', [7])
const xs = [-3, -1, -0.5, 0, 0.5, 1, 3]

const evaluate = (loss: ReturnType<typeof sum>, feeds: Record<string, number[]>) =>
  pipe(
    compile({ loss }),
    E.flatMap((p) => valueAndGrad(p, 'loss')),
    E.flatMap((p) => evaluateSync(reference('float64'))(p, feeds)),
    E.map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [...v.data]]))),
  )

describe('clip', () => {
  it('clamps to [lo, hi] and passes the gradient whole on [lo, hi], bounds included (torch.clamp)', () => {
    const w = [1, 2, 3, 4, 5, 6, 7] // distinct weights, so each element's gradient is visible
    const out = evaluate(sum(mul(clip(x, -1, 1), constant(w, [7])), [0]), { x: xs })
    expect(out).toEqual(E.right({ loss: [-1 * 1 + -1 * 2 + -0.5 * 3 + 0 + 0.5 * 5 + 1 * 6 + 1 * 7], 'grad:x': [0, 2, 3, 4, 5, 6, 0] }))
  })
  it('has a data-last form for pipe', () => {
    const out = evaluate(sum(x.pipe(mul(2), clip(-1, 1)), [0]), { x: xs })
    expect(E.map((o: Record<string, number[]>) => o['grad:x'])(out)).toEqual(E.right([0, 0, 2, 2, 2, 0, 0]))
  })
  it('sends a clipped element’s cotangent to the bound it was clipped to', () => {
    const lo = param('lo', [])
    const hi = param('hi', [])
    const out = evaluate(sum(clip(x, lo, hi), [0]), { x: xs, lo: [-1], hi: [1] })
    expect(E.map((o: Record<string, number[]>) => [o['grad:lo'], o['grad:hi']])(out)).toEqual(E.right([[1], [1]]))
  })
  it('passes NaN through, as torch.clamp', () => {
    const out = evaluate(sum(clip(x, -1, 1), [0]), { x: [NaN, 0, 0, 0, 0, 0, 0] })
    expect(E.isLeft(out) || Number.isNaN(out.right['loss']![0])).toBe(true)
  })
})
