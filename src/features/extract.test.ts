import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { reference } from '../backends/reference/index.js'
import { loadBackend } from '../backends/load.js'
import { extractFeatures } from './extract.js'

const sr = 16000
/** 0.4 s of silence, then 0.8 s of a 220 Hz harmonic tone (3 partials). */
const audio = Float32Array.from({ length: Math.round(1.2 * sr) }, (_, i) => {
  const t = i / sr - 0.4
  return t < 0 ? 0 : 0.5 * Math.sin(2 * Math.PI * 220 * t) + 0.2 * Math.sin(2 * Math.PI * 440 * t) + 0.1 * Math.sin(2 * Math.PI * 660 * t)
})

describe('extractFeatures', () => {
  it.each(['reference', 'wasm'] as const)('frame-aligned report on %s: f0 ≈ 220 Hz where the tone sounds, null in silence, one onset at 0.4 s', async (name) => {
    const loaded = name === 'reference' ? E.right(reference('float32')) : await loadBackend('wasm')
    if (E.isLeft(loaded)) throw new Error(loaded.left.reason)
    const r = await extractFeatures(audio, sr, { backend: loaded.right })()
    if (E.isLeft(r)) throw new Error(r.left.message)
    const f = r.right
    const frames = Math.floor(audio.length / 160) + 1
    expect(f.hop_s).toBe(0.01)
    for (const k of ['f0_hz', 'f0_confidence', 'loudness_db', 'centroid_hz', 'rms', 'flatness'] as const) expect(f[k].length, k).toBe(frames)
    for (let i = 0; i < 30; i++) expect(f.f0_hz[i]).toBeNull()
    for (let i = 50; i < frames - 10; i++) expect(Math.abs(1200 * Math.log2(f.f0_hz[i]! / 220))).toBeLessThan(10)
    expect(f.loudness_db[10]).toBeCloseTo(-80, 3)
    expect(f.loudness_db[80]!).toBeGreaterThan(-20)
    expect(f.onsets_s.length).toBe(1)
    expect(Math.abs(f.onsets_s[0]! - 0.4)).toBeLessThan(0.015)
    ;[...f.centroid_hz, ...f.flatness, ...f.rms, ...f.f0_confidence].forEach((v) => expect(Number.isFinite(v)).toBe(true))
  })
  it('bad input is a FeatureError naming it', async () => {
    const bad = async (a: Float32Array, rate: number) => {
      const r = await extractFeatures(a, rate, { backend: reference('float32') })()
      return E.isLeft(r) ? r.left.message : 'ok'
    }
    expect(await bad(new Float32Array(0), sr)).toMatch(/empty/)
    expect(await bad(new Float32Array(100), 0)).toMatch(/sample rate/)
    expect(await bad(Float32Array.from([0, NaN]), sr)).toMatch(/sample 1/)
  })
})
