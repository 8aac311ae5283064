/**
 * Law: the 808 snare's gradients w.r.t. all 14 parameters match float64
 * central differences (draws whose step straddles a kink, such as the
 * cutoff clamp at sr/2 − 1000 Hz, are discarded).
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { mul } from '../src/core/math.js'
import { compile } from '../src/core/program-api.js'
import { constant, param } from '../src/core/signal.js'
import { sum } from '../src/core/tensor.js'
import { snare808 } from '../src/synths/drums/snare808.js'
import { operand, rng } from './cases.js'
import { directional } from './directional.js'
import { ok } from './harness.js'
import { params } from './runs.js'
import { TOL, within } from './tolerance.js'

describe('snare808 gradients', () => {
  it('∂/∂(14 params) = central differences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 ** 30 }), (batch, seed) => {
        const r = rng(seed)
        const [sr, n] = [8000, 240]
        const w = constant([...operand(r, [batch, n]).values], [batch, n])
        const prog = ok(compile({ loss: sum(mul(snare808(param('p', [batch, 14]), n, sr, seed % 1000), w), [0, 1]) }))
        const at = { p: Float64Array.from({ length: batch * 14 }, () => 0.05 + 0.9 * r.next()) }
        const dir = { p: Float64Array.from({ length: batch * 14 }, () => r.next() - 0.5) }
        const { fd, ad, smooth } = directional(prog, at, dir, 1e-6)
        fc.pre(smooth)
        return within({ ...TOL.gradient, rtol: 1e-5 }, fd, ad)
      }),
      params(),
    )
  })
})
