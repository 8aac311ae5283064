import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { loadBackend } from '../backends/load.js'
import { reference } from '../backends/reference/index.js'
import { evaluate } from '../core/interpret.js'
import { input } from '../core/signal.js'
import { run } from '../../testing/run.js'
import { autoencoder, configProblem, DEFAULT_AUTOENCODER, scaledFeatures, type AutoencoderConfig } from './autoencoder.js'
import { prepareDataset } from './dataset.js'
import { renderProgram } from './programs.js'
import { batchIndices, trainAutoencoder } from './train-autoencoder.js'

/** A tiny model: 8 kHz, 40 frames/s… small enough for a unit test. */
export const TINY: AutoencoderConfig = { sampleRate: 8000, hop: 100, harmonics: 8, noiseBands: 9, hidden: 8, layers: 1, rnn: 8, reverbLength: 64 }

/** Two seconds of a gliding two-harmonic tone with a swelling envelope (deterministic). */
export const toneRecording = (sr = 8000, seconds = 2) => {
  let phase = 0
  return Float32Array.from({ length: sr * seconds }, (_, i) => {
    const t = i / sr
    phase += (2 * Math.PI * (220 + 60 * Math.sin(2 * Math.PI * 0.7 * t))) / sr
    return 0.4 * (0.6 + 0.4 * Math.sin(2 * Math.PI * 1.3 * t)) * (Math.sin(phase) + 0.5 * Math.sin(2 * phase))
  })
}

describe('autoencoder', () => {
  it('scales features as ddsp: 440 Hz → 69/127, −40 dB → 0.5, 0 dB → 1', () => {
    const out = run({ y: scaledFeatures(input('f', [1, 2, 1], 'control'), input('l', [1, 2, 1], 'control')) }, { f: [440, 880], l: [-40, 0] })
    expect(out['y']![0]).toBeCloseTo(69 / 127, 12)
    expect(out['y']![1]).toBeCloseTo(0.5, 12)
    expect(out['y']![2]).toBeCloseTo(81 / 127, 12)
    expect(out['y']![3]).toBeCloseTo(1, 12)
  })
  it('rejects bad configs with the field named, and renders [B, F·hop] audio', async () => {
    expect(configProblem({ ...DEFAULT_AUTOENCODER, hop: 0 })).toMatch(/^hop/)
    expect(configProblem({ ...DEFAULT_AUTOENCODER, rnn: 1.5 })).toMatch(/^rnn/)
    const m = autoencoder(TINY)
    const p = renderProgram(m, 2, 10)
    if (E.isLeft(p)) throw new Error(JSON.stringify(p.left))
    const out = await evaluate(reference('float32'))(p.right, { f0_hz: new Float32Array(20).fill(300), loudness_db: new Float32Array(20).fill(-20), ...m.init(3) })
    if (E.isLeft(out)) throw new Error(JSON.stringify(out.left))
    expect(out.right['audio']!.shape).toEqual([2, 1000])
    expect(out.right['audio']!.data.every(Number.isFinite)).toBe(true)
    expect(Math.max(...out.right['audio']!.data.map(Math.abs))).toBeGreaterThan(1e-3)
  })
  it('batchIndices visits every example once per epoch, deterministically', () => {
    const epoch = [0, 1, 2, 3, 4].flatMap((s) => batchIndices(10, 2, 7, s))
    expect([...epoch].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(batchIndices(10, 2, 7, 3)).toEqual(batchIndices(10, 2, 7, 3))
    expect(epoch).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  })
  it('trains on wasm: the spectral loss falls over 40 minibatch steps', async () => {
    const be = await loadBackend('wasm')
    if (E.isLeft(be)) throw new Error(be.left.reason)
    const d = await prepareDataset([{ sampleRate: 8000, samples: toneRecording() }], { hop: 100, exampleSamples: 4000, stepSamples: 2000, backend: be.right })()
    if (E.isLeft(d)) throw new Error(d.left.message)
    expect(d.right.examples).toHaveLength(7)
    const r = await trainAutoencoder({ backend: be.right, examples: d.right.examples, config: TINY, steps: 40, batch: 2, seed: 1, optimizer: { kind: 'adam', schedule: { kind: 'constant', lr: 0.01 }, clipNorm: 3 } })()
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    const l = r.right.fit.losses
    const head = (l[0]! + l[1]! + l[2]!) / 3
    const tail = (l.at(-1)! + l.at(-2)! + l.at(-3)!) / 3
    expect(tail).toBeLessThan(0.8 * head)
  }, 120000)
})
