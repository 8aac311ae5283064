import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { checkModelBounds } from '../src/models/model-bounds.js'
import { DEFAULT_LIMITS } from '../src/io/limits.js'
import { DEFAULT_AUTOENCODER } from '../src/models/autoencoder.js'
import { defaultDdsp, defaultKit } from './default-synth.js'
import { loadSynth, loadSynthJson } from './load.js'

const base = defaultDdsp(16000, 8, 0.05)
const load = (name: string, json: unknown) => loadSynth(name, JSON.stringify(json), { base })
const line = (r: E.Either<string, unknown>) => (E.isLeft(r) ? r.left : 'accepted')
/** What `ddsp transfer` says of a model.json with this config (the CLI's bound check, `models/model-bounds.ts`). */
const cli = (config: object) => {
  const r = checkModelBounds({ kind: 'autoencoder', config: { ...DEFAULT_AUTOENCODER, ...config }, pitchMean: 60, loudnessMean: -30, loudnessMax: -10 }, DEFAULT_LIMITS)
  return E.isLeft(r) ? r.left.message : 'accepted'
}

describe("the page's synth loader", () => {
  it('a hop of 2^31 and a rate of 1e9 are one line each, worded as the CLI words them', () => {
    expect(line(load('hop.json', { ...base, hop: 2 ** 31 }))).toBe('hop.json: $.hop is 2147483648, must be an integer in [1, 16000]')
    expect(cli({ hop: 2 ** 31 })).toBe('$.config.hop is 2147483648, must be an integer in [1, 16000]')
    expect(line(load('sr.json', { ...base, sampleRate: 1e9 }))).toBe('sr.json: $.sampleRate is 1000000000 Hz, outside [8000, 384000] Hz (an integer; widen with --sr-range LO:HI)')
    expect(cli({ sampleRate: 1e9 })).toBe('$.config.sampleRate is 1000000000 Hz, outside [8000, 384000] Hz (an integer; widen with --sr-range LO:HI)')
    expect(line(load('kit.json', { ...defaultKit(48000), sampleRate: 1e9 }))).toBe('kit.json: $.sampleRate is 1000000000 Hz, outside [8000, 384000] Hz (an integer; widen with --sr-range LO:HI)')
  })
  it('sizes are bounded as a model’s are: harmonics, noise bands, the IR, the seed', () => {
    expect(line(load('k.json', { ...base, distribution: new Array(1025).fill(0) }))).toBe('k.json: $.distribution.length is 1025, must be an integer in [1, 1024]')
    expect(cli({ harmonics: 1025 })).toBe('$.config.harmonics is 1025, must be an integer in [1, 1024]')
    expect(line(load('ir.json', { ...base, ir: new Array(160001).fill(0) }))).toBe('ir.json: $.ir.length is 160001, must be an integer in [0, 160000]')
    expect(line(load('s.json', { ...base, seed: -1 }))).toBe('s.json: $.seed is -1, must be an integer in [0, 2147483647]')
    const ckpt = { format: 'ddsp-ts/checkpoint', version: 1, step: 1, params: { noise: { dtype: 'float32', shape: [1, 1500], data: new Array(1500).fill(0) } } }
    expect(line(load('c.json', ckpt))).toBe('c.json: $.params.noise.length is 1500, must be an integer in [2, 1024]')
  })
  it('malformed files name the field; non-JSON says so; nothing throws', () => {
    expect(line(load('h.json', { ...base, hop: 0 }))).toBe('h.json: $.hop: must be a positive integer')
    expect(line(loadSynth('x.json', '{"format":', { base }))).toMatch(/^x\.json: not JSON \(/)
    expect(line(loadSynthJson('u', null, { base }))).toBe('u: $: must be a JSON object')
    for (const text of ['', '[]', '1e400', '{"format":"ddsp-ts/synth","kind":"ddsp","name":"n","sampleRate":"x"}', '{"format":"ddsp-ts/checkpoint","params":{"ir":{"dtype":"float32","shape":[1e9],"data":[]}}}'])
      expect(() => loadSynth('f', text, { base })).not.toThrow()
  })
  it('a good file loads', () => {
    const r = load('ok.json', base)
    expect(E.isRight(r) && r.right.kind === 'ddsp' && r.right.hop).toBe(base.hop)
    expect(E.isRight(load('kit.json', defaultKit(48000)))).toBe(true)
  })
})
