/**
 * auraloss's multi-resolution STFT loss (`MultiResolutionSTFTLoss`, after
 * Yamamoto et al., "Parallel WaveGAN", ICASSP 2020): the mean over resolutions
 * (n_fft, hop, win) of
 *
 *   w_sc·‖Y − X‖_F/‖Y‖_F + w_log·mean|log Y − log X| + w_lin·mean|Y − X|,
 *
 * X, Y the prediction's and target's magnitudes √(max(re² + im², 1e-8)) of
 * `torch.stft(x, n_fft, hop, win_length, hann_window(win))` with its defaults:
 * centred frames (n_fft/2 reflect padding at both ends, 1 + ⌊N/hop⌋ frames),
 * the periodic Hann window of win samples zero-padded on both sides to n_fft
 * (left pad ⌊(n_fft − win)/2⌋), no normalisation. The Frobenius norms run over
 * the whole batch (auraloss `SpectralConvergenceLoss`, no `dim`).
 * Ref: csteinmetz1/auraloss `auraloss/freq.py` (v0.4.0, 0853e9e7):
 * `SpectralConvergenceLoss`, `STFTMagnitudeLoss`, `STFTLoss.stft`, `MultiResolutionSTFTLoss`.
 *
 * @example
 * import { multiResolutionStftLoss } from 'ddsp-ts/losses'
 * const loss = multiResolutionStftLoss(pred, target)   // fft [1024, 2048, 512], hop [120, 240, 50], win [600, 1200, 240]
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import { div, mul, sub } from '../core/math.js'
import { type Signal, withRate } from '../core/signal.js'
import { rfft } from '../core/tensor.js'
import { dimsOf, invalid, isPosInt } from '../dsp/guard.js'
import { hannTable } from '../host/window.js'
import { meanDifference, safeNorm, sumTerms } from './distance.js'
import { type Magnitudes, spectralMagnitudes } from './log-magnitude.js'
import { checkPair } from './pair.js'

/** Options of `multiResolutionStftLoss` (auraloss names, camel-cased). */
export interface MrstftOptions {
  /** FFT sizes; default [1024, 2048, 512]. */
  readonly fftSizes?: readonly number[]
  /** Hops (samples), one per FFT size; default [120, 240, 50]. */
  readonly hopSizes?: readonly number[]
  /** Hann window lengths ≤ FFT size; default [600, 1200, 240]. */
  readonly winLengths?: readonly number[]
  /** Spectral convergence weight; default 1. */
  readonly wSc?: number
  /** Log-magnitude L1 weight; default 1. */
  readonly wLogMag?: number
  /** Linear-magnitude L1 weight; default 0. */
  readonly wLinMag?: number
}

/** auraloss `MultiResolutionSTFTLoss` defaults. */
export const AURALOSS_MRSTFT = { fftSizes: [1024, 2048, 512], hopSizes: [120, 240, 50], winLengths: [600, 1200, 240] } as const

/** Reflect index (torch 'reflect' padding, edge sample not repeated) into [0, n). */
const reflect = (i: number, n: number): number => (i < 0 ? -i : i >= n ? 2 * (n - 1) - i : i)

/**
 * The windowed, zero-padded frames `[B, F, nFft]` of torch.stft(center=True, pad_mode='reflect'):
 * one gather through idx[f, l] = reflect(f·hop + left + l − nFft/2), l < win, times the window, then zero padding.
 */
const torchFrames = (x: Signal<'audio'>, n: number, nFft: number, hop: number, win: number): Signal<'audio'> => {
  const half = Math.floor(nFft / 2)
  const left = Math.floor((nFft - win) / 2)
  const frames = 1 + Math.floor((n + 2 * half - nFft) / hop)
  const idx = Array.from({ length: frames * win }, (_, i) => reflect(Math.floor(i / win) * hop + left + (i % win) - half, n))
  const windowed = B.mul(B.gather(x.node, B.constant(idx, [frames, win]), 1), B.constant(hannTable(win), [win]))
  return withRate(B.pad(windowed, [0, 0, left], [0, 0, nFft - win - left]), 'audio')
}

