/**
 * Every command that reads audio takes FLAC and MP3 as well as WAV (the
 * fixtures of src/io/__fixtures__: a 440 Hz tone), and a file of no known
 * format is one line and exit code 2.
 *
 * @example
 * npx vitest run src/cli/audio-formats.test.ts
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { analyzeCommand } from './analyze.js'
import { featuresCommand } from './features.js'
import { lossCommand } from './loss.js'
import { readRecordings } from './train.js'

const fixture = (name: string) => fileURLToPath(new URL(`../io/__fixtures__/${name}`, import.meta.url))
const backend = reference('float32')

describe('audio formats in the commands', () => {
  it.each(['tone.flac', 'tone.mp3', 'tone.ogg', 'tone.opus'])('features and analyze read %s: f0 ≈ 440 Hz', async (name) => {
    const f = await featuresCommand(backend, fixture(name), { hopMs: 10 })()
    if (E.isLeft(f)) throw new Error(JSON.stringify(f.left))
    const voiced = f.right.f0_hz.filter((v): v is number => v !== null).sort((a, b) => a - b)
    expect(voiced[voiced.length >> 1]).toBeCloseTo(440, -1)
    const a = await analyzeCommand(fixture(name), { seconds: 3 })()
    expect(E.isRight(a)).toBe(true)
  })

  it('loss compares a FLAC with an Ogg Vorbis file of the same rate', async () => {
    const r = await lossCommand(backend, fixture('tone.flac'), fixture('tone.ogg'), 'mss')()
    expect(E.isRight(r) && r.right.sample_rate).toBe(16000)
  })

  it('train reads an MP3 recording', async () => {
    const r = await readRecordings(fixture('tone.mp3'))()
    expect(E.isRight(r) && r.right.map((x) => x.sampleRate)).toEqual([22050])
  })

  it('a file of no known format: one line, exit code 2', () => {
    const r = spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), [join(process.cwd(), 'src/cli/main.ts'), 'features', join(process.cwd(), 'package.json')], { encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/package\.json: not an audio file ddsp-ts reads \(starts with .*\); it reads WAV, FLAC, Ogg Vorbis, Ogg Opus, MP3$/)])
  })
})
