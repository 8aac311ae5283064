/**
 * What `ddsp render` plays besides a synth's defaults: an 808 voice's
 * parameters from a `params.json` (`ddsp match` writes one) or a named preset
 * (`synths/drums/presets808.ts`), and a MIDI file's notes. Each is checked
 * here — the file's size, its synth, every parameter present and in range —
 * and refused as one CLI line.
 *
 * @example
 * await renderInputs('snare808', { params: 'out/params.json' }, 44100)() // Right({ params: [0.3, …] })
 * await renderInputs('poly', { notes: 'chords.mid' }, 44100)()          // Right({ notes: { notes: […], seconds: 12.5, … } })
 */
import { readFile } from 'node:fs/promises'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { checkFileSize } from '../io/file-size.js'
import { readMidiNotes, type MidiNotes } from '../io/midi-file.js'
import { isVoice808, kit808, type Voice808 } from '../synths/drums/kit808.js'
import { presets808 } from '../synths/drums/presets808.js'
import { noteSynths } from '../synths/note-synths.js'
import { usage, type CliError } from './errors.js'

/** The flags as typed. @example const f: RenderInputFlags = { preset: '808_snare_2' } */
export interface RenderInputFlags {
  readonly params?: string
  readonly preset?: string
  readonly notes?: string
}

/** What they resolve to. @example const r: RenderInputs = { params: [0.5, 0.2] } */
export interface RenderInputs {
  /** an 808 voice's [0, 1] parameter vector */
  readonly params?: readonly number[]
  readonly notes?: MidiNotes
}

/** Synths that play a MIDI file: the note synths and every 808 voice (one hit per note). @example midiSynthNames().includes('poly') // true */
export const midiSynthNames = (): string[] => [...Object.keys(noteSynths), ...Object.keys(kit808)]

const PARAMS_MAX_BYTES = 4 * 2 ** 20

type JsonObject = Record<string, unknown>
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * An 808 voice's [0, 1] vector from a params.json: `{ synth?, params: { name: { unit } | { value } } }`.
 * @param voice the voice rendered  @param path file (named in errors)  @param json its parsed content  @param sampleRate Hz (for ranges)
 * @example paramsVector('kick808', 'p.json', { synth: 'kick808', params: { 'osc.freq': { unit: 0.1 }, … } }, 44100)
 */
export const paramsVector = (voice: Voice808, path: string, json: unknown, sampleRate: number): E.Either<CliError, number[]> => {
  if (!isObject(json) || !isObject(json['params'])) return E.left(usage(`${path}: expected { "params": { name: { "unit" | "value": number } } } as ddsp match writes`))
  if (typeof json['synth'] === 'string' && json['synth'] !== voice) return E.left(usage(`${path}: the params are for ${json['synth']}, not ${voice}`))
  const given = json['params']
  const table = kit808[voice].params(sampleRate)
  const names = table.map(([n]) => n)
  const unknown = Object.keys(given).filter((k) => !names.includes(k))
  if (unknown.length > 0) return E.left(usage(`${path}: ${voice} has no parameter ${unknown.map((k) => `'${k}'`).join(', ')}; its parameters are ${names.join(', ')}`))
  const out: number[] = []
  for (const [name, range] of table) {
    const p = given[name]
    if (p === undefined) return E.left(usage(`${path}: parameter '${name}' of ${voice} is missing`))
    const unit = isObject(p) && typeof p['unit'] === 'number' ? p['unit'] : isObject(p) && typeof p['value'] === 'number' ? (p['value'] - range.min) / (range.max - range.min) : NaN
    if (!(unit >= -1e-9 && unit <= 1 + 1e-9)) return E.left(usage(`${path}: parameter '${name}' must have a unit in [0, 1] or a value in [${range.min}, ${range.max}], got ${JSON.stringify(p)}`))
    out.push(Math.min(1, Math.max(0, unit)))
  }
  return E.right(out)
}

const readJson = async (path: string): Promise<E.Either<CliError, unknown>> => {
  const size = await checkFileSize(path, PARAMS_MAX_BYTES)()
  if (E.isLeft(size)) return size
  try {
    return E.right(JSON.parse(await readFile(path, 'utf8')) as unknown)
  } catch (e) {
    return E.left(e instanceof SyntaxError ? usage(`${path}: not JSON (${e.message})`) : { _tag: 'IoError', path, message: e instanceof Error ? e.message : String(e) })
  }
}

/**
 * Resolves `--params`, `--preset` and `--notes` for synth `name`.
 * @param name the synth  @param f the flags  @param sampleRate the render rate
 * @example await renderInputs('tom808', { preset: '808_snare_3' }, 44100)()
 */
export const renderInputs = (name: string, f: RenderInputFlags, sampleRate: number): TE.TaskEither<CliError, RenderInputs> => async () => {
  if (f.params !== undefined && f.preset !== undefined) return E.left(usage('--params and --preset both set the parameters; give one'))
  let params: number[] | undefined
  if (f.params !== undefined || f.preset !== undefined) {
    if (!isVoice808(name)) return E.left(usage(`--params and --preset set an 808 voice's parameters (${Object.keys(kit808).join(', ')}); ${name} has none to set`))
    if (f.preset !== undefined) {
      const all = presets808(name, sampleRate)
      params = all[f.preset]
      if (params === undefined) return E.left(usage(`${name} has no preset '${f.preset}'; its presets are ${Object.keys(all).join(', ')}`))
    } else {
      const json = await readJson(f.params!)
      if (E.isLeft(json)) return json
      const v = paramsVector(name, f.params!, json.right, sampleRate)
      if (E.isLeft(v)) return v
      params = v.right
    }
  }
  if (f.notes === undefined) return E.right({ ...(params === undefined ? {} : { params }) })
  if (!midiSynthNames().includes(name)) return E.left(usage(`${name} does not play notes; --notes takes one of ${midiSynthNames().join(', ')}`))
  const notes = await readMidiNotes(f.notes)()
  if (E.isLeft(notes)) return E.left(notes.left._tag === 'MidiError' ? usage(`${notes.left.path}: ${notes.left.message}`) : notes.left)
  return E.right({ ...(params === undefined ? {} : { params }), notes: notes.right })
}
