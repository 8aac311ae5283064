/**
 * Law: every 808 voice's gradients w.r.t. all its [0, 1] parameters match
 * float64 central differences (draws whose step straddles a kink, such as a
 * cutoff clamp or a burst onset crossing a sample, are discarded).
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { mul } from '../src/core/math.js'
import { compile } from '../src/core/program-api.js'
import { constant, param } from '../src/core/signal.js'
import { sum } from '../src/core/tensor.js'
import { kit808, type Voice808 } from '../src/synths/drums/kit808.js'
import { operand, rng } from './cases.js'
import { directional } from './directional.js'
import { ok } from './harness.js'
import { params } from './runs.js'
import { TOL, within } from './tolerance.js'

describe('808 kit gradients', () => {
  for (const name of Object.keys(kit808) as Voice808[]) {
    it(`${name}: ∂/∂params = central differences`, () => {
      const voice = kit808[name]
      const [sr, n] = [8000, 240]
      const P = voice.params(sr).length
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 ** 30 }), (batch, seed) => {
          const r = rng(seed)
          const w = constant([...operand(r, [batch, n]).values], [batch, n])
          const prog = ok(compile({ loss: sum(mul(voice.render(param('p', [batch, P]), n, sr), w), [0, 1]) }))
          const at = { p: Float64Array.from({ length: batch * P }, () => 0.05 + 0.9 * r.next()) }
          const dir = { p: Float64Array.from({ length: batch * P }, () => r.next() - 0.5) }
          const { fd, ad, smooth } = directional(prog, at, dir, 1e-6, name)
          fc.pre(smooth)
          return within(TOL.synthGradient, fd, ad)
        }),
        params(0.5),
      )
    })
  }
})
