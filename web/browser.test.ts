/**
 * Browser tests: Debian's Chromium (playwright-core, headless) opens the built
 * page, renders the demo schedules through the `ddsp-synth` AudioWorklet in an
 * OfflineAudioContext, and the samples must equal the Node rendering of the
 * same engine (`renderSchedule`); a screenshot of the page (with the render's
 * spectrogram) is saved to test-artifacts/web.png and must be a non-blank PNG;
 * then the live path: Start audio and the fake microphone (Chromium flags)
 * feeding the worklet, which reports tracked f0 and loudness.
 * Skipped, saying why, when Chromium is not installed.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildWeb } from './build.js'
import { defaultDdsp, defaultKit } from './default-synth.js'
import { demoSchedule } from './demo.js'
import { renderSchedule } from './engine.js'
import { serveStatic, type StaticServer } from './serve.js'
import type { SynthSpec } from './spec.js'

const CHROMIUM = process.env['DDSP_CHROMIUM'] ?? '/usr/bin/chromium'
const SR = 48000
const SAMPLES = 24000 // 0.5 s: the whole DDSP phrase and its release, every 808 hit

// Same JavaScript (the engine bundled into the worklet), same float64 arithmetic in V8, same float32
// output; the only possible difference is a Math.sin/exp/pow implementation differing between Node's
// and Chromium's V8 builds (both use fdlibm ports), so agreement is expected to the last float32 bit
// and allowed 1e-6 of the peak (a few float32 ulps of the output).
const TOLERANCE = 1e-6

const worst = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let [peak, err] = [0, 0]
  for (let i = 0; i < b.length; i++) {
    peak = Math.max(peak, Math.abs(b[i]!))
    err = Math.max(err, Math.abs(a[i]! - b[i]!))
  }
  return { peak, relative: err / peak }
}

const found = existsSync(CHROMIUM)

if (found)
  describe('web page in Chromium (AudioWorklet, OfflineAudioContext)', () => {
    let dir = ''
    let server: StaticServer | undefined
    let browser: Browser | undefined
    let page: Page
    const errors: string[] = []

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'ddsp-web-'))
      await buildWeb(dir, SR)
      server = await serveStatic(dir, 0)
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--autoplay-policy=no-user-gesture-required', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] })
      page = await browser.newPage({ viewport: { width: 960, height: 720 } })
      page.on('pageerror', (e) => errors.push(e.message))
      await page.goto(server.url)
      await page.evaluate(() => window.ddsp.ready)
    })

    afterAll(async () => {
      await browser?.close()
      await server?.close()
      if (dir !== '') await rm(dir, { recursive: true, force: true })
    })

    const cases: Array<[string, () => SynthSpec]> = [
      ['the DDSP preset (harmonic + noise + reverb) playing a phrase with knob moves', () => defaultDdsp(SR)],
      ['the 808 kit playing one hit of each voice', () => defaultKit(SR)],
    ]
    for (const [name, make] of cases)
      it(`${name}: the worklet's render equals the Node render`, async () => {
        const spec = make()
        const events = demoSchedule(spec.kind, SR)
        const got = await page.evaluate(([k, n]) => window.ddsp.renderOffline(k, undefined, n), [spec.kind, SAMPLES] as const)
        const want = renderSchedule(spec, events, SAMPLES)
        expect(errors).toEqual([])
        expect(got).toHaveLength(SAMPLES)
        const { peak, relative } = worst(got, want)
        expect(peak).toBeGreaterThan(0.01) // audible, not a silent pass
        console.log(`web: ${spec.kind} peak ${peak.toFixed(4)}, worst |browser − node| / peak = ${relative.toExponential(2)}`)
        expect(relative).toBeLessThanOrEqual(TOLERANCE)
      })

    it('loads a training checkpoint from the file input (an 808 kick match) and names it', async () => {
      const ckpt = { format: 'ddsp-ts/checkpoint', version: 1, step: 300, params: { params: { dtype: 'float32', shape: [1, 8], data: [0, 1, -1, 2, -2, 0.5, -0.5, 3] } } }
      await page.setInputFiles('#file', { name: 'kick.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ckpt)) })
      await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('checkpoint: kick808, step 300'), undefined, { timeout: 5000 })
      await page.setInputFiles('#file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"ddsp-ts/synth","kind":"ddsp","name":"x","sampleRate":48000,"hop":0}') })
      await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('bad.json: $.hop: must be a positive integer'), undefined, { timeout: 5000 })
    })

    it('saves a screenshot of the page (with the spectrogram) to test-artifacts/web.png: a non-blank PNG', async () => {
      await mkdir('test-artifacts', { recursive: true })
      await page.screenshot({ path: 'test-artifacts/web.png', fullPage: true })
      const png = PNG.sync.read(await readFile('test-artifacts/web.png'))
      const colours = new Set<number>()
      for (let i = 0; i < png.data.length; i += 4 * 7) colours.add((png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!)
      expect(png.width).toBeGreaterThan(500)
      expect(colours.size).toBeGreaterThan(100) // page chrome + keyboard + a painted spectrogram, not one flat colour
    })

    it('plays live: Start audio, then the (fake) microphone reaches the worklet, which reports tracked f0 and loudness', async () => {
      await page.click('#start')
      await page.waitForFunction(() => document.getElementById('status')?.textContent?.includes('playing: '), undefined, { timeout: 5000 })
      await page.click('#mic')
      await page.waitForFunction(() => /mic: f0 [\d.]+ Hz/.test(document.getElementById('status')?.textContent ?? ''), undefined, { timeout: 5000 })
      expect(errors).toEqual([])
    })
  })

if (!found)
  describe('web page in Chromium', () => {
    it.skip(`browser tests skipped: chromium not found at ${CHROMIUM} (apt-get install chromium, or set DDSP_CHROMIUM)`, () => {})
  })
