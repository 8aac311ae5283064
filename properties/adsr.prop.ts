/**
 * Law: the ADSR's gradients w.r.t. attack, decay, sustain, release, onset and
 * offset match float64 central differences wherever the envelope is smooth;
 * a draw whose step straddles a segment corner or sample boundary (the
 * one-sided slopes disagree) is discarded, as the derivative does not exist there.
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { valueAndGrad } from '../src/core/autodiff/vjp.js'
import { mul } from '../src/core/math.js'
import { compile } from '../src/core/program-api.js'
import { constant, param } from '../src/core/signal.js'
import { sum } from '../src/core/tensor.js'
import { adsr } from '../src/synths/adsr.js'
import { operand, rng } from './cases.js'
import { dot, ok, run } from './harness.js'
import { params } from './runs.js'
import { TOL, within } from './tolerance.js'

const names = ['attack', 'decay', 'sustain', 'release', 'onset', 'offset'] as const

/** The directional derivative of ⟨adsr, w⟩ by central differences and by reverse mode. */
export const adsrGradient = (batch: number, seed: number): { fd: number; ad: number; smooth: boolean } => {
        const r = rng(seed)
        const [sr, n] = [200, 200]
        const p = Object.fromEntries(names.map((k) => [k, param(k, [batch, 1])])) as Record<(typeof names)[number], ReturnType<typeof param>>
        const w = constant([...operand(r, [batch, n]).values], [batch, n])
        const prog = ok(compile({ loss: sum(mul(adsr(p, n, sr), w), [0, 1]) }))
        const draw = () => Float64Array.from({ length: batch }, () => r.next())
        const at0: Record<string, Float64Array> = {
          attack: draw().map((v) => 0.02 + 0.2 * v), decay: draw().map((v) => 0.02 + 0.2 * v), sustain: draw(),
          release: draw().map((v) => 0.02 + 0.3 * v), onset: draw().map((v) => 0.05 + 0.2 * v), offset: draw().map((v) => 0.3 + 0.4 * v),
        }
        const dir = Object.fromEntries(names.map((k) => [k, draw().map((v) => v - 0.5)]))
        const h = 1e-7
        const shifted = (s: number) => Object.fromEntries(names.map((k) => [k, at0[k]!.map((v, i) => v + s * h * dir[k]![i]!)]))
        const [up, mid, down] = [1, 0, -1].map((sgn) => run(prog, shifted(sgn)).loss!.data[0]!) as [number, number, number]
        const fd = (up - down) / (2 * h)
        // a segment corner inside [−h, h] shows as one-sided slopes that disagree: the derivative does not exist there
        const smooth = Math.abs((up - mid) / h - (mid - down) / h) <= 1e-3 * (1 + Math.abs(fd))
        const g = run(ok(valueAndGrad(prog, 'loss')), at0)
        const ad = names.reduce((s, k) => s + dot(g[`grad:${k}`]!.data, dir[k]!), 0)
        return { fd, ad, smooth }
}

describe('adsr gradients', () => {
  it('∂/∂(a, d, s, r, onset, offset) = central differences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 ** 30 }), (batch, seed) => {
        const { fd, ad, smooth } = adsrGradient(batch, seed)
        fc.pre(smooth)
        return within({ ...TOL.gradient, rtol: 1e-5 }, fd, ad)
      }),
      params(),
    )
  })
})
