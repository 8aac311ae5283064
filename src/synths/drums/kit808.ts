/**
 * The 808 kit: every voice by its registry name, with its parameter table,
 * default parameters (in [0, 1]) and renderer. `tom808` is the snare
 * architecture with timbreremap's tom preset (`808_open_snare` = `808_tom_1`),
 * as in timbreremap itself.
 *
 * @example
 * const v = kit808['kick808']; v.render(constant(v.defaults(44100), [1, v.params(44100).length]), 44100, 44100)
 */
import type { Signal } from '../../core/signal.js'
import { clap808, clap808Params, clap808Preset } from './clap808.js'
import { kick808, kick808Params, kick808Preset } from './kick808.js'
import { cowbell808, cowbell808Params, cowbell808Preset, hat808, hat808Params, hat808Presets } from './metal808.js'
import type { Range } from './modules.js'
import { presetVector, snare808, snare808Params } from './snare808.js'

/** A drum voice: parameters in [0, 1] → audio. */
export interface DrumVoice {
  readonly params: (sampleRate: number) => ReadonlyArray<readonly [string, Range]>
  readonly defaults: (sampleRate: number) => number[]
  readonly render: (params: Signal<'static'>, n: number, sampleRate: number) => Signal<'audio'>
}

/** The kit, by name. */
export const kit808 = {
  snare808: { params: snare808Params, defaults: (sr) => presetVector('808_snare_1', sr), render: (p, n, sr) => snare808(p, n, sr) },
  tom808: { params: snare808Params, defaults: (sr) => presetVector('808_open_snare', sr), render: (p, n, sr) => snare808(p, n, sr) },
  kick808: { params: () => kick808Params, defaults: kick808Preset, render: (p, n, sr) => kick808(p, n, sr) },
  'hat808-closed': { params: () => hat808Params, defaults: hat808Presets.closed, render: hat808 },
  'hat808-open': { params: () => hat808Params, defaults: hat808Presets.open, render: hat808 },
  clap808: { params: () => clap808Params, defaults: clap808Preset, render: (p, n, sr) => clap808(p, n, sr) },
  cowbell808: { params: () => cowbell808Params, defaults: cowbell808Preset, render: cowbell808 },
} as const satisfies Record<string, DrumVoice>

/** Names of the kit's voices. */
export type Voice808 = keyof typeof kit808

/**
 * Whether `s` names a voice of the 808 kit.
 * @param s candidate name
 * @example isVoice808('snare808') // true
 */
export const isVoice808 = (s: string): s is Voice808 => Object.hasOwn(kit808, s)
