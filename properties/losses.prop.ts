/**
 * Laws of the loss library, for every loss (small sizes: N = 256 samples,
 * small FFTs): (1) on random signals and on silence (all-zero prediction,
 * target or both) the value and the gradient w.r.t. both signals are finite,
 * on the float64 and float32 reference backends; (2) reverse mode = float64
 * central differences along a random direction (`gradCheck`); (3) value and
 * gradients on the tfjs backends (`DDSP_TEST_BACKENDS`, default
 * 'wasm,tfjs-cpu') equal the float64 reference within TOL.backend, or
 * TOL.float32Conditioning × the float32 reference's own deviation (the log of
 * near-empty bins is ill-conditioned in float32 on any implementation).
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isBackendName, loadBackend } from '../src/backends/load.js'
import { reference } from '../src/backends/reference/index.js'
import type { Backend } from '../src/core/backend.js'
import type { Program } from '../src/core/program.js'
import { gradName, valueAndGrad } from '../src/core/autodiff/vjp.js'
import { evaluate, evaluateSync, type Feeds } from '../src/core/interpret.js'
import { compile } from '../src/core/program-api.js'
import { param, type Rate, type Signal } from '../src/core/signal.js'
import { loudness } from '../src/features/loudness.js'
import { featureLoss } from '../src/losses/feature.js'
import { loudnessLoss } from '../src/losses/loudness.js'
import { melSpectralLoss } from '../src/losses/mel.js'
import { multiResolutionStftLoss } from '../src/losses/mrstft.js'
import { multiScaleSpectralLoss } from '../src/losses/spectral.js'
import { l1Loss, l2Loss, siSdrLoss } from '../src/losses/waveform.js'
import { rng } from '../testing/cases.js'
import { agreesWithDifferences } from './gradcheck.js'
import { ok } from './harness.js'
import { params } from './runs.js'
import { firstScaledMismatch, TOL, type Tolerance } from '../testing/tolerance.js'

const N = 256
const SR = 8000
type Loss = (pred: Signal<'audio'>, target: Signal<'audio'>) => Signal<'static'>
const mssTerms = { fftSizes: [64, 32, 16], deltaTimeWeight: 0.5, deltaFreqWeight: 0.3, cumsumFreqWeight: 0.1 }

/** Every loss at small sizes, every option that changes its formula exercised once. */
const spectral = TOL.spectralGradient
const losses: ReadonlyArray<readonly [string, Loss, Tolerance]> = [
  ['mss ddsp', (p, t) => multiScaleSpectralLoss(p, t, { ...mssTerms, logEps: 'ddsp' }), spectral],
  ['mss ddsp_pytorch L2', (p, t) => multiScaleSpectralLoss(p, t, { ...mssTerms, logEps: 'ddsp_pytorch', lossType: 'L2' }), spectral],
  ['mss auraloss', (p, t) => multiScaleSpectralLoss(p, t, { ...mssTerms, logEps: 'auraloss' }), spectral],
  ['mss loudness term', (p, t) => multiScaleSpectralLoss(p, t, { fftSizes: [32], loudnessWeight: 0.1, sampleRate: SR }), spectral],
  ['mrstft', (p, t) => multiResolutionStftLoss(p, t, { fftSizes: [64, 32], hopSizes: [16, 7], winLengths: [48, 32], wLinMag: 0.5 }), spectral],
  ['mel', (p, t) => melSpectralLoss(p, t, { sampleRate: SR, nFft: 64, hop: 16, nMels: 8 }), spectral],
  ['loudness', (p, t) => loudnessLoss(p, t, { sampleRate: SR, nFft: 64, hop: 16 }), TOL.gradient],
  ['feature (loudness, l2)', (p, t) => featureLoss((x) => loudness(x, { sampleRate: SR, nFft: 32, hop: 16 }), { norm: 'l2' })(p, t), TOL.gradient],
  ['l1', l1Loss, TOL.gradient],
  ['l2', l2Loss, TOL.gradient],
  ['sisdr', (p, t) => siSdrLoss(p, t), TOL.gradient],
]

