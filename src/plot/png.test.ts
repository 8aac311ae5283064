import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { fmtTick, logTicks, niceTicks } from './axes.js'
import { BLACK, canvas, writePng } from './canvas.js'
import { colour } from './colormap.js'
import { textWidth } from './font.js'
import { comparisonPng, lossCurvePng, spectrogramPng } from './png.js'
import { logSpectrogram } from './spectrogram.js'

const sr = 16000
const chirp = Float32Array.from({ length: 4000 }, (_, i) => Math.exp(-i / 1000) * Math.sin((2 * Math.PI * (300 + 0.2 * i) * i) / sr))
const tone = (hz: number) => Float32Array.from({ length: 4000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / sr))

/** Decoded image and how many distinct colours it holds. */
const decode = (bytes: Buffer) => {
  const img = PNG.sync.read(bytes)
  const colours = new Set<number>()
  for (let i = 0; i < img.data.length; i += 4) colours.add(img.data.readUInt32BE(i))
  return { width: img.width, height: img.height, colours: colours.size, img }
}
const rgbAt = (img: PNG, x: number, y: number) => Array.from(img.data.subarray(4 * (y * img.width + x), 4 * (y * img.width + x) + 3))

describe('plots', () => {
  it('loss curve of 3·10⁵ steps (no one-argument-per-step Math.min/max)', () => {
    const d = decode(lossCurvePng(Array.from({ length: 300_000 }, (_, i) => 1 / (1 + i)), { title: 'LONG', logY: true }))
    expect([d.width, d.height]).toEqual([640, 360])
    expect(d.colours).toBeGreaterThan(3)
  })
  it('loss curve: decodes with the requested size, has axes, text and a line (linear and log)', () => {
    const losses = Array.from({ length: 50 }, (_, i) => 3 * Math.exp(-i / 10) + 0.1)
    for (const logY of [false, true]) {
      const d = decode(lossCurvePng(losses, { title: 'LOSS', logY, width: 400, height: 240 }))
      expect([d.width, d.height]).toEqual([400, 240])
      expect(d.colours).toBeGreaterThan(3) // white, black, grid, line colour
    }
    // a NaN, a negative value on a log axis and an all-NaN curve do not throw
    expect(decode(lossCurvePng([1, Number.NaN, -1, 0.5], { title: 'X', logY: true })).width).toBe(640)
    expect(decode(lossCurvePng([Number.NaN], { title: 'X' })).colours).toBeGreaterThan(1)
  })
  it('the loss line falls from the top-left to the bottom-right of the plot area', () => {
    const { img } = decode(lossCurvePng([10, 1], { title: 'T', width: 400, height: 240 }))
    const line = [31, 119, 180]
    expect(rgbAt(img, 70, 34)).toEqual(line) // first point: x = frame left, y = frame top
    expect(rgbAt(img, 70 + 310, 34 + 162)).toEqual(line) // last point: frame right, frame bottom
  })
  it('spectrogram: a tone is a bright horizontal band at its frequency; silence stays dark', () => {
    const d = decode(spectrogramPng(tone(2000), sr, { width: 640, height: 360, nFft: 256 }))
    expect([d.width, d.height]).toEqual([640, 360])
    expect(d.colours).toBeGreaterThan(20)
    // frame: x 70…576, y 34…316; 2 kHz of 8 kHz is a quarter of the way up
    const y2k = Math.round(34 + 282 * 0.75)
    const bright = rgbAt(d.img, 300, y2k).reduce((a, b) => a + b)
    const dark = rgbAt(d.img, 300, 34 + 20).reduce((a, b) => a + b)
    expect(bright).toBeGreaterThan(500)
    expect(dark).toBeLessThan(100)
  })
  it('target vs match: two panels on one scale, the louder panel brighter', () => {
    const quiet = tone(1000).map((v) => v / 100)
    const d = decode(comparisonPng(tone(1000), quiet, sr, { nFft: 256, width: 1120, height: 380 }))
    expect([d.width, d.height]).toEqual([1120, 380])
    const w = Math.floor((1120 - 2 * 70 - 64 - 10) / 2)
    const y1k = Math.round(34 + 302 * (1 - 1000 / 8000))
    const lum = (x: number) => rgbAt(d.img, x, y1k).reduce((a, b) => a + b)
    expect(lum(70 + w / 2)).toBeGreaterThan(lum(70 + w + 80 + w / 2) + 100)
  })
  it('writes atomically: the file decodes and no temporary file is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddsp-plot-'))
    const r = await writePng(join(dir, 'sub', 'c.png'), comparisonPng(chirp, chirp, sr))()
    expect(E.isRight(r)).toBe(true)
    expect(readdirSync(join(dir, 'sub'))).toEqual(['c.png'])
    expect(decode(readFileSync(join(dir, 'sub', 'c.png'))).width).toBe(1120)
    const bad = await writePng(join(dir, 'sub', 'c.png', 'x.png'), Buffer.from([]))() // c.png is a file, not a folder
    expect(E.isLeft(bad) && bad.left._tag).toBe('IoError')
  })
})

describe('plot parts', () => {
  it('nice ticks, log ticks and labels', () => {
    expect(niceTicks(0, 0.93, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8])
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10])
    expect(niceTicks(-1, 1, 4)).toEqual([-1, -0.5, 0, 0.5, 1])
    expect(logTicks(0.003, 2)).toEqual([0.01, 0.1, 1])
    expect(logTicks(0.3, 4)).toEqual([0.5, 1, 2])
    expect([fmtTick(0.25), fmtTick(1e-4), fmtTick(120000), fmtTick(0)]).toEqual(['0.25', '1E-4', '1.2E5', '0'])
  })
  it('text: glyph pixels land where the font says, and the width formula holds', () => {
    const c = canvas(20, 10)
    c.text(1, 1, '1', BLACK) // '1' row 0 is ..#.. → pixel (1 + 2, 1)
    const at = (x: number, y: number) => c.data[4 * (y * 20 + x)]
    expect([at(3, 1), at(1, 1), at(2, 2), at(3, 7)]).toEqual([0, 255, 0, 0])
    expect(textWidth('10', 1)).toBe(11)
    expect(textWidth('AB', 2)).toBe(22)
  })
  it('colour maps: end points and clamping', () => {
    expect(colour('magma', 0)).toEqual([0, 0, 4])
    expect(colour('magma', 1)).toEqual([252, 253, 191])
    expect(colour('viridis', 2)).toEqual([253, 231, 37])
    expect(colour('viridis', Number.NaN)).toEqual([68, 1, 84])
  })
  it('spectrogram analysis: a bin-centred tone peaks at its bin, 20·log10(A·N/4) dB (Hann)', () => {
    const n = 256
    const x = Float64Array.from({ length: 1024 }, (_, i) => Math.sin((2 * Math.PI * 32 * i) / n))
    const s = logSpectrogram(x, sr, { nFft: n })
    expect([s.frames, s.bins]).toEqual([13, 129])
    const row = s.db.subarray(2 * s.bins, 3 * s.bins)
    expect(row.indexOf(Math.max(...row))).toBe(32)
    expect(row[32]).toBeCloseTo(20 * Math.log10(n / 4), 3)
  })
})