/**
 * auraloss magnitude √(max(|X|², 1e-8)) `[B, F, nFft/2 + 1]` and its log (`spectralMagnitudes`' 'auraloss'
 * convention): torch.stft center=True, reflect padding, a Hann window of `win` centred in each `nFft` frame
 * (`streamed.ts` evaluates it on slices).
 * @param x audio `[B, n]`  @param n samples  @param nFft FFT size  @param hop hop  @param win window length
 * @example auralossMagnitudes(x, 16000, 1024, 120, 600).mag // [B, frames, 513]
 */
export const auralossMagnitudes = (x: Signal<'audio'>, n: number, nFft: number, hop: number, win: number): Magnitudes<'audio'> =>
  spectralMagnitudes(rfft(torchFrames(x, n, nFft, hop, win), nFft), 'auraloss')

/** The first problem with the arguments, or undefined. */
const check = (pred: Signal<'audio'>, target: Signal<'audio'>, ffts: readonly number[], hops: readonly number[], wins: readonly number[]): string | undefined => {
  const pair = checkPair('multiResolutionStftLoss', pred, target)
  if (pair !== undefined) return pair
  const n = dimsOf(pred, 2)![1]!
  if (ffts.length === 0 || ffts.length !== hops.length || ffts.length !== wins.length) return 'multiResolutionStftLoss: fftSizes, hopSizes and winLengths must have one equal, non-zero length'
  const i = ffts.findIndex((f, k) => !isPosInt(f) || !isPosInt(hops[k]!) || !isPosInt(wins[k]!) || wins[k]! > f)
  if (i >= 0) return `multiResolutionStftLoss: bad resolution fft ${ffts[i]}, hop ${hops[i]}, win ${wins[i]} (positive integers, win ≤ fft)`
  const big = ffts.find((f) => Math.floor(f / 2) >= n)
  return big === undefined ? undefined : `multiResolutionStftLoss: reflect padding of ${Math.floor(big / 2)} needs more than ${n} samples (fft ${big})`
}

/**
 * auraloss multi-resolution STFT loss (formula in the module header).
 * @param pred predicted audio `[B, N]`  @param target target audio `[B, N]`
 * @param options fftSizes, hopSizes, winLengths (auraloss defaults), wSc (1), wLogMag (1), wLinMag (0)
 * @returns static scalar `[]`; 0 when pred = target
 * @example multiResolutionStftLoss(pred, target, { fftSizes: [64], hopSizes: [16], winLengths: [48] })
 */
export const multiResolutionStftLoss = (pred: Signal<'audio'>, target: Signal<'audio'>, options: MrstftOptions = {}): Signal<'static'> => {
  const { fftSizes = AURALOSS_MRSTFT.fftSizes, hopSizes = AURALOSS_MRSTFT.hopSizes, winLengths = AURALOSS_MRSTFT.winLengths } = options
  const { wSc = 1, wLogMag = 1, wLinMag = 0 } = options
  const bad = check(pred, target, fftSizes, hopSizes, winLengths)
  if (bad !== undefined) return invalid(pred, bad, 'static')
  const n = dimsOf(pred, 2)![1]!
  const body = (p: Signal<'audio'>, t: Signal<'audio'>): Signal<'static'> => {
    const perResolution = fftSizes.map((nFft, k) => {
      const [mx, my] = [p, t].map((s) => auralossMagnitudes(s, n, nFft, hopSizes[k]!, winLengths[k]!)) as [Magnitudes<'audio'>, Magnitudes<'audio'>]
      const [x, y] = [mx.mag, my.mag]
      return sumTerms([
        ...(wSc !== 0 ? [mul(div(safeNorm(sub(y, x)), safeNorm(y)), wSc)] : []),
        ...(wLogMag !== 0 ? [mul(meanDifference(my.logMag, mx.logMag, 'L1'), wLogMag)] : []),
        ...(wLinMag !== 0 ? [mul(meanDifference(y, x, 'L1'), wLinMag)] : []),
      ])
    })
    return mul(sumTerms(perResolution), 1 / fftSizes.length)
  }
  const attrs = { fftSizes: [...fftSizes], hopSizes: [...hopSizes], winLengths: [...winLengths], wSc, wLogMag, wLinMag }
  return composite('losses.multiResolutionStft', body, { attrs })(pred, target)
}
