/**
 * Feature-difference loss: compare two sounds through any differentiable
 * feature extractor f (loudness, centroid, mel, …),
 *
 *   loss = mean |(f(pred) − f(predRef)) − (f(target) − f(targetRef))| · w   ('l1'; squared for 'l2'),
 *
 * where the optional references make it timbreremap's `FeatureDifferenceLoss`
 * (the synth's change from its preset must match the performance's change
 * from the reference hit); without them it is mean |f(pred) − f(target)|·w.
 * `w` weights feature channels (the last axis of f's output).
 * Ref: jorshi/ddsp-timbre-remap `timbreremap/loss.py` `FeatureDifferenceLoss`
 * (seed-repos.md §1.6); Shier, Saitis, Robertson & McPherson, "Real-time Timbre Remapping with
 * Differentiable DSP", NIME 2024.
 *
 * @example
 * import { featureLoss } from 'ddsp-ts/losses'
 * import { loudness } from 'ddsp-ts/features'
 * const loss = featureLoss((x) => loudness(x, { sampleRate: 16000 }), { norm: 'l1' })(pred, target)
 */
import { sub } from '../core/math.js'
import { constant, type Rate, type Signal, withRate } from '../core/signal.js'
import { invalid } from '../dsp/guard.js'
import { meanDifference } from './distance.js'

/** A differentiable feature extractor of audio `[B, N]`. */
export type Feature = (x: Signal<'audio'>) => Signal<Rate>

/** Options of `featureLoss`. */
export interface FeatureLossOptions {
  /** 'l1' = mean |Δ|·w, 'l2' = mean Δ²·w. */
  readonly norm: 'l1' | 'l2'
  /** A scalar weight, or one weight per feature channel (last axis of f's output); default 1. */
  readonly weight?: number | readonly number[]
  /** The prediction's reference sound (timbreremap: the synth's preset), subtracted in feature space. */
  readonly predReference?: Signal<'audio'>
  /** The target's reference sound (timbreremap: the reference hit), subtracted in feature space. */
  readonly targetReference?: Signal<'audio'>
}

const asStatic = (s: Signal<Rate>): Signal<'static'> => withRate(s.node, 'static')

/** f(x) − f(ref), or f(x) without a reference. */
const relative = (f: Feature, x: Signal<'audio'>, ref: Signal<'audio'> | undefined): Signal<'static'> =>
  ref === undefined ? asStatic(f(x)) : sub(asStatic(f(x)), asStatic(f(ref)))

/**
 * A loss `(pred, target) → scalar` comparing `feature` of both (formula in the module header).
 * @param feature differentiable extractor, audio `[B, N]` → any shape
 * @param options norm ('l1' | 'l2'), weight (1; scalar or per channel), predReference, targetReference
 * @returns `(pred [B, N], target [B, N]) → static scalar []`
 * @example featureLoss((x) => melSpectrogram(x, { sampleRate: 16000 }), { norm: 'l2', weight: 0.5 })(pred, target)
 */
export const featureLoss =
  (feature: Feature, options: FeatureLossOptions) =>
  (pred: Signal<'audio'>, target: Signal<'audio'>): Signal<'static'> => {
    const { norm, weight = 1 } = options
    const p = relative(feature, pred, options.predReference)
    const t = relative(feature, target, options.targetReference)
    if (typeof weight === 'number') return meanDifference(t, p, norm === 'l1' ? 'L1' : 'L2', weight)
    const channels = p.shape?.at(-1)
    if (channels !== weight.length) return invalid(p, `featureLoss: ${weight.length} weights for ${channels ?? '?'} feature channels`, 'static')
    return meanDifference(t, p, norm === 'l1' ? 'L1' : 'L2', constant(weight, [weight.length]))
  }
