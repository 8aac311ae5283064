/**
 * Laws of the differentiable features (small sizes: N = 256 samples at 8 kHz,
 * 64-point FFTs): (1) reverse mode = float64 central differences along a random
 * direction (`gradCheck`), draws whose step straddles a kink (max, clip, the
 * roll-off bin change) discarded by the smoothness test, and a draw that fails at
 * h = 1e-6 retried once at h = 1e-7 (see below), each allowed its rounding bound `noise` (see
 * `ROUNDING_GAIN`: outputs in hertz carry large terms); (2) on silence the
 * value and the gradient are finite, on the float64 and float32 reference backends.
 * YIN picking and onset picking are host-side and not differentiable; their
 * composites (difference function, spectral flux) are checked here.
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reference } from '../src/backends/reference/index.js'
import * as B from '../src/core/build.js'
import { gradName, valueAndGrad } from '../src/core/autodiff/vjp.js'
import { evaluateSync } from '../src/core/interpret.js'
import { compile } from '../src/core/program-api.js'
import { param, withRate, type Rate, type Signal } from '../src/core/signal.js'
import { kLoudness } from '../src/features/k-loudness.js'
import { loudness } from '../src/features/loudness.js'
import { melSpectrogram, mfcc } from '../src/features/mel.js'
import { rms } from '../src/features/rms.js'
import { spectralBandwidth, spectralCentroid, spectralFlatness, spectralRolloff } from '../src/features/spectral-shape.js'
import { spectralFlux } from '../src/features/spectral-flux.js'
import { temporalCentroid } from '../src/features/temporal-centroid.js'
import { yinDifference } from '../src/features/yin-difference.js'
import { agreesWithDifferences } from './gradcheck.js'
import { ok } from './harness.js'
import { params } from './runs.js'
import { TOL, type Tolerance } from '../testing/tolerance.js'

const N = 256
const SR = 8000
const spec = { sampleRate: SR, nFft: 64, hop: 16 }
type Feature = (x: Signal<'audio'>) => Signal<Rate>

const features: ReadonlyArray<readonly [string, Feature, Tolerance]> = [
  ['loudness', (x) => loudness(x, { sampleRate: SR, nFft: 64, hop: 16 }), TOL.gradient],
  ['kLoudness', (x) => kLoudness(x, { sampleRate: SR, blockLength: 64, hop: 32 }), TOL.gradient],
  ['rms', (x) => rms(x, { frameLength: 64, hop: 16 }), TOL.gradient],
  ['centroid', (x) => spectralCentroid(x, spec), TOL.gradient],
  ['bandwidth', (x) => spectralBandwidth(x, spec), TOL.gradient],
  ['flatness', (x) => spectralFlatness(x, spec), TOL.spectralGradient],
  ['rolloff', (x) => spectralRolloff(x, spec), TOL.gradient],
  ['mel', (x) => melSpectrogram(x, { ...spec, nMels: 8 }), TOL.gradient],
  ['mfcc', (x) => mfcc(x, { ...spec, nMels: 8, nMfcc: 5 }), TOL.spectralGradient],
  ['temporal centroid', (x) => temporalCentroid(x, SR), TOL.gradient],
  ['spectral flux', (x) => spectralFlux(x, spec), TOL.spectralGradient],
  ['yin difference', (x) => yinDifference(x, { window: 32, maxLag: 32, hop: 16 }), TOL.gradient],
]

describe('features: ∂/∂x = central differences', () => {
  for (const [name, feature, tol] of features)
    it(name, () => {
      const specs = { x: { shape: [1, N], rate: 'audio' as const } }
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
          const f = (p: Readonly<Record<string, Signal<Rate>>>) => feature(p['x'] as Signal<'audio'>)
          return agreesWithDifferences(f, specs, seed, `feature ${name}`, tol) // (the flux's rectifier: seen at h = 1e-6, exact at 1e-7)
        }),
        params(),
      )
    })
})

describe('features: finite value and gradient on silence', () => {
  for (const [name, feature] of features)
    it(name, () => {
      const x = param('x', [2, N], 'audio')
      const y = feature(x)
      const loss = withRate(B.sum(y.node, (y.shape ?? []).map((_, i) => i)), 'static')
      const prog = ok(E.flatMap(compile({ loss }), (p) => valueAndGrad(p, 'loss')))
      for (const dtype of ['float64', 'float32'] as const) {
        const out = ok(evaluateSync(reference(dtype))(prog, { x: new Float64Array(2 * N) }))
        const values = [...out['loss']!.data, ...out[gradName('x')]!.data]
        expect(values.filter((v) => !Number.isFinite(v)).length, `${name} ${dtype}`).toBe(0)
      }
    })
})
