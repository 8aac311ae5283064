import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { fillUnvoiced, prepareDataset } from './dataset.js'

const sr = 8000
const tone = (hz: number, seconds: number) => Float32Array.from({ length: sr * seconds }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / sr))

describe('dataset', () => {
  it('fillUnvoiced interpolates inside, holds at the ends, falls back when nothing is voiced', () => {
    expect(Array.from(fillUnvoiced([null, 200, null, 400, null]))).toEqual([200, 200, 300, 400, 400])
    expect(Array.from(fillUnvoiced([100, null, null, null, 500]))).toEqual([100, 200, 300, 400, 500])
    expect(Array.from(fillUnvoiced([null, null], 7))).toEqual([7, 7])
  })
  it('cuts a 1.5 s tone into 0.5 s examples every 0.25 s, with f0 ≈ 330 Hz and frame-aligned audio', async () => {
    const samples = tone(330, 1.5)
    const d = await prepareDataset([{ sampleRate: sr, samples }], { hop: 80, exampleSamples: 4000, stepSamples: 2000, backend: reference('float32') })()
    if (E.isLeft(d)) throw new Error(d.left.message)
    expect(d.right.examples).toHaveLength(5)
    const e = d.right.examples[1]!
    expect(e.audio).toEqual(samples.slice(2000, 6000))
    expect(e.f0Hz).toHaveLength(50)
    expect(e.loudnessDb).toHaveLength(50)
    e.f0Hz.forEach((f) => expect(Math.abs(1200 * Math.log2(f / 330))).toBeLessThan(15))
    expect(d.right.pitch.mean).toBeCloseTo(69 + 12 * Math.log2(330 / 440), 0)
    expect(d.right.loudnessDb.max).toBeGreaterThan(-40)
  })
  it('names what is wrong: a hop that does not divide the example, mixed rates, too short', async () => {
    const rec = { sampleRate: sr, samples: tone(200, 1) }
    const bad = async (o: Omit<Parameters<typeof prepareDataset>[1], 'backend'>, rs = [rec]) => {
      const r = await prepareDataset(rs, { backend: reference('float32'), ...o })()
      return E.isLeft(r) ? r.left.message : 'ok'
    }
    expect(await bad({ hop: 75, exampleSamples: 4000 })).toMatch(/multiple of the hop 75/)
    expect(await bad({ hop: 80, exampleSamples: 4000 }, [rec, { sampleRate: 16000, samples: tone(200, 1) }])).toMatch(/different sample rates/)
    expect(await bad({ hop: 80, exampleSamples: 16000 })).toMatch(/shorter than one example/)
  })
})
