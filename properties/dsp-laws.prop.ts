/**
 * DSP laws on the reference: irfft∘rfft = id, Parseval, recurrence with a = 1
 * equals cumsum, linearity and time invariance of recurrence filters, and
 * the mixing monoid.
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import * as B from '../src/core/build.js'
import { compileNodes } from '../src/core/compile.js'
import { add, compile, input, mixMonoid, type Signal } from '../src/core/index.js'
import { binsOf } from '../src/core/shape.js'
import { operand, rng } from '../testing/cases.js'
import { ok, run } from './harness.js'
import { params } from './runs.js'
import { firstMismatch, TOL, within } from '../testing/tolerance.js'

const seedArb = fc.integer({ min: 1, max: 2 ** 30 })
const nArb = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(1, 2, 4, 8, 16, 32, 64, 128, 256))

describe('spectral laws', () => {
  it('irfft(rfft(x), n) = x', () => {
    fc.assert(
      fc.property(nArb, fc.integer({ min: 1, max: 3 }), seedArb, (n, batch, seed) => {
        const x = operand(rng(seed), [batch, n])
        const p = ok(compileNodes({ y: B.irfft(B.rfft(B.input('x', [batch, n]), n), n) }))
        return firstMismatch(TOL.roundTrip, run(p, { x: x.values }).y!.data, x.values) < 0
      }),
      params(),
    )
  })
  it('Parseval: Σ x² = (1/n) Σₖ wₖ |Xₖ|²', () => {
    fc.assert(
      fc.property(nArb, seedArb, (n, seed) => {
        const x = operand(rng(seed), [n])
        const X = run(ok(compileNodes({ X: B.rfft(B.input('x', [n]), n) })), { x: x.values }).X!.data
        let freq = 0
        for (let k = 0; k < binsOf(n); k++) {
          const w = k === 0 || (n % 2 === 0 && k === n / 2) ? 1 : 2
          freq += (w * (X[2 * k]! ** 2 + X[2 * k + 1]! ** 2)) / n
        }
        return within(TOL.roundTrip, x.values.reduce((s, v) => s + v * v, 0), freq)
      }),
      params(),
    )
  })
})

/** A first-order recurrence filter y[t] = a[t]·y[t−1] + x[t] over x: [B, T, 1]. */
const filter = (a: ReturnType<typeof B.constant>, x: ReturnType<typeof B.input>, batch: number) =>
  B.recurrence(a, x, B.zeros([batch, 1]))

describe('recurrence laws', () => {
  it('a = 1 equals cumsum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 50 }), seedArb, (b, T, seed) => {
        const x = B.input('x', [b, T, 1])
        const p = ok(compileNodes({ rec: filter(B.constant(1, [b, T, 1, 1]), x, b), cum: B.cumsum(x, 1) }))
        const out = run(p, { x: operand(rng(seed), [b, T, 1]).values })
        return firstMismatch(TOL.law, out.rec!.data, out.cum!.data) < 0
      }),
      params(),
    )
  })
  it('is linear in x for fixed coefficients', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), seedArb, fc.double({ min: -2, max: 2, noNaN: true }), (T, seed, alpha) => {
        const r = rng(seed)
        const a = B.constant([...operand(r, [1, T, 1, 1], 'stable').values], [1, T, 1, 1])
        const f = (name: string) => filter(a, B.input(name, [1, T, 1]), 1)
        const p = ok(compileNodes({ mix: f('m'), fx: f('x'), fz: f('z') }))
        const [x, z] = [operand(r, [1, T, 1]).values, operand(r, [1, T, 1]).values]
        const out = run(p, { x, z, m: x.map((v, i) => alpha * v + z[i]!) })
        const expected = out.fx!.data.map((v, i) => alpha * v + out.fz!.data[i]!)
        return firstMismatch(TOL.law, out.mix!.data, expected) < 0
      }),
      params(),
    )
  })
  it('is time invariant for constant coefficients: delaying x delays y', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 10 }), seedArb, (T, d, seed) => {
        const r = rng(seed)
        const a = B.constant(1.2 * r.next() - 0.6, [1, T, 1, 1])
        const x = B.input('x', [1, T, 1])
        const delayed = (n: ReturnType<typeof B.input>) => B.slice(B.pad(n, [0, d, 0], [0, 0, 0]), [0, 0, 0], [1, T, 1])
        const p = ok(compileNodes({ a: filter(a, delayed(x), 1), b: delayed(filter(a, x, 1)) }))
        const out = run(p, { x: operand(r, [1, T, 1]).values })
        return firstMismatch(TOL.law, out.a!.data, out.b!.data) < 0
      }),
      params(),
    )
  })
})

describe('mixing monoid', () => {
  it('is associative with silence as identity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), seedArb, (n, seed) => {
        const M = mixMonoid('audio')
        const [a, b, c] = ['a', 'b', 'c'].map((k) => input(k, [n], 'audio')) as [Signal<'audio'>, Signal<'audio'>, Signal<'audio'>]
        const p = ok(compile({ l: M.concat(M.concat(a, b), c), r: M.concat(a, M.concat(b, c)), e: M.concat(a, M.empty), a: add(a, 0) }))
        const r = rng(seed)
        const out = run(p, { a: operand(r, [n]).values, b: operand(r, [n]).values, c: operand(r, [n]).values })
        return firstMismatch(TOL.law, out.l!.data, out.r!.data) < 0 && firstMismatch(TOL.identical, out.e!.data, out.a!.data) < 0
      }),
      params(),
    )
  })
})
