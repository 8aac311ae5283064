/**
 * Law: wavetable lookup is differentiable in the table and the phase (reverse
 * mode = float64 central differences; draws whose step crosses a table point,
 * a kink of linear interpolation, are discarded).
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { mul } from '../src/core/math.js'
import { compile } from '../src/core/program-api.js'
import { constant, param } from '../src/core/signal.js'
import { sum } from '../src/core/tensor.js'
import { wavetableLookup } from '../src/synths/wavetable.js'
import { operand, rng } from './cases.js'
import { directional } from './directional.js'
import { ok } from './harness.js'
import { params } from './runs.js'
import { TOL, within } from './tolerance.js'

describe('wavetable gradients', () => {
  it('∂/∂(table, phase) = central differences, static and time-varying tables', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 2, max: 12 }), fc.boolean(), fc.integer({ min: 1, max: 2 ** 30 }), (B, N, varying, seed) => {
        const r = rng(seed)
        const T = 20
        const shape = varying ? [B, T, N] : [B, N]
        const y = wavetableLookup(varying ? param('table', shape, 'audio') : param('table', shape), param('phase', [B, T], 'audio'))
        const prog = ok(compile({ loss: sum(mul(y, constant([...operand(r, [B, T]).values], [B, T])), [0, 1]) }))
        const at = { table: operand(r, shape).values, phase: operand(r, [B, T]).values }
        const dir = { table: operand(r, shape).values, phase: operand(r, [B, T]).values }
        const { fd, ad, smooth } = directional(prog, at, dir, 1e-7, 'wavetableLookup')
        fc.pre(smooth)
        return within({ ...TOL.gradient, rtol: 1e-5 }, fd, ad)
      }),
      params(),
    )
  })
})
