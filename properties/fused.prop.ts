/**
 * Law: every host fused lowering (`src/backends/host/fused`) equals its composite's
 * decomposition — forward values and, through the fused `.vjp` composite,
 * gradients with respect to every input. The fused side runs on the wasm
 * backend (whose `loadBackend` registers the host lowerings), the
 * decomposition on the float64 reference. A counter around each fused kernel
 * checks which lowering ran: the forward and the `.vjp` kernel each exactly
 * as often as the program holds that composite (where the interpreter would
 * reach it), so a lowering missing from the table — which silently falls back
 * to the decomposition, with equal values — fails every draw. Tolerance: TOL.fused.
 *
 * @example npx vitest run properties/fused.prop.ts
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { valueAndGrad } from '../src/core/autodiff/vjp.js'
import type { Backend } from '../src/core/backend.js'
import { lowering } from '../src/core/composite-names.js'
import { evaluate, type Feeds } from '../src/core/interpret.js'
import { mul, select } from '../src/core/math.js'
import type { Program } from '../src/core/program.js'
import { compile } from '../src/core/program-api.js'
import { constant, input, param, withRate, type Rate, type Signal } from '../src/core/signal.js'
import { sum } from '../src/core/tensor.js'
import { sizeOf, type Shape } from '../src/core/shape.js'
import { loadBackend } from '../src/backends/load.js'
import { magnitude, stft } from '../src/dsp/stft.js'
import { frameConvolve } from '../src/dsp/convolve.js'
import { frequencyImpulseResponse } from '../src/dsp/fir.js'
import { meanDifference } from '../src/losses/distance.js'
import { harmonicBank } from '../src/synths/harmonic-bank.js'
import { biquad, type BiquadCoefficients } from '../src/dsp/biquad.js'
import { rng } from '../testing/cases.js'
import { ok, run } from './harness.js'
import { params } from './runs.js'
import { firstScaledMismatch, TOL } from '../testing/tolerance.js'

let wasm: Backend<unknown>
const calls = new Map<string, number>()
beforeAll(async () => {
  const b = ok(await loadBackend('wasm'))
  const fused = Object.fromEntries(
    Object.entries(b.fused).map(([name, k]) => [name, (...a: Parameters<NonNullable<typeof k>>) => (calls.set(name, (calls.get(name) ?? 0) + 1), k!(...a))]),
  )
  wasm = { ...b, fused }
})

/**
 * How many times evaluating `p` on `backend` reaches a composite named `name`: its equations, and those inside the
 * bodies of composites the backend has no fused kernel for (the interpreter runs those bodies).
 */
const reached = (p: Program, name: string, backend: Backend<unknown>): number =>
  p.eqns.reduce(
    (n, e) => n + (e.op !== 'composite' ? 0 : e.name === name ? 1 : lowering(backend.fused, e.name) !== undefined ? 0 : reached(e.body, name, backend)),
    0,
  )

/** Loss ⟨f(params), w⟩ with fixed random weights; compares value and gradients, fused (wasm) vs decomposition (reference). */
const check = async (
  name: string,
  f: (p: Record<string, Signal<'control'>>) => Signal<Rate>,
  specs: Record<string, { shape: Shape; lo: number; hi: number; fixed?: boolean }>,
  seed: number,
) => {
  const r = rng(seed).next
  // a fixed input is not a param: its cotangent is not needed, and the fused VJP skips it
  const ps = Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, s.fixed === true ? input(k, s.shape, 'control') : param(k, s.shape, 'control')]))
  const y = f(ps)
  const shape = y.shape ?? []
  const w = constant(Array.from({ length: sizeOf(shape) }, () => r() * 2 - 1), shape)
  const loss = sum(mul(y, w), shape.map((_, i) => i))
  const prog = ok(E.flatMap(compile({ y, loss }), (p) => valueAndGrad(p, 'loss')))
  const feeds: Feeds = Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, Float32Array.from({ length: sizeOf(s.shape) }, () => s.lo + (s.hi - s.lo) * r())]))
  const want = run(prog, feeds)
  const lowerings = [name, `${name}.vjp`]
  const before = lowerings.map((k) => calls.get(k) ?? 0)
  const got = ok(await evaluate(wasm)(prog, feeds))
  lowerings.forEach((k, i) => {
    const want = reached(prog, k, wasm)
    expect(want, `the program holds ${k}`).toBeGreaterThan(0)
    expect((calls.get(k) ?? 0) - before[i]!, `${k} ran as its fused kernel (not its decomposition) ${want} time(s)`).toBe(want)
  })
  for (const k of Object.keys(want)) {
    const i = firstScaledMismatch(TOL.fused, got[k]!.data, want[k]!.data)
    expect(i, `${name} ${k}[${i}]: fused ${got[k]!.data[i]} vs decomposition ${want[k]!.data[i]}`).toBe(-1)
  }
}

