import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { compile } from '../core/program-api.js'
import { input } from '../core/signal.js'
import { lcgNoise as noiseOf, pairLoss } from '../../testing/run.js'
import { AURALOSS_MRSTFT, multiResolutionStftLoss, type MrstftOptions } from './mrstft.js'

/**
 * auraloss STFTLoss.stft by loops: torch.stft(center=True, pad_mode='reflect') with hann_window(win)
 * (periodic) zero-padded to nFft at left ⌊(nFft − win)/2⌋; magnitude √max(|X|², 1e-8). [frames][bins]
 */
const torchMag = (x: readonly number[], nFft: number, hop: number, win: number): number[][] => {
  const half = nFft / 2
  const padded = [...x.slice(1, half + 1).reverse(), ...x, ...x.slice(x.length - half - 1, x.length - 1).reverse()]
  const left = Math.floor((nFft - win) / 2)
  const w = Array.from({ length: nFft }, (_, l) => (l >= left && l < left + win ? 0.5 - 0.5 * Math.cos((2 * Math.PI * (l - left)) / win) : 0))
  return Array.from({ length: 1 + Math.floor((padded.length - nFft) / hop) }, (_, f) =>
    Array.from({ length: nFft / 2 + 1 }, (_, k) => {
      let [re, im] = [0, 0]
      for (let l = 0; l < nFft; l++) {
        re += w[l]! * padded[f * hop + l]! * Math.cos((2 * Math.PI * k * l) / nFft)
        im -= w[l]! * padded[f * hop + l]! * Math.sin((2 * Math.PI * k * l) / nFft)
      }
      return Math.sqrt(Math.max(re * re + im * im, 1e-8))
    }),
  )
}

/** auraloss MultiResolutionSTFTLoss by loops (SC Frobenius over the whole batch, mean L1 of log). */
const mrstftLoops = (pred: number[][], target: number[][], ffts: number[], hops: number[], wins: number[], wLin = 0): number =>
  ffts.reduce((acc, nFft, r) => {
    const X = pred.map((x) => torchMag(x, nFft, hops[r]!, wins[r]!)).flat(2)
    const Y = target.map((y) => torchMag(y, nFft, hops[r]!, wins[r]!)).flat(2)
    const sc = Math.sqrt(X.reduce((s, v, i) => s + (Y[i]! - v) ** 2, 0)) / Math.sqrt(Y.reduce((s, v) => s + v * v, 0))
    const logL1 = X.reduce((s, v, i) => s + Math.abs(Math.log(Y[i]!) - Math.log(v)), 0) / X.length
    const linL1 = X.reduce((s, v, i) => s + Math.abs(Y[i]! - v), 0) / X.length
    return acc + (sc + logL1 + wLin * linL1) / ffts.length
  }, 0)

const evalLoss = (pred: number[][], target: number[][], o: MrstftOptions = {}): number => pairLoss((p, t) => multiResolutionStftLoss(p, t, o), pred, target)

describe('multiResolutionStftLoss', () => {
  it('has auraloss defaults and is 0 for identical signals', () => {
    expect(AURALOSS_MRSTFT).toEqual({ fftSizes: [1024, 2048, 512], hopSizes: [120, 240, 50], winLengths: [600, 1200, 240] })
    const x = [noiseOf(2100, 1)]
    expect(evalLoss(x, x)).toBe(0)
  })

  it('equals a direct loop evaluation of torch.stft (reflect centring, centred short window) and auraloss terms, batch 2', () => {
    const [pred, target] = [[noiseOf(150, 2), noiseOf(150, 3)], [noiseOf(150, 4), noiseOf(150, 5).map((v) => 0.2 * v)]]
    const [ffts, hops, wins] = [[32, 64, 16], [8, 12, 5], [20, 64, 9]]
    const want = mrstftLoops(pred, target, ffts, hops, wins, 0.5)
    const got = evalLoss(pred, target, { fftSizes: ffts, hopSizes: hops, winLengths: wins, wLinMag: 0.5 })
    expect(Math.abs(got - want)).toBeLessThan(1e-10 * want)
  })

  it('silent target: the 1e-8 power floor bounds ‖Y‖ so spectral convergence stays finite', () => {
    const loss = evalLoss([noiseOf(300, 6)], [new Array<number>(300).fill(0)], { fftSizes: [64], hopSizes: [16], winLengths: [64] })
    expect(Number.isFinite(loss) && loss > 1).toBe(true)
  })

  it('reports bad resolutions and too-short signals as graph errors', () => {
    const x = input('x', [1, 100], 'audio')
    const msg = (o: MrstftOptions) => {
      const r = compile({ loss: multiResolutionStftLoss(x, x, o) })
      return E.isLeft(r) ? JSON.stringify(r.left) : 'compiled'
    }
    expect(msg({})).toMatch(/reflect padding of 512 needs more than 100 samples/)
    expect(msg({ fftSizes: [32], hopSizes: [8], winLengths: [40] })).toMatch(/win ≤ fft/)
    expect(msg({ fftSizes: [32, 16], hopSizes: [8], winLengths: [32] })).toMatch(/one equal, non-zero length/)
  })
})
