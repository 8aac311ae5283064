import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { loadBackend } from '../backends/load.js'
import { reference } from '../backends/reference/index.js'
import { fillNoise } from '../core/random.js'
import { input } from '../core/signal.js'
import { run } from '../../testing/run.js'
import { onsetFeatures, remap, remapLossFeatures } from './remap.js'
import { placeHits, renderRemap } from './render-remap.js'
import { cutHits, debounce, prepareHits, trainRemap } from './train-remap.js'

const sr = 8000
/** A hit: a decaying mix of a 200 Hz sine and noise; `bright` ∈ [0, 1] is the noise share. */
const hit = (gain: number, bright: number, n = 4000, seed = 1) => {
  const white = fillNoise(new Float32Array(n), seed, 'uniform', 0)
  return Float32Array.from({ length: n }, (_, i) => gain * Math.exp(-i / 600) * ((1 - bright) * Math.sin((2 * Math.PI * 200 * i) / sr) + bright * white[i]!))
}

describe('remap', () => {
  it('onset features: RMS in dB scales with gain; noise is brighter and flatter than a sine', () => {
    const x = new Float32Array(3 * 256)
    x.set(hit(0.5, 0).subarray(0, 256), 0)
    x.set(hit(0.05, 0).subarray(0, 256), 256)
    x.set(hit(0.5, 1).subarray(0, 256), 512)
    const f = run({ f: onsetFeatures(input('x', [3, 256], 'audio'), sr) }, { x })['f']!
    expect(f[0]! - f[3]!).toBeCloseTo(20, 1)
    expect(f[7]!).toBeGreaterThan(f[1]! + 12) // centroid: noise ≥ an octave above the sine
    expect(f[8]!).toBeGreaterThan(f[2]! + 10) // flatness (dB)
  })
  it('loss features have 7 channels; at init the mapped params stay within 1 % of the preset', async () => {
    const y = run({ f: remapLossFeatures(input('x', [2, 4000], 'audio'), sr) }, { x: [...hit(0.5, 0.3), ...hit(0.2, 0.6)] })['f']!
    expect(y).toHaveLength(14)
    expect(y.every(Number.isFinite)).toBe(true)
    const c = { voice: 'snare808' as const, sampleRate: sr, hitSamples: 2000, onsetSamples: 128, hidden: 8 }
    const m = remap(c)
    const r = await renderRemap(reference('float32'), c, m.init(3), { centre: [0, 0, 0], scale: [1, 1, 1] }, Float32Array.of(1, -2, 0.5))()
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    r.right.params[0]!.forEach((p, i) => expect(Math.abs(p - m.preset[i]!)).toBeLessThan(1e-2))
  })
  it('cutHits cuts at the next onset and pads; debounce drops re-triggers; placeHits adds hits at their times', () => {
    const x = Float32Array.from({ length: 10 }, (_, i) => i + 1)
    expect(cutHits(x, 1, [2, 5], 4).map((h) => Array.from(h))).toEqual([[3, 4, 5, 0], [6, 7, 8, 9]])
    expect(debounce([0, 0.05, 0.3, 0.35, 0.41], 0.1)).toEqual([0, 0.3, 0.41])
    expect(Array.from(placeHits([Float32Array.of(1, 1), Float32Array.of(2)], [1, 2], 1, 4))).toEqual([0, 1, 3, 0])
  })
  it('trains on wasm: the feature-difference loss falls when hits vary in level and brightness', async () => {
    const be = await loadBackend('wasm')
    if (E.isLeft(be)) throw new Error(be.left.reason)
    const gap = new Float32Array(2000)
    const parts = [0.6, 0.1, 0.3, 0.05, 0.4, 0.2].flatMap((g, i) => [hit(g, (i % 3) / 3, 4000, i + 1), gap])
    const track = new Float32Array(parts.reduce((a, p) => a + p.length, 2000))
    parts.reduce((at, p) => (track.set(p, at), at + p.length), 2000)
    const c = { voice: 'snare808' as const, sampleRate: sr, hitSamples: 2000, onsetSamples: 128, hidden: 8 }
    const h = await prepareHits([{ sampleRate: sr, samples: track }], c, be.right)()
    if (E.isLeft(h)) throw new Error(JSON.stringify(h.left))
    expect(h.right.audio).toHaveLength(6)
    const r = await trainRemap({ backend: be.right, config: c, hits: h.right, steps: 40, batch: 3, seed: 2, optimizer: { kind: 'adam', schedule: { kind: 'constant', lr: 0.02 } } })()
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    const l = r.right.fit.losses
    expect((l.at(-1)! + l.at(-2)!) / 2).toBeLessThan(0.8 * ((l[0]! + l[1]!) / 2))
  }, 120000)
})
