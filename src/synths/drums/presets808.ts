/**
 * The named presets of each 808 voice, as [0, 1] parameter vectors:
 * timbreremap's five snare presets for `snare808` and `tom808`, `closed` and
 * `open` for the hats, `default` for the rest (and for every voice, its
 * registry default). `ddsp render <voice> --preset NAME` reads them.
 *
 * @example
 * presets808('snare808', 44100)['808_snare_2'] // number[14]
 * Object.keys(presets808('hat808-open', 44100)) // ['default', 'closed', 'open']
 */
import { kit808, type Voice808 } from './kit808.js'
import { hat808Presets } from './metal808.js'
import { presetVector, snare808Presets } from './snare808.js'

/**
 * Every named preset of `voice` at `sampleRate`.
 * @param voice an 808 voice  @param sampleRate Hz (some ranges depend on it)
 * @example presets808('kick808', 44100).default
 */
export const presets808 = (voice: Voice808, sampleRate: number): Readonly<Record<string, number[]>> => {
  const own: Record<string, number[]> =
    voice === 'snare808' || voice === 'tom808'
      ? Object.fromEntries((Object.keys(snare808Presets) as (keyof typeof snare808Presets)[]).map((k) => [k, presetVector(k, sampleRate)]))
      : voice === 'hat808-closed' || voice === 'hat808-open'
        ? { closed: hat808Presets.closed(), open: hat808Presets.open() }
        : {}
  return { default: kit808[voice].defaults(sampleRate), ...own }
}
