import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { writeWav } from '../io/wav.js'
import { analyzeCommand, roundedAnalysis } from './analyze.js'

const dir = mkdtempSync(join(tmpdir(), 'ddsp-analyze-'))
const path = (n: string) => join(dir, n)
const sr = 16000

beforeAll(async () => {
  // a 98 Hz tone decaying 60 dB in 0.3 s, with a 1.4 kHz mode decaying faster, stereo
  const y = Float32Array.from({ length: sr / 2 }, (_, i) => Math.exp((-6.91 * i) / sr / 0.3) * (0.6 * Math.sin((2 * Math.PI * 98 * i) / sr) + 0.1 * Math.sin((2 * Math.PI * 1400 * i) / sr)))
  await writeWav(path('hit.wav'), { sampleRate: sr, channels: [y, y] })()
})

describe('ddsp analyze', () => {
  it('reads pitch, decay and modes of a stereo WAV', async () => {
    const r = await analyzeCommand(path('hit.wav'), { seconds: 3 })()
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    const a = roundedAnalysis(r.right)
    expect(Math.abs(a.pitch.pitchHz! - 98)).toBeLessThan(1)
    expect(Math.abs(a.envelope.t60S - 0.3)).toBeLessThan(0.03)
    expect(a.modes.some((m) => Math.abs(m.freqHz - 1400) < 10)).toBe(true)
    expect(JSON.parse(JSON.stringify(a)).modes.length).toBe(a.modes.length)
  })
  it('an unreadable file is one line and exit code 2', () => {
    const p = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'analyze', path('missing.wav'), '--json'], { encoding: 'utf8' })
    expect(p.status).toBe(2)
    expect(p.stderr.trim().split('\n').length).toBe(1)
  })
})
