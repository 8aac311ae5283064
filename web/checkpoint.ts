/**
 * Turning user JSON into a synth description, checked field by field: a
 * synth description (`ddsp-ts/synth`, as `npm run web:build` writes), or a
 * training checkpoint (`ddsp-ts/checkpoint`, `src/train/checkpoint.ts`) whose
 * params the real-time voices can play — an 808 sound match (`params`, σ(raw)
 * = the voice's unit vector, `src/train/drum-match.ts`) or DDSP timbre params
 * (`ir`, `distribution`, `noise`, last axis = taps/harmonics/bands, frames
 * averaged) over a base DDSP spec. A compact checkpoint (version 2) brings
 * its params in its `.bin` weights file (`SpecOptions.weights`, read by the
 * tfjs-layout manifest, `src/train/checkpoint-pack.ts`). The graph itself is not evaluated here:
 * the worklet plays the real-time voices, which equal the offline graph.
 *
 * @example
 * const s = specFromJson(JSON.parse(text), { base: defaultDdsp })   // Either<BadSynth, SynthSpec>
 */
import * as E from 'fp-ts/lib/Either.js'
import { kit808, type Voice808 } from '../src/synths/drums/kit808.js'
import { checkParams, isObj, numbers } from '../src/train/checkpoint-schema.js'
import { weightsOf } from '../src/train/checkpoint-pack.js'
import { sigmoidHost } from '../src/host/sigmoid.js'
import { checkRange, checkSampleRate, type LimitExceeded } from '../src/io/ranges.js'
import { MODEL_BOUNDS } from '../src/models/model-bounds.js'
import { KIT_VOICES, SYNTH_FORMAT, type DdspSpec, type KitSpec, type SynthSpec } from './spec.js'

/** Why a file cannot be played, at a JSON path. @example { _tag: 'BadSynth', path: '$.hop', message: 'must be a positive integer' } */
export interface BadSynth {
  readonly _tag: 'BadSynth'
  readonly path: string
  readonly message: string
}

const bad = (path: string, message: string): E.Either<BadSynth, never> => E.left({ _tag: 'BadSynth', path, message })

/** Why a file cannot be played: a malformed field, or a number beyond its bound (the CLI's `LimitExceeded`, same line). @example const e: SynthError = { _tag: 'LimitExceeded', subject: '$.hop', message: '$.hop is 2147483648, must be an integer in [1, 48000]' } */
export type SynthError = BadSynth | LimitExceeded

/**
 * The one line the page shows for an error (a bound's line is the CLI's, word for word).
 * @example synthErrorLine({ _tag: 'BadSynth', path: '$.hop', message: 'must be a positive integer' }) // '$.hop: must be a positive integer'
 */
export const synthErrorLine = (e: SynthError): string => (e._tag === 'LimitExceeded' ? e.message : `${e.path}: ${e.message}`)

/** Seeds: as the CLI's `--seed`. */
const SEED = { min: 0, max: 2 ** 31 - 1, integer: true } as const

/** The first failing check, or the value. */
const firstLeft = <A>(a: A, checks: ReadonlyArray<() => E.Either<LimitExceeded, unknown>>): E.Either<LimitExceeded, A> => {
  for (const c of checks) {
    const r = c()
    if (E.isLeft(r)) return r
  }
  return E.right(a)
}

/**
 * The bounds of a DDSP voice's numbers, as `ddsp transfer` checks a model's (`models/model-bounds.ts`): the rate in
 * [8 000, 384 000] Hz, the hop at most a second, harmonics and bands at most 1024, the IR at most 10 s.
 * @param s the spec (fields already typed)  @param at JSON path of the arrays' parent (`$` or `$.params`)
 */
const ddspBounds = (s: DdspSpec, at = '$'): E.Either<LimitExceeded, DdspSpec> =>
  firstLeft(s, [
    () => checkSampleRate('$.sampleRate', s.sampleRate),
    () => checkRange('$.hop', s.hop, { min: 1, max: s.sampleRate, integer: true }),
    () => checkRange(`${at}.distribution.length`, s.distribution.length, MODEL_BOUNDS.harmonics),
    () => checkRange(`${at}.noise.length`, s.noise.length, MODEL_BOUNDS.noiseBands),
    () => checkRange(`${at}.ir.length`, s.ir.length, { min: 0, max: 10 * s.sampleRate, integer: true }),
    () => checkRange('$.seed', s.seed, SEED),
  ])

/** Options of `specFromJson`. @example const o: SpecOptions = { base: defaultDdsp(48000), drum: 'cowbell808' } */
export interface SpecOptions {
  /** The DDSP timbre that checkpoint params are laid over. */
  readonly base: DdspSpec
  /** Which 808 voice a drum checkpoint is for when its size fits several (e.g. hat vs cowbell). */
  readonly drum?: Voice808
  /** a compact checkpoint's weights file (`checkpoint.bin`) */
  readonly weights?: Uint8Array
}

/** A checkpoint's params: inline (version 1) or from the weights file its manifest describes (version 2). */
const checkpointParams = (d: Record<string, unknown>, o: SpecOptions): E.Either<SynthError, { params: Record<string, ArrayLike<number>>; shapes: Record<string, number[]> }> => {
  if (d['version'] !== 2) {
    const checked = checkParams(d['params'], '$.params')
    return E.isLeft(checked) ? bad(checked.left._tag === 'BadCheckpoint' ? checked.left.path : '$.params', 'malformed params') : E.right(checked.right)
  }
  if (o.weights === undefined) return bad('$.weightsManifest', 'a compact checkpoint: choose its .bin weights file together with the .json')
  const w = weightsOf(d, o.weights)
  if (E.isLeft(w)) return bad(w.left._tag === 'BadCheckpoint' ? w.left.path : '$.weightsManifest', w.left._tag === 'BadCheckpoint' ? w.left.message : 'malformed weights')
  const keep = Object.keys(w.right.tensors).filter((k) => k.startsWith('params/'))
  return E.right({ params: Object.fromEntries(keep.map((k) => [k.slice(7), w.right.tensors[k]!])), shapes: Object.fromEntries(keep.map((k) => [k.slice(7), w.right.shapes[k]!])) })
}

const positiveInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0

const checkDdsp = (d: Record<string, unknown>): E.Either<SynthError, DdspSpec> => {
  for (const k of ['sampleRate', 'hop'] as const) if (!positiveInt(d[k])) return bad(`$.${k}`, 'must be a positive integer')
  if (!Number.isInteger(d['seed'])) return bad('$.seed', 'must be an integer')
  const arrays: Array<[string, number]> = [['distribution', 1], ['noise', 2], ['ir', 0]]
  for (const [k, min] of arrays) {
    const a = numbers(d[k], `$.${k}`)
    if (E.isLeft(a)) return bad(a.left._tag === 'BadCheckpoint' ? a.left.path : `$.${k}`, 'must be an array of finite numbers')
    if (a.right.length < min) return bad(`$.${k}`, `needs at least ${min} values`)
  }
  return ddspBounds(d as unknown as DdspSpec)
}

const checkKit = (d: Record<string, unknown>): E.Either<SynthError, KitSpec> => {
  if (!positiveInt(d['sampleRate'])) return bad('$.sampleRate', 'must be a positive integer')
  const rate = checkSampleRate('$.sampleRate', d['sampleRate'])
  if (E.isLeft(rate)) return rate
  const voices = d['voices']
  if (!isObj(voices)) return bad('$.voices', 'must be an object of unit parameter arrays by voice')
  for (const [k, v] of Object.entries(voices)) {
    if (!(KIT_VOICES as readonly string[]).includes(k)) return bad(`$.voices.${k}`, `is not a voice of the kit (${KIT_VOICES.join(', ')})`)
    const n = kit808[k as Voice808].params(d['sampleRate'] as number).length
    if (!Array.isArray(v) || v.length !== n || v.some((x) => typeof x !== 'number' || x < 0 || x > 1)) return bad(`$.voices.${k}`, `must be ${n} numbers in [0, 1]`)
  }
  return E.right(d as unknown as KitSpec)
}

/** The mean over all axes but the last of a flat array with that last size. */
const lastAxisMean = (data: ArrayLike<number>, last: number): number[] => {
  const rows = data.length / last
  return Array.from({ length: last }, (_, k) => {
    let s = 0
    for (let r = 0; r < rows; r++) s += data[r * last + k]!
    return s / rows
  })
}

const fromCheckpoint = (d: Record<string, unknown>, o: SpecOptions): E.Either<SynthError, SynthSpec> => {
  const checked = checkpointParams(d, o)
  if (E.isLeft(checked)) return checked
  const { params, shapes } = checked.right
  const step = typeof d['step'] === 'number' ? d['step'] : 0
  const drum = params['params']
  if (drum !== undefined) {
    const sr = o.base.sampleRate
    const fits = KIT_VOICES.filter((v) => kit808[v].params(sr).length === drum.length)
    if (fits.length === 0) return bad('$.params.params', `has ${drum.length} values, which fits no 808 voice`)
    const voice = o.drum !== undefined && fits.includes(o.drum) ? o.drum : fits[0]!
    const unit = Array.from(drum, sigmoidHost)
    return E.right({ format: SYNTH_FORMAT, kind: 'kit808', name: `checkpoint: ${voice}, step ${step}`, sampleRate: sr, voices: { [voice]: unit } })
  }
  const pick = (k: string): number[] | undefined => {
    const p = params[k]
    const s = shapes[k]
    return p === undefined || s === undefined ? undefined : lastAxisMean(p, s[s.length - 1] ?? p.length)
  }
  const [ir, distribution, noise] = [pick('ir'), pick('distribution'), pick('noise')]
  if (ir === undefined && distribution === undefined && noise === undefined)
    return bad('$.params', `has ${Object.keys(params).join(', ') || 'nothing'}, none of which the real-time voices play ('params' of an 808 voice, 'ir', 'distribution', 'noise')`)
  if (noise !== undefined && noise.length < 2) return bad('$.params.noise', 'needs at least 2 bands')
  const b = o.base
  return ddspBounds({ ...b, name: `checkpoint, step ${step}`, ir: ir ?? b.ir, distribution: distribution ?? b.distribution, noise: noise ?? b.noise }, '$.params')
}

/**
 * Parses a synth description or a training checkpoint.
 * @param json the parsed file  @param o base DDSP timbre and the drum voice hint
 * @returns the spec, or `BadSynth` naming the field, or `LimitExceeded` naming a number beyond its bound
 * @example specFromJson({ format: 'ddsp-ts/synth', kind: 'kit808', name: '808', sampleRate: 48000, voices: {} }, { base })
 */
export const specFromJson = (json: unknown, o: SpecOptions): E.Either<SynthError, SynthSpec> => {
  if (!isObj(json)) return bad('$', 'must be a JSON object')
  if (json['format'] === 'ddsp-ts/checkpoint') return fromCheckpoint(json, o)
  if (json['format'] !== SYNTH_FORMAT) return bad('$.format', `expected '${SYNTH_FORMAT}' or 'ddsp-ts/checkpoint'`)
  if (typeof json['name'] !== 'string') return bad('$.name', 'must be a string')
  if (json['kind'] === 'ddsp') return checkDdsp(json)
  if (json['kind'] === 'kit808') return checkKit(json)
  return bad('$.kind', "must be 'ddsp' or 'kit808'")
}
