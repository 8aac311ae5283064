/**
 * Law: on recurrences whose poles come within 1e-5 of the unit circle, every
 * float32 backend is as accurate as a sequential float32 filter: its
 * relative RMS error against the float64 reference is at most
 * ORACLE_TOL.nearUnitCircle.factor × the largest relative error of the
 * reference interpreter in float32 on the same draw (the float32 oracle:
 * float32 coefficients, one rounding per step), plus a floor. Forward outputs and gradients (w.r.t. the input signal and
 * w.r.t. cutoff and Q).
 *
 * Draws: one-pole `a` up to 1 − 1e-5 (the primitive itself, k = 1, with a
 * random y0); biquad high- and low-pass with fc from 10 Hz at 48 kHz
 * (log-uniform to 4 kHz) and Q in [0.5, 10] (k = 2, direct form, RBJ
 * coefficients computed in float64 and fed as params); the SVF (low, band,
 * high) over the same ranges, its coefficients computed inside the graph
 * (so on each backend's own tan). Operands are float32 numbers, so the
 * float64 reference filters exactly what the float32 backends are given.
 *
 * @example DDSP_PROPERTY_RUNS=1000 npx vitest run properties/recurrence-edges.prop.ts
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { valueAndGrad } from '../src/core/autodiff/vjp.js'
import type { Backend, HostTensor } from '../src/core/backend.js'
import { evaluateSync, type Feeds } from '../src/core/interpret.js'
import { mul } from '../src/core/math.js'
import type { Program } from '../src/core/program.js'
import { compile } from '../src/core/program-api.js'
import { constant, param, type Signal } from '../src/core/signal.js'
import { recurrence, reshape, sum } from '../src/core/tensor.js'
import { biquad, type BiquadCoefficients } from '../src/dsp/biquad.js'
import { svf, type SvfMode } from '../src/dsp/filters.js'
import { loadBackend } from '../src/backends/load.js'
import { reference } from '../src/backends/reference/index.js'
import { operand, rng } from '../testing/cases.js'
import { ok } from './harness.js'
import { params } from './runs.js'
import { ORACLE_TOL } from '../testing/tolerance.js'

const SR = 48000
/** A backend that reads synchronously. */
type Sync = Backend<unknown> & { readonly readSync: (x: unknown) => HostTensor }

const ref64 = reference('float64') as Sync
const ref32 = reference('float32') as Sync
let backends: ReadonlyArray<readonly [string, Sync]> = []
beforeAll(async () => {
  // each backend twice: with its host fused lowerings (dsp.biquad runs fused/biquad.ts) and
  // without (every filter runs its decomposition, i.e. the recurrence primitive's lowering)
  for (const n of ['wasm', 'tfjs-cpu'] as const)
    for (const fused of [true, false]) backends = [...backends, [`${n}${fused ? '' : ' (unfused)'}`, ok(await loadBackend(n, { fused })) as Sync] as const]
})