describe('fused lowerings equal their decompositions (wasm vs reference)', () => {
  it('synth.harmonicBank (harmonic series and free ratios, every amplitude resampling)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          b: fc.integer({ min: 1, max: 2 }), frames: fc.integer({ min: 2, max: 5 }), k: fc.integer({ min: 1, max: 12 }),
          hop: fc.integer({ min: 3, max: 24 }), series: fc.boolean(), method: fc.constantFrom('linear', 'window', 'centered') as fc.Arbitrary<'linear' | 'window' | 'centered'>,
          seed: fc.integer({ min: 0, max: 1e6 }), fixed: fc.constantFrom('none', 'f0', 'amps'),
        }),
        async ({ b, frames, k, hop, series, method, seed, fixed }) => {
          const sr = 8000
          const r = rng(seed + 1).next
          const ratios = Array.from({ length: k }, (_, i) => (series ? i + 1 : 0.5 + 5.5 * r()))
          const bank = (p: Record<string, Signal<'control'>>) => harmonicBank(p['f0']!, p['amps']!, { samples: frames * hop, sampleRate: sr, ratios, ampResample: method })
          // f0 up to 0.4·sr: higher partials cross Nyquist and are masked sample by sample
          await check('synth.harmonicBank', bank, { f0: { shape: [b, frames, 1], lo: 50, hi: 0.4 * sr, fixed: fixed === 'f0' }, amps: { shape: [b, frames, k], lo: 0, hi: 1, fixed: fixed === 'amps' } }, seed)
        },
      ),
      params(),
    )
  })

  it('dsp.stft (power-of-two and other sizes, centre and end padding)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          b: fc.integer({ min: 1, max: 2 }), n: fc.integer({ min: 16, max: 120 }), nFft: fc.constantFrom(4, 8, 12, 16),
          hopFrac: fc.double({ min: 0.1, max: 1, noNaN: true }), center: fc.boolean(), padEnd: fc.boolean(),
          window: fc.constantFrom('hann', 'hamming', 'rectangular') as fc.Arbitrary<'hann' | 'hamming' | 'rectangular'>, seed: fc.integer({ min: 0, max: 1e6 }),
        }),
        async ({ b, n, nFft, hopFrac, center, padEnd, window, seed }) => {
          const hop = Math.max(1, Math.round(hopFrac * nFft))
          const f = (p: Record<string, Signal<'control'>>) => stft(p['x']!, nFft, hop, { center, padEnd, window })
          await check('dsp.stft', f, { x: { shape: [b, n], lo: -1, hi: 1 } }, seed)
        },
      ),
      params(),
    )
  })
})

