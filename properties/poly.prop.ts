/**
 * Law: polyphonic rendering is differentiable in every note's pitch, onset,
 * duration and velocity: reverse mode matches float64 central differences
 * (draws whose step straddles a kink are discarded).
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { mul } from '../src/core/math.js'
import { compile } from '../src/core/program-api.js'
import { constant, param } from '../src/core/signal.js'
import { sum } from '../src/core/tensor.js'
import { renderNotes } from '../src/synths/poly.js'
import { operand, rng } from './cases.js'
import { directional } from './directional.js'
import { ok } from './harness.js'
import { params } from './runs.js'
import { TOL, within } from './tolerance.js'

describe('renderNotes gradients', () => {
  it('∂/∂(pitch, onset, duration, velocity) = central differences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 ** 30 }), (N, seed) => {
        const r = rng(seed)
        const [sr, n] = [4000, 300]
        const ns = { pitch: param('pitch', [N, 1]), onset: param('onset', [N, 1]), duration: param('duration', [N, 1]), velocity: param('velocity', [N, 1]), lowestPitch: 48 }
        const w = constant([...operand(r, [1, n]).values], [1, n])
        const prog = ok(compile({ loss: sum(mul(renderNotes(ns, n, sr, { waveform: 'saw', filter: { cutoff: 500, envAmount: 800, q: 2 } }), w), [0, 1]) }))
        const draw = (lo: number, span: number) => Float64Array.from({ length: N }, () => lo + span * r.next())
        const at = { pitch: draw(48, 24), onset: draw(0, 0.02), duration: draw(0.01, 0.03), velocity: draw(0.2, 0.8) }
        const dir = { pitch: draw(-0.5, 1), onset: draw(-0.005, 0.01), duration: draw(-0.005, 0.01), velocity: draw(-0.5, 1) }
        const { fd, ad, smooth } = directional(prog, at, dir, 1e-5, 'renderNotes') // h = 1e-5: phases of many cycles make a smaller step's rounding noise dominate
        fc.pre(smooth)
        return within({ ...TOL.gradient, rtol: 1e-5 }, fd, ad)
      }),
      params(0.5),
    )
  })
})
