import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { loadBackend } from '../backends/load.js'
import { frameBlocks } from '../dsp/frame-blocks.js'
import { memorySource } from '../io/sample-source.js'
import { extractFeatures, extractFeaturesFrom, type FeatureReport } from './extract.js'

const sr = 16000
/** 1.7 s: silence, a 220 Hz tone with a glide, a noise burst at 0.9 s and a second note at 1.3 s. */
const audio = Float32Array.from({ length: Math.round(1.7 * sr) }, (_, i) => {
  const t = i / sr
  const tone = t > 0.25 ? 0.4 * Math.sin(2 * Math.PI * (220 * t + 15 * t * t)) + 0.1 * Math.sin(2 * Math.PI * 660 * t) : 0
  const burst = t > 0.9 && t < 0.95 ? 0.3 * Math.sin(i * 12.9898) * Math.sin(i * 78.233) : 0
  const note = t > 1.3 ? 0.3 * Math.sin(2 * Math.PI * 330 * t) : 0
  return tone + burst + note
})

/** Largest difference between two reports, scaled by each series' range (f0 compared where both are voiced). */
const worst = (a: FeatureReport, b: FeatureReport): Record<string, number> => {
  const rel = (x: readonly (number | null)[], y: readonly (number | null)[]) => {
    const v = x.filter((q): q is number => q !== null)
    const span = Math.max(1e-9, Math.max(...v) - Math.min(...v))
    return Math.max(0, ...x.map((q, i) => (q === null || y[i] === null || y[i] === undefined ? 0 : Math.abs(q - y[i]!) / span)))
  }
  return {
    f0: rel(a.f0_hz, b.f0_hz), confidence: rel(a.f0_confidence, b.f0_confidence), loudness: rel(a.loudness_db, b.loudness_db),
    centroid: rel(a.centroid_hz, b.centroid_hz), rms: rel(a.rms, b.rms), flatness: rel(a.flatness, b.flatness),
  }
}

describe('features in blocks', () => {
  it('the blocks of a grid cover every frame once, and every kept frame reads inside its slice or the signal’s own edges', () => {
    const g = { samples: 10007, hop: 160, left: 1024, right: 1024, frames: Math.floor(10007 / 160) + 1 }
    for (const per of [1, 7, 13, 40, 1000]) {
      const bs = frameBlocks(g, per, 2048)
      expect(bs.map((b) => [b.keepFrom, b.keepTo]).flat()).toEqual([0, ...bs.slice(1).flatMap((b) => [b.keepFrom, b.keepFrom]), g.frames])
      for (const b of bs) {
        expect(b.from % g.hop).toBe(0)
        expect(b.from === 0 || b.keepFrom * g.hop - g.left >= b.from).toBe(true)
        expect(b.to === g.samples || (b.keepTo - 1) * g.hop + g.right <= b.to).toBe(true)
      }
    }
  })
  it('streamed with awkward block sizes equals one pass (wasm, float32): every frame series, voicing and onsets', async () => {
    const backend = await loadBackend('wasm')
    if (E.isLeft(backend)) throw new Error(backend.left.reason)
    const one = await extractFeatures(audio, sr, { backend: backend.right })()
    if (E.isLeft(one)) throw new Error(one.left.message)
    for (const blockSamples of [2999, 4097, 6500]) {
      const r = await extractFeaturesFrom(memorySource(audio, sr), { backend: backend.right, blockSamples })()
      if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
      for (const k of ['f0_hz', 'f0_confidence', 'loudness_db', 'centroid_hz', 'rms', 'flatness'] as const) expect(r.right[k].length, k).toBe(one.right[k].length)
      expect(r.right.f0_hz.map((f) => f === null)).toEqual(one.right.f0_hz.map((f) => f === null))
      expect(r.right.onsets_s).toEqual(one.right.onsets_s)
      for (const [k, v] of Object.entries(worst(r.right, one.right))) expect(v, `${k} at ${blockSamples}`).toBeLessThan(1e-5)
    }
    expect(one.right.onsets_s.length).toBeGreaterThanOrEqual(2)
  })
  it('a non-finite sample in a later block is reported at its place in the signal', async () => {
    const backend = await loadBackend('wasm')
    if (E.isLeft(backend)) throw new Error(backend.left.reason)
    const bad = Float32Array.from(audio)
    bad[20000] = NaN
    const r = await extractFeaturesFrom(memorySource(bad, sr), { backend: backend.right, blockSamples: 4096 })()
    expect(E.isLeft(r) && (r.left as { message: string }).message).toBe('audio sample 20000 is not finite')
  })
})
