import * as E from 'fp-ts/lib/Either.js'
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { writeWav } from '../io/wav.js'
import { lossCommand } from './loss.js'

const dir = mkdtempSync(join(tmpdir(), 'ddsp-loss-'))
const path = (n: string) => join(dir, n)
const tone = (n: number, amp: number) => Float32Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * 440 * i) / 16000))
const backend = reference('float64')

beforeAll(async () => {
  const write = (n: string, sampleRate: number, channels: Float32Array[]) => writeWav(path(n), { sampleRate, channels })()
  await write('a.wav', 16000, [tone(4000, 0.5)])
  await write('half.wav', 16000, [tone(4000, 0.25)])
  await write('stereo.wav', 16000, [tone(4000, 0.75), tone(4000, 0.25)]) // mono mix = tone(0.5)
  await write('short.wav', 16000, [tone(3000, 0.5)])
  await write('a44.wav', 44100, [tone(4000, 0.5)])
  await write('tiny.wav', 16000, [tone(500, 0.5)])
})

describe('ddsp loss', () => {
  it('a file against itself is 0 (mss), and the stereo mix of a file equals its mono twin', async () => {
    const same = await lossCommand(backend, path('a.wav'), path('a.wav'), 'mss')()
    expect(E.isRight(same) && same.right).toMatchObject({ loss: 'mss', value: 0, sample_rate: 16000, samples: 4000, padded_samples: 0 })
    // (0.75 + 0.25)/2 · sin equals 0.5 · sin up to float32 rounding of the stored samples (so compare by L1:
    // the log-magnitude term of mss magnifies rounding in near-empty bins)
    const mix = await lossCommand(backend, path('a.wav'), path('stereo.wav'), 'l1')()
    expect(E.isRight(mix) && mix.right.value).toBeLessThan(1e-7)
    const other = await lossCommand(backend, path('a.wav'), path('half.wav'), 'mss')()
    expect(E.isRight(other) && other.right.value).toBeGreaterThan(1)
  })
  it('l2 of a tone against its half: mean (0.25·sin)² = 0.25²/2 over whole periods', async () => {
    const r = await lossCommand(backend, path('half.wav'), path('a.wav'), 'l2')()
    // 4000 samples at 16 kHz hold exactly 110 periods of 440 Hz
    expect(E.isRight(r) && r.right.value).toBeCloseTo(0.25 ** 2 / 2, 7)
  })
  it('zero-pads the shorter file and says so', async () => {
    const r = await lossCommand(backend, path('short.wav'), path('a.wav'), 'l1')()
    expect(E.isRight(r) && r.right.padded_samples).toBe(1000)
    expect(E.isRight(r) && r.right.value).toBeGreaterThan(0)
  })
  it('usage errors: unknown loss, different sample rates, too short for the loss; unreadable files are IoErrors', async () => {
    const err = async (a: string, b: string, loss: string) => {
      const r = await lossCommand(backend, path(a), path(b), loss)()
      return E.isLeft(r) ? r.left : undefined
    }
    expect(await err('a.wav', 'a.wav', 'nope')).toMatchObject({ _tag: 'Usage', message: expect.stringMatching(/unknown loss 'nope'; choose one of mss, mrstft/) })
    expect(await err('a.wav', 'a44.wav', 'mss')).toMatchObject({ _tag: 'Usage', message: expect.stringMatching(/sample rates differ/) })
    expect(await err('tiny.wav', 'tiny.wav', 'mrstft')).toMatchObject({ _tag: 'Usage', message: expect.stringMatching(/reflect padding/) })
    expect((await err('missing.wav', 'a.wav', 'mss'))?._tag).toBe('IoError')
  })
  it('the command line prints one JSON object, and exits with code 2 on a sample-rate mismatch', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'loss', ...args, '--backend', 'reference'], { encoding: 'utf8' })
    const ok = cli(path('half.wav'), path('a.wav'), '--loss', 'l1', '--json')
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({ loss: 'l1', sample_rate: 16000, samples: 4000 })
    const bad = cli(path('a.wav'), path('a44.wav'))
    expect(bad.status).toBe(2)
    expect(bad.stderr).toMatch(/^ddsp: sample rates differ/)
  })
})
