/**
 * The page reads a compact checkpoint (manifest + `.bin` weights) as it reads
 * the old JSON one: the same params reach the synth; without the `.bin` it
 * says which file to add.
 *
 * @example
 * npx vitest run web/checkpoint-compact.test.ts
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { compile } from '../src/core/program-api.js'
import { param } from '../src/core/signal.js'
import { mul } from '../src/core/math.js'
import { packCheckpoint } from '../src/train/checkpoint-pack.js'
import { encodeCheckpoint, type Checkpoint } from '../src/train/checkpoint.js'
import { specFromJson, synthErrorLine } from './checkpoint.js'
import { defaultDdsp } from './default-synth.js'

const base = defaultDdsp(16000, 40, 0)
const program = E.getOrElseW(() => { throw new Error('compile') })(compile({ y: mul(param('ir', [1, 3]), 2) }))
const c: Checkpoint = {
  program,
  params: { ir: Float32Array.of(0, 0.5, 0.25) },
  optimizer: { kind: 'adam', schedule: { kind: 'constant', lr: 1e-3 } },
  state: { kind: 'adam', step: 3, slots: { m: { ir: [0, 0, 0] }, v: { ir: [0, 0, 0] } } },
  step: 3,
  seed: 1,
  losses: [3, 2, 1],
}

describe('compact checkpoint on the page', () => {
  it('the .bin weights give the same synth as the old JSON', async () => {
    const packed = await packCheckpoint(c, { weightsPath: 'checkpoint.bin', graphPath: 'graph.bin' })
    const compact = specFromJson(JSON.parse(packed.manifest), { base, weights: packed.weights })
    const old = specFromJson(JSON.parse(encodeCheckpoint(c)), { base })
    expect(E.isRight(compact) && compact.right.kind === 'ddsp' && compact.right.ir).toEqual([0, 0.5, 0.25])
    expect(compact).toEqual(old)
  })
  it('without its .bin, one line naming what to add', async () => {
    const packed = await packCheckpoint(c, { weightsPath: 'checkpoint.bin', graphPath: 'graph.bin' })
    const r = specFromJson(JSON.parse(packed.manifest), { base })
    expect(E.isLeft(r) && synthErrorLine(r.left)).toBe('$.weightsManifest: a compact checkpoint: choose its .bin weights file together with the .json')
  })
})
