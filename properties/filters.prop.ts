/**
 * Laws of the recursive filters: gradients w.r.t. the input, a modulated
 * cutoff and Q match float64 central differences; for fixed coefficients the
 * filters are linear and time invariant.
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { valueAndGrad } from '../src/core/autodiff/vjp.js'
import { compile } from '../src/core/program-api.js'
import { add, mul, sin } from '../src/core/math.js'
import { constant, input, param, type Signal } from '../src/core/signal.js'
import { pad, slice, sum } from '../src/core/tensor.js'
import { svf, onePole, type SvfMode } from '../src/dsp/filters.js'
import { operand, rng } from '../testing/cases.js'
import { dot, ok, run } from './harness.js'
import { params } from './runs.js'
import { firstMismatch, TOL, within } from '../testing/tolerance.js'

const sr = 8000
const modeArb = fc.constantFrom<SvfMode>('low', 'band', 'high')

describe('svf gradients', () => {
  it('∂/∂(x, cutoff modulation, Q) = central differences', () => {
    fc.assert(
      fc.property(modeArb, fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 2 ** 30 }), (mode, T, seed) => {
        const r = rng(seed)
        const x = param('x', [1, T], 'audio')
        // cutoff 200…3000 Hz, modulated per sample by a param-scaled sine
        const cutoff = add(param('fc', []), mul(param('depth', []), sin(mul(0.3, input('t', [1, T], 'audio')))))
        const w = constant([...operand(r, [1, T]).values], [1, T])
        const p = ok(compile({ loss: sum(mul(svf(x, cutoff, param('q', []), sr, mode), w), [0, 1]) }))
        const base = { x: operand(r, [1, T]).values, fc: 200 + 2000 * r.next(), depth: 500 * r.next(), q: 0.5 + 3 * r.next() }
        const t = Float64Array.from({ length: T }, (_, i) => i)
        const dir = { x: operand(r, [1, T]).values, fc: r.next(), depth: r.next(), q: r.next() * 0.1 }
        const h = 1e-6
        const at = (s: number) =>
          run(p, { t, x: base.x.map((v, i) => v + s * h * dir.x[i]!), fc: base.fc + s * h * dir.fc, depth: base.depth + s * h * dir.depth, q: base.q + s * h * dir.q }).loss!.data[0]!
        const fd = (at(1) - at(-1)) / (2 * h)
        const g = run(ok(valueAndGrad(p, 'loss')), { t, ...base })
        const ad = dot(g['grad:x']!.data, dir.x) + g['grad:fc']!.data[0]! * dir.fc + g['grad:depth']!.data[0]! * dir.depth + g['grad:q']!.data[0]! * dir.q
        return within(TOL.pieceGradient, fd, ad)
      }),
      params(),
    )
  })
})

describe('filters with fixed coefficients', () => {
  const filters = { svf: (x: Signal<'audio'>) => svf(x, 700, 2, sr, 'low'), onePole: (x: Signal<'audio'>) => onePole(x, 0.8) }
  for (const [name, f] of Object.entries(filters)) {
    it(`${name} is linear and time invariant`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 1, max: 10 }), fc.double({ min: -2, max: 2, noNaN: true }), fc.integer({ min: 1, max: 2 ** 30 }), (T, d, alpha, seed) => {
          const r = rng(seed)
          const [x, z] = [operand(r, [1, T]).values, operand(r, [1, T]).values]
          const delayed = <S extends Signal<'audio'>>(s: S) => slice(pad(s, [0, d], [0, 0]), [0, 0], [1, T])
          const p = ok(compile({ fx: f(input('x', [1, T], 'audio')), fz: f(input('z', [1, T], 'audio')), fm: f(input('m', [1, T], 'audio')), shifted: f(delayed(input('x', [1, T], 'audio'))) }))
          const out = run(p, { x, z, m: x.map((v, i) => alpha * v + z[i]!) })
          const lin = out.fx!.data.map((v, i) => alpha * v + out.fz!.data[i]!)
          const shiftedOut = Float64Array.from({ length: T }, (_, i) => (i < d ? 0 : out.fx!.data[i - d]!))
          return firstMismatch(TOL.law, out.fm!.data, lin) < 0 && firstMismatch(TOL.law, out.shifted!.data, shiftedOut) < 0
        }),
        params(),
      )
    })
  }
})
