/**
 * Law: the ADSR's gradients w.r.t. attack, decay, sustain, release, onset and
 * offset match float64 central differences wherever the envelope is smooth;
 * a draw whose step straddles a segment corner or sample boundary (the
 * one-sided slopes disagree) is discarded, as the derivative does not exist there.
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { mul } from '../src/core/math.js'
import { compile } from '../src/core/program-api.js'
import { constant, param } from '../src/core/signal.js'
import { sum } from '../src/core/tensor.js'
import { adsr } from '../src/synths/adsr.js'
import { operand, rng } from './cases.js'
import { directional } from './directional.js'
import { ok } from './harness.js'
import { params } from './runs.js'
import { TOL, within } from './tolerance.js'

const names = ['attack', 'decay', 'sustain', 'release', 'onset', 'offset'] as const

describe('adsr gradients', () => {
  it('∂/∂(a, d, s, r, onset, offset) = central differences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 ** 30 }), (batch, seed) => {
        const r = rng(seed)
        const [sr, n] = [200, 200]
        const p = Object.fromEntries(names.map((k) => [k, param(k, [batch, 1])])) as Record<(typeof names)[number], ReturnType<typeof param>>
        const w = constant([...operand(r, [batch, n]).values], [batch, n])
        const prog = ok(compile({ loss: sum(mul(adsr(p, n, sr), w), [0, 1]) }))
        const draw = (lo: number, span: number) => Float64Array.from({ length: batch }, () => lo + span * r.next())
        const at = {
          attack: draw(0.02, 0.2), decay: draw(0.02, 0.2), sustain: draw(0, 1),
          release: draw(0.02, 0.3), onset: draw(0.05, 0.2), offset: draw(0.3, 0.4),
        }
        const dir = Object.fromEntries(names.map((k) => [k, draw(-0.5, 1)]))
        const { fd, ad, smooth } = directional(prog, at, dir, 1e-7, 'adsr')
        fc.pre(smooth)
        return within({ ...TOL.gradient, rtol: 1e-5 }, fd, ad)
      }),
      params(),
    )
  })
})