const pred = param('pred', [1, N], 'audio')
const target = param('target', [1, N], 'audio')

describe('losses: finite value and gradient, random and silent inputs', () => {
  for (const [name, loss] of losses)
    it(name, () => {
      const prog = ok(E.flatMap(compile({ loss: loss(pred, target) }), (p) => valueAndGrad(p, 'loss')))
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.constantFrom('random', 'zero pred', 'zero target', 'both zero'), fc.constantFrom('float64', 'float32') as fc.Arbitrary<'float64' | 'float32'>, (seed, kind, dtype) => {
          const r = rng(seed)
          const draw = (zero: boolean) => Float64Array.from({ length: N }, () => (zero ? 0 : 2 * r.next() - 1))
          const feeds = { pred: draw(kind === 'zero pred' || kind === 'both zero'), target: draw(kind === 'zero target' || kind === 'both zero') }
          const out = ok(evaluateSync(reference(dtype))(prog, feeds))
          const values = [out['loss']!.data[0]!, ...out[gradName('pred')]!.data, ...out[gradName('target')]!.data]
          expect(values.filter((v) => !Number.isFinite(v)).length).toBe(0)
        }),
        params(),
      )
    })
})

describe('losses: ∂/∂(pred, target) = central differences', () => {
  for (const [name, loss, tol] of losses)
    it(name, () => {
      const specs = { pred: { shape: [1, N], rate: 'audio' as const }, target: { shape: [1, N], rate: 'audio' as const } }
      const f = (p: Readonly<Record<string, Signal<Rate>>>) => loss(p['pred'] as Signal<'audio'>, p['target'] as Signal<'audio'>)
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
          return agreesWithDifferences(f, specs, seed, `loss ${name}`, tol)
        }),
        params(),
      )
    })
})

/** The largest |a − b|. */
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0)

/** The first output of `backend` that differs from float64 beyond TOL.backend and 4× the float32 reference's deviation. */
const mismatch = async (backend: Backend<unknown>, prog: Program, feeds: Feeds): Promise<string | undefined> => {
  const want = ok(evaluateSync(reference('float64'))(prog, feeds))
  const ref32 = ok(evaluateSync(reference('float32'))(prog, feeds))
  const got = ok(await evaluate(backend)(prog, feeds))
  for (const [k, w] of Object.entries(want)) {
    const scale = Math.max(1, ...Array.from(w.data, Math.abs))
    const tol = { ...TOL.backend, atol: Math.max(TOL.backend.atol, (TOL.float32Conditioning.atol * maxDiff(ref32[k]!.data, w.data)) / scale) }
    const at = firstScaledMismatch(tol, got[k]!.data, w.data)
    if (at >= 0) return `${k}[${at}]: ${backend.name} ${got[k]!.data[at]} vs reference ${w.data[at]}`
  }
  return undefined
}

const backendNames = (process.env['DDSP_TEST_BACKENDS'] ?? 'wasm,tfjs-cpu').split(',').map((n) => n.trim()).filter((n) => n.length > 0)
const loaded = await Promise.all(backendNames.map(async (n) => [n, isBackendName(n) ? await loadBackend(n) : undefined] as const))

for (const [name, b] of loaded)
  describe(`losses on ${name}: value and gradients equal the float64 reference`, () => {
    if (b === undefined || E.isLeft(b)) return void it.skip(`${name}: unavailable here`, () => undefined)
    for (const [loss, f] of losses)
      it(loss, async () => {
        const prog = ok(E.flatMap(compile({ loss: f(pred, target) }), (p) => valueAndGrad(p, 'loss')))
        const r = rng(7)
        const draw = () => Float64Array.from({ length: N }, () => 2 * r.next() - 1)
        expect(await mismatch(b.right, prog, { pred: draw(), target: draw() })).toBeUndefined()
      })
  })
