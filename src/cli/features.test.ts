import * as E from 'fp-ts/lib/Either.js'
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { writeWav } from '../io/wav.js'
import { mixToMono } from '../io/mono.js'
import { featuresCommand, summary } from './features.js'

const dir = mkdtempSync(join(tmpdir(), 'ddsp-features-'))
const sr = 16000
/** Stereo: 0.3 s of silence, then a 330 Hz tone with its octave, left at 0.6 and right at 0.3. */
const tone = (gain: number) =>
  Float32Array.from({ length: sr }, (_, i) => (i < 0.3 * sr ? 0 : gain * (Math.sin((2 * Math.PI * 330 * i) / sr) + 0.3 * Math.sin((2 * Math.PI * 660 * i) / sr))))
const wav = join(dir, 'tone.wav')
const ready = writeWav(wav, { sampleRate: sr, channels: [tone(0.6), tone(0.3)] })()
const run = promisify(execFile)
const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'features', ...args], { cwd: process.cwd() })

describe('ddsp features', () => {
  it('reports a stereo WAV mixed to mono: f0 ≈ 330 Hz after 0.3 s, null before, an onset at 0.3 s', async () => {
    await ready
    const r = await featuresCommand(reference('float32'), wav, { hopMs: 10 })()
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    const f = r.right
    expect(f.sample_rate).toBe(sr)
    expect(f.f0_hz.length).toBe(101)
    expect(f.f0_hz.slice(0, 25).every((v) => v === null)).toBe(true)
    f.f0_hz.slice(35, 95).forEach((v) => expect(Math.abs(1200 * Math.log2(v! / 330))).toBeLessThan(10))
    expect(f.onsets_s.map((t) => Math.round(t * 100) / 100)).toEqual([0.3])
    expect(summary(wav, f)).toMatch(/median 330\.\d Hz/)
  })
  it('summarises a long report (3·10⁵ frames, an hour at 12 ms hops) without overflowing the stack', () => {
    const n = 300_000
    const zeros = new Array<number>(n).fill(0)
    const r = {
      sample_rate: 16000, hop_s: 0.012, f0_hz: new Array<number | null>(n).fill(null), f0_confidence: zeros, loudness_db: Array.from({ length: n }, (_, i) => -60 + (i % 50)),
      loudness_n_fft: 2048, centroid_hz: zeros, rms: zeros, flatness: zeros, onsets_s: [],
    }
    expect(summary('long.wav', r)).toMatch(/loudness: -60\.0 … -11\.0 dB/)
  })
  it('mixToMono averages the channels', () => {
    expect(Array.from(mixToMono({ sampleRate: 1, channels: [Float32Array.from([1, 0.5]), Float32Array.from([0, 0.5])] }))).toEqual([0.5, 0.5])
    expect(Array.from(mixToMono({ sampleRate: 1, channels: [Float32Array.from([1, 0.5]), Float32Array.from([0, 0.5])] }, 3))).toEqual([0.5, 0.5, 0])
  })
  it('the CLI prints one JSON object with --json, and exits 2 on an unreadable WAV', async () => {
    await ready
    const { stdout } = await cli(wav, '--json', '--backend', 'reference', '--hop-ms', '20')
    expect(stdout.trim().split('\n').length).toBe(1)
    const j = JSON.parse(stdout) as Record<string, unknown>
    for (const k of ['sample_rate', 'hop_s', 'f0_hz', 'f0_confidence', 'loudness_db', 'centroid_hz', 'onsets_s']) expect(j).toHaveProperty(k)
    expect(j['hop_s']).toBe(0.02)
    const junk = join(dir, 'junk.wav')
    writeFileSync(junk, 'not a wav file')
    const failed = await cli(junk).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    )
    expect(failed.code).toBe(2)
    expect(failed.stderr.trim().split('\n')).toHaveLength(1)
    expect(failed.stderr).toMatch(/^ddsp: .*junk\.wav/)
  }, 60000)
})
