/**
 * Envelope loss: the mean distance in dB between the RMS envelopes of
 * prediction and target, each floored 60 dB under the target's loudest frame,
 *
 *   loss = (20/ln 10)·mean_f |ln(rₚ[f] + φ) − ln(rₜ[f] + φ)|,  φ = 10⁻³·max_f rₜ[f],
 *
 * with r the frame RMS (`features/rms.ts`, ~30 ms frames every ~5 ms,
 * centred). Unlike DDSP's loudness (a mean over bins of A-weighted dB, which
 * moves with the spectrum's width as much as with its level: a narrow noise
 * tail reads 20 dB quieter than its RMS), this is the level a listener and
 * `matchFigures`' envelope error see. The floor keeps what is inaudible next
 * to the hit out of the loss and bounds the gradient 1/(r + φ).
 *
 * @example
 * import { envelopeLoss } from 'ddsp-ts/losses'
 * const loss = envelopeLoss(pred, target, { sampleRate: 22050 }) // dB
 */
import { composite } from '../core/composite.js'
import { add, log, mul } from '../core/math.js'
import type { Signal } from '../core/signal.js'
import { reduceMax } from '../core/tensor.js'
import { invalid } from '../dsp/guard.js'
import { rms } from '../features/rms.js'
import { meanDifference } from './distance.js'
import { checkPair } from './pair.js'

/** Options of `envelopeLoss`. @example const o: EnvelopeLossOptions = { sampleRate: 22050, frameMs: 30 } */
export interface EnvelopeLossOptions {
  readonly sampleRate: number
  /** frame length, ms (default 30: 1.5 periods of a 50 Hz kick, so the level does not ripple with phase) */
  readonly frameMs?: number
  /** hop, ms (default 5) */
  readonly hopMs?: number
  /** floor under the target's loudest frame, dB (default 60) */
  readonly rangeDb?: number
}

/**
 * Mean |dB| between the floored RMS envelopes of pred and target.
 * @param pred audio `[B, N]`  @param target audio `[B, N]`  @param o sampleRate (Hz), frameMs (30), hopMs (5), rangeDb (60)
 * @returns static scalar `[]` in dB; 0 when pred = target
 * @example envelopeLoss(pred, target, { sampleRate: 44100 })
 */
export const envelopeLoss = (pred: Signal<'audio'>, target: Signal<'audio'>, o: EnvelopeLossOptions): Signal<'static'> => {
  const bad = checkPair('envelopeLoss', pred, target)
  if (bad !== undefined) return invalid(pred, bad, 'static')
  if (!(o.sampleRate > 0)) return invalid(pred, `envelopeLoss: sampleRate must be > 0, got ${o.sampleRate}`, 'static')
  const frameLength = Math.max(2, Math.round(((o.frameMs ?? 30) * o.sampleRate) / 1000))
  const hop = Math.max(1, Math.round(((o.hopMs ?? 5) * o.sampleRate) / 1000))
  const ratio = 10 ** (-(o.rangeDb ?? 60) / 20)
  const body = (p: Signal<'audio'>, t: Signal<'audio'>) => {
    const rp = rms(p, { frameLength, hop })
    const rt = rms(t, { frameLength, hop })
    const floor = mul(reduceMax(rt, [0, 1]), ratio)
    return mul(20 / Math.LN10, meanDifference(log(add(rt, floor)), log(add(rp, floor)), 'L1'))
  }
  return composite('losses.envelope', body, { attrs: { frameLength, hop, ratio } })(pred, target)
}
