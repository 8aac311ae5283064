/**
 * Power → decibels with DDSP's floor semantics, shared by the loudness
 * features: dB = max(10·log10(max(p, 10^{−range/10})) − ref, −range).
 * The inner clamp keeps log finite on silence (its gradient is 0 there).
 *
 * @example
 * import { powerToDb } from 'ddsp-ts/features'
 * powerToDb(meanPower, 0, 80) // −80 … dB
 */
import { type Rate, type Signal, withRate } from '../core/signal.js'
import { powerToDbNode } from '../dsp/scale.js'

/** The node form (for composite bodies) lives beside `amplitudeToDb` in `dsp/scale.ts`; re-exported here. */
export { powerToDbNode }

/**
 * DDSP `power_to_db`: max(10·log10(max(p, 10^{−rangeDb/10})) − refDb, −rangeDb).
 * Ref: magenta/ddsp `spectral_ops.power_to_db`.
 * @param p power (linear, ≥ 0), any shape  @param refDb reference (dB)  @param rangeDb dynamic range (dB, > 0)
 * @returns dB, same shape and rate
 * @example powerToDb(constant(1), 0, 80) // 0 dB; powerToDb(constant(0), 0, 80) = −80
 */
export const powerToDb = <R extends Rate>(p: Signal<R>, refDb = 0, rangeDb = 80): Signal<R> =>
  withRate(powerToDbNode(p.node, refDb, rangeDb), p.rate)
