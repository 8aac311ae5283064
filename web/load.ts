/**
 * The page's loader: a file's text (or a bundled synth's JSON) to a synth
 * description, or the one line the page shows — the CLI's line for a number
 * beyond its bound (`src/io/ranges.ts`, `src/models/model-bounds.ts`), the
 * field and what is wrong for a malformed file, "not JSON" for anything else.
 * It never throws.
 *
 * @example
 * loadSynth('big.json', '{"format":"ddsp-ts/synth","kind":"ddsp","hop":2147483648,…}', { base })
 * // Left('big.json: $.hop is 2147483648, must be an integer in [1, 48000]')
 */
import * as E from 'fp-ts/lib/Either.js'
import { specFromJson, synthErrorLine, type SpecOptions } from './checkpoint.js'
import type { SynthSpec } from './spec.js'

/**
 * Checks parsed JSON as a synth description or checkpoint.
 * @param name shown first (a file name or URL)  @param json the parsed value  @param o base DDSP timbre and drum hint
 * @returns the spec, or one line
 * @example loadSynthJson('default-ddsp.json', json, { base }) // Right(spec)
 */
export const loadSynthJson = (name: string, json: unknown, o: SpecOptions): E.Either<string, SynthSpec> =>
  E.mapLeft((e: Parameters<typeof synthErrorLine>[0]) => `${name}: ${synthErrorLine(e)}`)(specFromJson(json, o))

/**
 * Parses and checks a file's text.
 * @param name the file's name  @param text its content  @param o base DDSP timbre and drum hint
 * @returns the spec, or one line (never throws)
 * @example loadSynth('kit.json', text, { base }) // Right(spec) or Left('kit.json: …')
 */
export const loadSynth = (name: string, text: string, o: SpecOptions): E.Either<string, SynthSpec> => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    return E.left(`${name}: not JSON (${err instanceof Error ? err.message : String(err)})`)
  }
  return loadSynthJson(name, json, o)
}
