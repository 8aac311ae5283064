/**
 * The composite names older versions wrote, and the name each has now
 * (`<group>.<name>`, `core/composite-names.ts`): `decode` renames them, so old
 * checkpoints load and meet the same lowerings.
 *
 * @example
 * currentName('svf') // 'dsp.svf'
 */
import type { LoweredName } from '../core/composite-names.js'

/**
 * Names older versions wrote, and the name each has now; `decode` renames them,
 * so old checkpoints load and meet the same lowerings.
 * @example legacyCompositeNames['svf'] // 'dsp.svf'
 */
export const legacyCompositeNames: Readonly<Record<string, LoweredName>> = {
  svf: 'dsp.svf',
  oscillatorBank: 'synth.oscillatorBank',
  'loss.meanDifference': 'losses.meanDifference',
  'loss.meanDifference.vjp': 'losses.meanDifference.vjp',
}

/** A decoded composite's name under the current scheme. @example currentName('oscillatorBank') // 'synth.oscillatorBank' */
export const currentName = (name: string): string => (Object.hasOwn(legacyCompositeNames, name) ? legacyCompositeNames[name]! : name)
