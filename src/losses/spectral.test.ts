import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { compile } from '../core/program-api.js'
import { input } from '../core/signal.js'
import { lcgNoise as noiseOf, pairLoss, run } from '../../testing/run.js'
import { loudnessLoss } from './loudness.js'
import { type LogEps } from './log-magnitude.js'
import { DDSP_FFT_SIZES, multiScaleSpectralLoss, type SpectralLossOptions } from './spectral.js'

/** tf.signal.stft(pad_end=True) power |X|² by direct DFT loops, periodic Hann: [frames][bins]. */
const powerLoops = (x: readonly number[], s: number, hop: number): number[][] =>
  Array.from({ length: Math.ceil(x.length / hop) }, (_, f) =>
    Array.from({ length: s / 2 + 1 }, (_, k) => {
      let [re, im] = [0, 0]
      for (let l = 0; l < s; l++) {
        const v = (0.5 - 0.5 * Math.cos((2 * Math.PI * l) / s)) * (x[f * hop + l] ?? 0)
        re += v * Math.cos((2 * Math.PI * k * l) / s)
        im -= v * Math.sin((2 * Math.PI * k * l) / s)
      }
      return re * re + im * im
    }),
  )

/** log|X| as each library defines it (no gradient-safety ε): ddsp safe_log, ddsp_pytorch log(x + 1e-7), auraloss clamp. */
const logOf = (p: number, strategy: LogEps): number =>
  strategy === 'ddsp' ? Math.log(p > 0 ? Math.sqrt(p) : 1e-5) : strategy === 'ddsp_pytorch' ? Math.log(Math.sqrt(p) + 1e-7) : Math.log(Math.sqrt(Math.max(p, 1e-8)))

const magOf = (p: number, strategy: LogEps): number => (strategy === 'auraloss' ? Math.sqrt(Math.max(p, 1e-8)) : Math.sqrt(p))

/** DDSP SpectralLoss by plain loops over a batch of rows. */
const mssLoops = (pred: number[][], target: number[][], o: Required<Pick<SpectralLossOptions, 'fftSizes' | 'lossType' | 'magWeight' | 'logmagWeight' | 'deltaTimeWeight' | 'deltaFreqWeight' | 'cumsumFreqWeight' | 'logEps'>>): number => {
  const d = (a: number, b: number) => (o.lossType === 'L1' ? Math.abs(a - b) : (a - b) ** 2)
  const mean = (a: number[][][], b: number[][][]) => {
    let [s, n] = [0, 0]
    a.forEach((m, i) => m.forEach((row, f) => row.forEach((v, k) => ((s += d(v, b[i]![f]![k]!)), n++))))
    return s / n
  }
  const dt = (m: number[][]) => m.slice(1).map((row, f) => row.map((v, k) => v - m[f]![k]!))
  const df = (m: number[][]) => m.map((row) => row.slice(1).map((v, k) => v - row[k]!))
  const cs = (m: number[][]) => m.map((row) => row.map((_, k) => row.slice(0, k + 1).reduce((a, b) => a + b, 0)))
  let loss = 0
  for (const s of o.fftSizes) {
    const [pp, tp] = [pred, target].map((rows) => rows.map((x) => powerLoops(x, s, s / 4))) as [number[][][], number[][][]]
    const mag = (q: number[][][]) => q.map((m) => m.map((row) => row.map((p) => magOf(p, o.logEps))))
    const lg = (q: number[][][]) => q.map((m) => m.map((row) => row.map((p) => logOf(p, o.logEps))))
    const [pm, tm] = [mag(pp), mag(tp)]
    loss += o.magWeight * mean(tm, pm) + o.logmagWeight * mean(lg(tp), lg(pp))
    if (o.deltaTimeWeight > 0) loss += o.deltaTimeWeight * mean(tm.map(dt), pm.map(dt))
    if (o.deltaFreqWeight > 0) loss += o.deltaFreqWeight * mean(tm.map(df), pm.map(df))
    if (o.cumsumFreqWeight > 0) loss += o.cumsumFreqWeight * mean(tm.map(cs), pm.map(cs))
  }
  return loss
}

