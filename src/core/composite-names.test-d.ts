/**
 * Type tests, checked by `tsc --noEmit` in `npm test`: a lowering table keyed
 * by a misspelt composite name, or a library composite given the wrong
 * attributes, must not compile. Each `@ts-expect-error` fails the build if
 * the line compiles.
 */
import { composite } from './composite.js'
import type { LoweredAttrs, LoweringTable } from './composite-names.js'
import type { Signal } from './signal.js'

export const table: LoweringTable<number> = {
  'dsp.stft': 1,
  'dsp.stft.vjp': 2,
  'losses.meanDifference': 3,
  // @ts-expect-error a misspelt name (the scheme is `<group>.<name>`)
  svf: 4,
}

// @ts-expect-error a plain composite has no `.vjp` half to lower
export const noVjp: LoweringTable<number> = { 'dsp.svf.vjp': 1 }

export const vjpAttrs: LoweredAttrs<'dsp.magnitude.vjp'> = { eps: 1e-7, needs: [true] }

const id = (x: Signal<'audio'>): Signal<'audio'> => x
export const typed = composite('dsp.magnitude', id, { attrs: { eps: 1e-7 } })
// @ts-expect-error a library composite records its own attributes
export const wrong = composite('dsp.magnitude', id, { attrs: { epsilon: 1e-7 } })
export const user = composite('user.anything', id, { attrs: { whatever: [1, 2] } })
