import * as E from 'fp-ts/lib/Either.js'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_AUTOENCODER } from './autoencoder.js'
import { decodeModelFile, loadModelFile, saveModelFile, type ModelFile } from './model-file.js'

const file: ModelFile = { kind: 'autoencoder', config: DEFAULT_AUTOENCODER, pitchMean: 67.5, loudnessMean: -31.25, loudnessMax: -2 }
const doc = { format: 'ddsp-ts/model', version: 1, ...file }
const path = (d: unknown) => {
  const r = decodeModelFile(d)
  return E.isLeft(r) && r.left._tag === 'BadCheckpoint' ? r.left.path : 'ok'
}

describe('model file', () => {
  it('round-trips through disk', async () => {
    const p = join(mkdtempSync(join(tmpdir(), 'ddsp-model-')), 'm', 'model.json')
    expect(E.isRight(await saveModelFile(p, file)())).toBe(true)
    expect(await loadModelFile(p)()).toEqual(E.right(file))
  })
  it('round-trips a remap description, and a failed write names the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddsp-model-'))
    const remap: ModelFile = { kind: 'remap', voice: 'snare808', sampleRate: 16000, hitSamples: 8000, onsetSamples: 256, hidden: 0, centre: [-20, 80, -10], scale: [30, 20, 20] }
    expect(await saveModelFile(join(dir, 'model.json'), remap)()).toEqual(E.right(join(dir, 'model.json')))
    expect(await loadModelFile(join(dir, 'model.json'))()).toEqual(E.right(remap))
    const blocked = join(dir, 'model.json', 'sub', 'model.json') // a folder inside a file cannot be created
    const r = await saveModelFile(blocked, remap)()
    expect(E.isLeft(r) && r.left._tag === 'CheckpointIoFailed' && r.left.path).toBe(blocked)
  })
  it('names the bad field', () => {
    expect(path(doc)).toBe('ok')
    expect(path({ ...doc, format: 'x' })).toBe('$.format')
    expect(path({ ...doc, version: 2 })).toBe('$.version')
    expect(path({ ...doc, kind: 'gan' })).toBe('$.kind')
    expect(path({ ...doc, config: { ...DEFAULT_AUTOENCODER, hop: 'a' } })).toBe('$.config.hop')
    expect(path({ ...doc, config: { ...DEFAULT_AUTOENCODER, hop: 0 } })).toBe('$.config')
    expect(path({ ...doc, pitchMean: null })).toBe('$.pitchMean')
    expect(path({ format: 'ddsp-ts/model', version: 1, kind: 'remap', voice: 'snare808', sampleRate: 16000, hitSamples: 8000, onsetSamples: 256, hidden: 32, centre: [0, 0], scale: ['a'] })).toBe('$.scale[0]') // the element, as checkpoint files name theirs
  })
})
