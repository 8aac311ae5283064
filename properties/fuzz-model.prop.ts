/**
 * Fuzzing the JSON a model folder holds: `model.json` documents (valid ones
 * with one field replaced by a hostile value — 1e9, −1, 2³¹, NaN as a
 * string, an object, a long array — and arbitrary JSON) through the schema
 * check and the bounds check, and `checkpoint.json` documents with hostile
 * leaves through `decodeCheckpoint`. Each must end, within 500 ms and without
 * throwing, in a value whose every size lies within its stated bound, or in a
 * typed error (`BadCheckpoint` naming a JSON path, or `LimitExceeded`).
 *
 * @example
 * DDSP_PROPERTY_RUNS=1000 npx vitest run properties/fuzz-model.prop.ts
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { add, mul } from '../src/core/math.js'
import { compile } from '../src/core/program-api.js'
import { input, param } from '../src/core/signal.js'
import { sum } from '../src/core/tensor.js'
import { DEFAULT_LIMITS } from '../src/io/limits.js'
import { checkModelBounds, MODEL_BOUNDS } from '../src/models/model-bounds.js'
import { DEFAULT_AUTOENCODER } from '../src/models/autoencoder.js'
import { decodeModelFile } from '../src/models/model-file.js'
import { decodeCheckpoint, encodeCheckpoint } from '../src/train/checkpoint.js'
import { params } from './runs.js'

const hostile = fc.oneof(
  fc.constantFrom(1e9, -1, 0, 2 ** 31, 2 ** 53, 1e308, -1e308, 0.5, 'NaN', 'Infinity', null, true, {}, [], '1e9'),
  fc.integer(),
  fc.double(),
  fc.array(fc.integer(), { maxLength: 300 }),
  fc.jsonValue({ maxDepth: 2 }),
)

const autoencoderDoc = { format: 'ddsp-ts/model', version: 1, kind: 'autoencoder', config: { ...DEFAULT_AUTOENCODER }, pitchMean: 60, loudnessMean: -30, loudnessMax: -5 }
const remapDoc = { format: 'ddsp-ts/model', version: 1, kind: 'remap', voice: 'snare808', sampleRate: 16000, hitSamples: 8000, onsetSamples: 256, hidden: 32, centre: [0, 1, 2], scale: [1, 1, 1] }

/** Sets the value at a path of keys inside a deep copy. */
const setAt = (doc: unknown, path: readonly string[], v: unknown): unknown => {
  const copy = structuredClone(doc) as Record<string, unknown>
  let o = copy
  for (const k of path.slice(0, -1)) o = o[k] as Record<string, unknown>
  o[path[path.length - 1]!] = v
  return copy
}
const pathsOf = (doc: unknown, prefix: readonly string[] = []): string[][] =>
  doc !== null && typeof doc === 'object' && !Array.isArray(doc)
    ? Object.entries(doc).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])])
    : []

const mutated = (base: unknown) => fc.tuple(fc.constantFrom(...pathsOf(base)), hostile).map(([p, v]) => setAt(base, p, v))

const timed = <A>(f: () => A): A => {
  const t0 = performance.now()
  const a = f()
  expect(performance.now() - t0).toBeLessThan(500)
  return a
}

describe('fuzz: model.json', () => {
  it('valid documents with a hostile field, and arbitrary JSON, end in a bounded model or a typed error', () => {
    fc.assert(
      fc.property(fc.oneof(mutated(autoencoderDoc), mutated(remapDoc), fc.jsonValue({ maxDepth: 3 })), (doc) => {
        const decoded = timed(() => decodeModelFile(JSON.parse(JSON.stringify(doc))))
        if (E.isLeft(decoded)) {
          expect(decoded.left._tag).toBe('BadCheckpoint')
          return
        }
        const bounded = timed(() => checkModelBounds(decoded.right, DEFAULT_LIMITS))
        if (E.isLeft(bounded)) {
          expect(bounded.left._tag).toBe('LimitExceeded')
          expect(bounded.left.message).toMatch(/^\$\./)
          return
        }
        const m = bounded.right
        if (m.kind === 'autoencoder') {
          expect(m.config.harmonics).toBeLessThanOrEqual(MODEL_BOUNDS.harmonics.max)
          expect(m.config.hop).toBeLessThanOrEqual(m.config.sampleRate)
          expect(m.config.sampleRate).toBeLessThanOrEqual(DEFAULT_LIMITS.sampleRate.max)
        } else {
          expect(m.hitSamples).toBeLessThanOrEqual(10 * m.sampleRate)
          expect(m.centre.length).toBeLessThanOrEqual(MODEL_BOUNDS.features.max)
        }
      }),
      params(10),
    )
  })
})

describe('fuzz: checkpoint.json', () => {
  const w = param('w', [3])
  const x = input('x', [3], 'control')
  const program = compile({ loss: sum(mul(add(w, x), add(w, x)), [0]) })
  if (E.isLeft(program)) throw new Error('test program does not compile')
  const good = JSON.parse(encodeCheckpoint({
    program: program.right, params: { w: Float32Array.from([1, 2, 3]) }, optimizer: { kind: 'adam', schedule: { kind: 'constant', lr: 0.01 } },
    state: { step: 2, slots: { m: { w: [0.1, 0.2, 0.3] }, v: { w: [0.01, 0.02, 0.03] } } } as never, step: 2, seed: 1, losses: [3, 2],
  })) as unknown
  const leafPaths = (doc: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] =>
    Array.isArray(doc) ? doc.flatMap((v, i) => leafPaths(v, [...prefix, i])) : doc !== null && typeof doc === 'object' ? Object.entries(doc).flatMap(([k, v]) => [[...prefix, k], ...leafPaths(v, [...prefix, k])]) : [[...prefix]]
  const paths = leafPaths(good).filter((p) => p.length > 0)
  const set = (doc: unknown, path: readonly (string | number)[], v: unknown) => {
    const copy = structuredClone(doc) as Record<string | number, unknown>
    let o = copy
    for (const k of path.slice(0, -1)) {
      const next = o[k]
      if (next === null || typeof next !== 'object') return doc // an earlier edit replaced this branch
      o = next as Record<string | number, unknown>
    }
    o[path[path.length - 1]!] = v
    return copy
  }
  it('a checkpoint with hostile leaves decodes or is a BadCheckpoint naming a path, without throwing', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...paths), hostile), { minLength: 1, maxLength: 3 }), (edits) => {
        const doc = edits.reduce((d, [p, v]) => set(d, p, v), good)
        const r = timed(() => decodeCheckpoint(JSON.stringify(doc)))
        if (E.isLeft(r)) {
          expect(r.left._tag).toBe('BadCheckpoint')
          expect((r.left as { path: string }).path).toMatch(/^\$/)
        } else for (const v of Object.values(r.right.params)) expect(v.length).toBeLessThanOrEqual(1000)
      }),
      params(10),
    )
  })
})