const evalOn = (b: Sync, p: Program, feeds: Feeds): Readonly<Record<string, HostTensor>> => {
  const r = evaluateSync(b)(p, feeds)
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

/** ‖got − want‖₂ / ‖want‖₂ (a scalar's relative error when both have one entry). */
const relRms = (got: ArrayLike<number>, want: ArrayLike<number>): number => {
  let [e, w] = [0, 0]
  for (let i = 0; i < want.length; i++) {
    e += (got[i]! - want[i]!) ** 2
    w += want[i]! ** 2
  }
  return w === 0 ? Math.sqrt(e) : Math.sqrt(e / w)
}

/** A filter under test: the loss ⟨w, filter(x)⟩ with params x, fc, q (the ones it uses). */
interface Case {
  readonly name: string
  readonly program: Program
  readonly feeds: Feeds
  readonly grads: readonly string[]
}

/** Checks every backend on one case; returns the failures as text. */
const check = (c: Case): string[] => {
  const g = ok(valueAndGrad(c.program, 'loss', c.grads))
  const outs = ['y', ...c.grads.map((n) => `grad:${n}`)]
  const want = evalOn(ref64, g, c.feeds)
  const f32 = evalOn(ref32, g, c.feeds)
  // the draw's conditioning in float32, as the float32 oracle meets it: its largest relative error over
  // the outputs (a scalar gradient alone can be lucky in float32 where the rest of the draw is not)
  const conditioning = Math.max(...outs.map((o) => relRms(f32[o]!.data, want[o]!.data)))
  const fails: string[] = []
  for (const [name, b] of backends) {
    const got = evalOn(b, g, c.feeds)
    for (const o of outs) {
      const err = relRms(got[o]!.data, want[o]!.data)
      const oracle = conditioning
      const bound = ORACLE_TOL.nearUnitCircle.factor * oracle + ORACLE_TOL.nearUnitCircle.floor
      if (!(err <= bound)) fails.push(`${name} ${c.name} ${o}: rel. RMS ${err.toExponential(2)} > ${bound.toExponential(2)} (float32 oracle ${oracle.toExponential(2)})`)
    }
  }
  return fails
}

/** fc log-uniform in [10 Hz, 4 kHz], Q in [0.5, 10]. */
const cutoffQ = fc.tuple(fc.double({ min: 1, max: Math.log10(4000), noNaN: true }), fc.double({ min: 0.5, max: 10, noNaN: true }))
/** RBJ cookbook high- or low-pass biquad at SR (float64): [b0, b1, b2, a1, a2], a0 = 1. */
const rbj = (fcHz: number, q: number, high: boolean): number[] => {
  const w = (2 * Math.PI * fcHz) / SR
  const alpha = Math.sin(w) / (2 * q)
  const [c, a0] = [Math.cos(w), 1 + alpha]
  const b0 = (high ? (1 + c) / 2 : (1 - c) / 2) / a0
  return [b0, (high ? -2 : 2) * b0, b0, (-2 * c) / a0, (1 - alpha) / a0]
}
const lengths = fc.integer({ min: 64, max: 2048 })
const seeds = fc.integer({ min: 1, max: 2 ** 30 })

/** The loss ⟨w, y⟩ with y = filter(x, fc, q) named `y` too. */
const filterCase = (name: string, T: number, seed: number, f: (x: Signal<'audio'>, fc: Signal<'static'>, q: Signal<'static'>) => Signal<'audio'>, fcHz: number, q: number): Case => {
  const r = rng(seed)
  const x = param('x', [1, T], 'audio')
  const y = f(x, param('fc', [1, 1]), param('q', [1, 1]))
  const w = constant([...operand(r, [1, T]).values], [1, T])
  const program = ok(compile({ y, loss: sum(mul(y, w), [0, 1]) }))
  return { name: `${name} fc ${fcHz.toFixed(1)} Hz Q ${q.toFixed(2)} T ${T}`, program, feeds: { x: operand(r, [1, T]).values.map(Math.fround), fc: [Math.fround(fcHz)], q: [Math.fround(q)] }, grads: ['x', 'fc', 'q'] }
}

const assertNone = (fails: string[]) => {
  expect(fails, fails.join('\n')).toEqual([])
  return true
}

describe('recurrences near the unit circle: every backend is as accurate as a sequential float32 filter', () => {
  it('one-pole a = 1 − 10^−u, u up to 5, with y0 (the primitive, k = 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.3, max: 5, noNaN: true }), lengths, fc.integer({ min: 1, max: 3 }), seeds, (u, T, batch, seed) => {
        const r = rng(seed)
        const a = 1 - 10 ** -u
        const x = param('x', [batch, T, 1])
        // the pole wobbles by ±10 % of its distance to 1 over time
        const poles = Float64Array.from({ length: batch * T }, (_, i) => a + 0.1 * (1 - a) * Math.sin(i * 0.01))
        const y = recurrence(reshape(param('a', [batch, T]), [batch, T, 1, 1]), x, param('y0', [batch, 1]))
        const w = constant([...operand(r, [batch, T, 1]).values], [batch, T, 1])
        const program = ok(compile({ y, loss: sum(mul(y, w), [0, 1, 2]) }))
        const feeds = { x: operand(r, [batch, T, 1]).values.map(Math.fround), a: poles.map(Math.fround), y0: operand(r, [batch, 1]).values.map(Math.fround) }
        return assertNone(check({ name: `one-pole a ${a} T ${T}`, program, feeds, grads: ['x', 'a', 'y0'] }))
      }),
      params(0.5),
    )
  })

  it('biquad high- and low-pass, fc from 10 Hz at 48 kHz, Q up to 10 (k = 2, coefficients as params)', () => {
    fc.assert(
      fc.property(cutoffQ, fc.boolean(), fc.boolean(), lengths, fc.integer({ min: 1, max: 3 }), seeds, ([lf, q], high, perSample, T, batch, seed) => {
        const r = rng(seed)
        // RBJ coefficients in float64, rounded once to float32: every backend and the float64 reference
        // filter with the same coefficients, so the comparison sees the lowering, not sin/cos/tan
        const coeffs = rbj(10 ** lf, q, high).map(Math.fround)
        const names = ['b0', 'b1', 'b2', 'a1', 'a2'] as const
        const cols = perSample ? T : 1
        const c = Object.fromEntries(names.map((n) => [n, param(n, [batch, cols])])) as unknown as BiquadCoefficients
        const y = biquad(param('x', [batch, T], 'audio'), c)
        const w = constant([...operand(r, [batch, T]).values], [batch, T])
        const program = ok(compile({ y, loss: sum(mul(y, w), [0, 1]) }))
        // rows share fc and Q, each with its own small detuning of the pole radius (a2)
        const value = (i: number, b: number) => Math.fround(coeffs[i]! * (i === 4 ? 1 - 1e-3 * b * (1 - coeffs[4]!) : 1))
        const feeds: Record<string, Float64Array> = {
          x: operand(r, [batch, T]).values.map(Math.fround),
          ...Object.fromEntries(names.map((n, i) => [n, Float64Array.from({ length: batch * cols }, (_, j) => value(i, Math.floor(j / cols)))])),
        }
        // A static coefficient's cotangent is Σₜ λ[t]·y[t−i], a sum whose terms cancel; its float32 reduction on
        // tfjs (the decomposition's sum) is TOL.backend's business, not the recurrence's: compare those only per sample.
        const grads = perSample ? ['x', ...names] : ['x']
        return assertNone(check({ name: `biquad ${high ? 'high' : 'low'}-pass fc ${(10 ** lf).toFixed(1)} Hz Q ${q.toFixed(2)} T ${T}${perSample ? ' per sample' : ''}`, program, feeds, grads }))
      }),
      params(0.5),
    )
  })

  it('SVF low, band and high, fc from 10 Hz at 48 kHz, Q up to 10', () => {
    fc.assert(
      fc.property(cutoffQ, fc.constantFrom<SvfMode>('low', 'band', 'high'), lengths, seeds, ([lf, q], mode, T, seed) => {
        const f = (x: Signal<'audio'>, c: Signal<'static'>, qq: Signal<'static'>) => svf(x, c, qq, SR, mode)
        return assertNone(check(filterCase(`svf ${mode}`, T, seed, f, 10 ** lf, q)))
      }),
      params(0.5),
    )
  })
})
