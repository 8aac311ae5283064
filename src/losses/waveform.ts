/**
 * Sample-domain losses: mean absolute error, mean squared error, and the
 * scale-invariant signal-to-distortion ratio (SI-SDR) as a loss (−SI-SDR, dB).
 *
 * SI-SDR (Le Roux, Wisdom, Erdogan & Hershey, "SDR – half-baked or well
 * done?", ICASSP 2019, eq. (4)–(5)): with target s and estimate ŝ (optionally
 * zero-mean), α = ⟨ŝ, s⟩/‖s‖², SI-SDR = 10·log10(‖αs‖² / ‖αs − ŝ‖²).
 * Like auraloss `SISDRLoss` (csteinmetz1/auraloss `time.py`, eps 1e-8), ε is
 * added to both denominators and inside the log:
 *   α = ⟨ŝ, s⟩/(‖s‖² + ε),  SI-SDR = 10·log10(‖αs‖²/(‖αs − ŝ‖² + ε) + ε),
 * so an all-zero target, estimate or both gives a finite value (80 dB loss at
 * ε = 1e-8) with a finite gradient; the loss is the mean over the batch.
 *
 * @example
 * import { l1Loss, l2Loss, siSdrLoss } from 'ddsp-ts/losses'
 * const a = l1Loss(pred, target)      // mean |p − t|
 * const b = siSdrLoss(pred, target)   // −SI-SDR in dB, e.g. −20 for a 20 dB estimate
 */
import { composite } from '../core/composite.js'
import { add, div, log, mul, neg, sub } from '../core/math.js'
import type { Signal } from '../core/signal.js'
import { reshape, sum } from '../core/tensor.js'
import { dimsOf, invalid } from '../dsp/guard.js'
import { meanAll, meanDifference } from './distance.js'
import { checkPair } from './pair.js'

/**
 * Mean absolute error: (1/BN)·Σ |p − t|.
 * @param pred audio `[B, N]`  @param target audio `[B, N]`
 * @returns static scalar `[]`
 * @example l1Loss(pred, target)
 */
export const l1Loss = (pred: Signal<'audio'>, target: Signal<'audio'>): Signal<'static'> => {
  const bad = checkPair('l1Loss', pred, target)
  return bad === undefined ? meanDifference(target, pred, 'L1') : invalid(pred, bad, 'static')
}

/**
 * Mean squared error: (1/BN)·Σ (p − t)².
 * @param pred audio `[B, N]`  @param target audio `[B, N]`
 * @returns static scalar `[]`
 * @example l2Loss(pred, target)
 */
export const l2Loss = (pred: Signal<'audio'>, target: Signal<'audio'>): Signal<'static'> => {
  const bad = checkPair('l2Loss', pred, target)
  return bad === undefined ? meanDifference(target, pred, 'L2') : invalid(pred, bad, 'static')
}

/** Options of `siSdrLoss`. */
export interface SiSdrOptions {
  /** Remove each item's mean first (auraloss default); default true. */
  readonly zeroMean?: boolean
  /** ε of the denominators and the log (auraloss default 1e-8). */
  readonly eps?: number
}

/** Σ over samples of a·b: `[B, N]` → `[B]`. */
const dot = (a: Signal<'audio'>, b: Signal<'audio'>) => sum(mul(a, b), [1])

/** x minus each item's mean over samples: `[B, N]`. */
const centred = (x: Signal<'audio'>, b: number, n: number): Signal<'audio'> => sub(x, reshape(mul(sum(x, [1]), 1 / n), [b, 1]))

/**
 * −SI-SDR in dB, averaged over the batch (formula and ε in the module header).
 * Ref: Le Roux et al., ICASSP 2019; csteinmetz1/auraloss `SISDRLoss`.
 * @param pred estimate ŝ, audio `[B, N]`  @param target reference s, audio `[B, N]`
 * @param options zeroMean (true), eps (1e-8)
 * @returns static scalar `[]` (dB; lower is better; 80 dB when either signal is silent at ε = 1e-8)
 * @example siSdrLoss(add(mul(target, 0.5), hiss), target) // −20 when ‖0.5·s‖² = 100·‖hiss‖² and hiss ⟂ s
 */
export const siSdrLoss = (pred: Signal<'audio'>, target: Signal<'audio'>, options: SiSdrOptions = {}): Signal<'static'> => {
  const { zeroMean = true, eps = 1e-8 } = options
  const bad = checkPair('siSdrLoss', pred, target) ?? (eps > 0 ? undefined : `siSdrLoss: eps must be > 0, got ${eps}`)
  if (bad !== undefined) return invalid(pred, bad, 'static')
  const [b, n] = dimsOf(pred, 2) as [number, number]
  const body = (p0: Signal<'audio'>, t0: Signal<'audio'>): Signal<'static'> => {
    const [p, t] = zeroMean ? [centred(p0, b, n), centred(t0, b, n)] : [p0, t0]
    const alpha = div(dot(p, t), add(dot(t, t), eps))
    const proj = mul(t, reshape(alpha, [b, 1]))
    const res = sub(p, proj)
    const ratio = add(div(dot(proj, proj), add(dot(res, res), eps)), eps)
    return neg(meanAll(mul(log(ratio), 10 / Math.LN10)))
  }
  return composite('losses.siSdr', body, { attrs: { zeroMean, eps } })(pred, target)
}