const evalLoss = (pred: number[][], target: number[][], o: SpectralLossOptions = {}): number => pairLoss((p, t) => multiScaleSpectralLoss(p, t, o), pred, target)

describe('multiScaleSpectralLoss', () => {
  it('has DDSP defaults: six sizes 2048…64 and is 0 for identical signals', () => {
    expect(DDSP_FFT_SIZES).toEqual([2048, 1024, 512, 256, 128, 64])
    const x = [noiseOf(3000, 1)]
    expect(evalLoss(x, x)).toBe(0)
  })

  it('a tiny hand case: impulse at n = 2 vs silence, one size of 4 (hop 1)', () => {
    // frames (pad_end, 4 of them): the impulse meets Hann [0, ½, 1, ½] at w[2] = 1 in frame 0 and w[1] = ½ in frame 1,
    // so |X| = 1 in the 3 bins of frame 0, ½ in frame 1, and 0 (exactly) in frames 2 and 3.
    const pred = [[0, 0, 1, 0]]
    const zero = [[0, 0, 0, 0]]
    const mag = (3 * 1 + 3 * 0.5) / 12
    expect(evalLoss(pred, zero, { fftSizes: [4], logmagWeight: 0 })).toBeCloseTo(mag, 8)
    // ddsp safe_log: silent bins are log(1e-5) on both sides; mean |log|X_p| − log 1e-5| over 12 bins
    const logmag = (3 * Math.log(1e5) + 3 * (Math.log(1e5) - Math.log(2))) / 12
    expect(evalLoss(pred, zero, { fftSizes: [4], magWeight: 0 })).toBeCloseTo(logmag, 12)
    expect(evalLoss(pred, zero, { fftSizes: [4] })).toBeCloseTo(mag + logmag, 8)
  })

  for (const logEps of ['ddsp', 'ddsp_pytorch', 'auraloss'] as const)
    for (const lossType of ['L1', 'L2'] as const)
      it(`equals a direct loop evaluation (${logEps}, ${lossType}, all five terms, batch 2)`, () => {
        const [pred, target] = [[noiseOf(200, 2), noiseOf(200, 3)], [noiseOf(200, 4), noiseOf(200, 5).map((v) => 0.3 * v)]]
        const o = { fftSizes: [64, 32, 16], lossType, magWeight: 1, logmagWeight: 0.7, deltaTimeWeight: 0.5, deltaFreqWeight: 0.25, cumsumFreqWeight: 0.1, logEps }
        const want = mssLoops(pred, target, o)
        expect(Math.abs(evalLoss(pred, target, o) - want)).toBeLessThan(1e-9 * want)
      })

  it('the loudness term is w · L1 of DDSP loudness at nFft 2048', () => {
    const [pred, target] = [[noiseOf(4000, 6)], [noiseOf(4000, 7).map((v) => 0.1 * v)]]
    const o = { magWeight: 0, logmagWeight: 0, loudnessWeight: 0.5, sampleRate: 16000 }
    const ld = loudnessLoss(input('p', [1, 4000], 'audio'), input('t', [1, 4000], 'audio'), { sampleRate: 16000, nFft: 2048 })
    const want = run({ ld }, { p: pred[0]!, t: target[0]! })['ld']![0]!
    expect(want).toBeGreaterThan(10) // ≈ 20 dB apart
    expect(evalLoss(pred, target, o)).toBeCloseTo(0.5 * want, 10)
  })

  it('reports bad options as graph errors naming the problem', () => {
    const x = input('x', [1, 100], 'audio')
    const msg = (o: SpectralLossOptions) => {
      const r = compile({ loss: multiScaleSpectralLoss(x, x, o) })
      return E.isLeft(r) ? JSON.stringify(r.left) : 'compiled'
    }
    expect(msg({ fftSizes: [100] })).toMatch(/powers of two/)
    expect(msg({ loudnessWeight: 1 })).toMatch(/needs sampleRate/)
    expect(msg({ fftSizes: [512], deltaTimeWeight: 1 })).toMatch(/delta-time term needs ≥ 2 frames/)
    const r = compile({ loss: multiScaleSpectralLoss(x, input('y', [1, 99], 'audio')) })
    expect(E.isLeft(r) && JSON.stringify(r.left)).toMatch(/differ in shape/)
  })
})