describe('fused lowerings equal their decompositions (signal-processing composites)', () => {
  it('dsp.magnitude', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ n: fc.integer({ min: 1, max: 40 }), seed: fc.integer({ min: 0, max: 1e6 }) }), async ({ n, seed }) => {
        await check('dsp.magnitude', (p) => magnitude(p['x']!), { x: { shape: [2, n, 2], lo: -1, hi: 1 } }, seed)
      }),
      params(),
    )
  })

  it('losses.meanDifference (L1 with exact ties, L2)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ n: fc.integer({ min: 1, max: 30 }), l1: fc.boolean(), seed: fc.integer({ min: 0, max: 1e6 }) }), async ({ n, l1, seed }) => {
        // every third element of t is replaced by v's, so sign(0) = 0 is exercised
        const ties = withRate(constant(Array.from({ length: 2 * n }, (_, i) => (i % 3 === 0 ? 1 : 0)), [2, n]).node, 'control')
        const f = (p: Record<string, Signal<'control'>>) => meanDifference(select(ties, p['v']!, p['t']!), p['v']!, l1 ? 'L1' : 'L2')
        await check('losses.meanDifference', f, { t: { shape: [2, n], lo: -1, hi: 1 }, v: { shape: [2, n], lo: -1, hi: 1 } }, seed)
      }),
      params(),
    )
  })

  it('dsp.frequencyImpulseResponse (every window size, DDSP-compatible trim)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ bins: fc.integer({ min: 2, max: 20 }), w: fc.integer({ min: 0, max: 45 }), compat: fc.boolean(), seed: fc.integer({ min: 0, max: 1e6 }) }),
        async ({ bins, w, compat, seed }) => {
          const f = (p: Record<string, Signal<'control'>>) => frequencyImpulseResponse(p['m']!, w, { ddspCompat: compat })
          await check('dsp.frequencyImpulseResponse', f, { m: { shape: [2, 3, bins], lo: 0, hi: 2 } }, seed)
        },
      ),
      params(),
    )
  })

  it('dsp.frameConvolve (broadcast batches, every crop)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          b: fc.integer({ min: 1, max: 2 }), hBatch1: fc.boolean(), frames: fc.integer({ min: 1, max: 5 }), hop: fc.integer({ min: 1, max: 12 }),
          m: fc.integer({ min: 1, max: 20 }), cut: fc.integer({ min: 0, max: 11 }), padding: fc.constantFrom('same', 'full') as fc.Arbitrary<'same' | 'full'>,
          seed: fc.integer({ min: 0, max: 1e6 }), fixed: fc.constantFrom('none', 'x', 'h'),
        }),
        async ({ b, hBatch1, frames, hop, m, cut, padding, seed, fixed }) => {
          const n = Math.max((frames - 1) * hop + 1, frames * hop - Math.min(cut, hop - 1)) // ⌈n/hop⌉ = frames
          const f = (p: Record<string, Signal<'control'>>) => frameConvolve(withRate(p['x']!.node, 'audio'), p['h']!, { padding })
          await check('dsp.frameConvolve', f, { x: { shape: [b, n], lo: -1, hi: 1, fixed: fixed === 'x' }, h: { shape: [hBatch1 ? 1 : b, frames, m], lo: -1, hi: 1, fixed: fixed === 'h' } }, seed)
        },
      ),
      params(),
    )
  })

  it('dsp.frameConvolve, FFT path (hop·M > 2¹⁴)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ frames: fc.integer({ min: 1, max: 2 }), hop: fc.integer({ min: 128, max: 150 }), m: fc.integer({ min: 129, max: 140 }), fixed: fc.constantFrom('none', 'x', 'h'), seed: fc.integer({ min: 0, max: 1e6 }) }),
        async ({ frames, hop, m, fixed, seed }) => {
          const f = (p: Record<string, Signal<'control'>>) => frameConvolve(withRate(p['x']!.node, 'audio'), p['h']!)
          await check('dsp.frameConvolve', f, { x: { shape: [1, frames * hop], lo: -1, hi: 1, fixed: fixed === 'x' }, h: { shape: [1, frames, m], lo: -1, hi: 1, fixed: fixed === 'h' } }, seed)
        },
      ),
      params(0.5),
    )
  })

  it('dsp.biquad (every coefficient broadcast: scalar, per row, per sample)', async () => {
    const shapes = ['scalar', 'row', 'sample', 'time'] as const
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          b: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 40 }), kinds: fc.array(fc.constantFrom(...shapes), { minLength: 5, maxLength: 5 }),
          seed: fc.integer({ min: 0, max: 1e6 }), fixed: fc.constantFrom('none', 'x', 'b0', 'a1', 'a2'),
        }),
        async ({ b, n, kinds, seed, fixed }) => {
          const names = ['b0', 'b1', 'b2', 'a1', 'a2'] as const
          const shapeOf = (k: (typeof shapes)[number]): Shape => (k === 'scalar' ? [1, 1] : k === 'row' ? [b, 1] : k === 'time' ? [1, n] : [b, n])
          // |a1| ≤ 1 < 1 + a2 and a2 < 1: inside the biquad's stability triangle
          const ranges = { b0: [-1, 1], b1: [-1, 1], b2: [-1, 1], a1: [-1, 1], a2: [0, 0.8] } as const
          const specs = Object.fromEntries(names.map((c, i) => [c, { shape: shapeOf(kinds[i]!), lo: ranges[c][0], hi: ranges[c][1], fixed: fixed === c }]))
          const f = (p: Record<string, Signal<'control'>>) =>
            biquad(withRate(p['x']!.node, 'audio'), Object.fromEntries(names.map((c) => [c, withRate(p[c]!.node, 'audio')])) as unknown as BiquadCoefficients)
          await check('dsp.biquad', f, { x: { shape: [b, n], lo: -1, hi: 1, fixed: fixed === 'x' }, ...specs }, seed)
        },
      ),
      params(),
    )
  })
})
