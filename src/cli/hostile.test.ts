/**
 * Hostile inputs end in one typed refusal before any large allocation: lying
 * WAV headers, flags beyond their bounds, model files with absurd sizes; and
 * `render --seed` changes the noise. The spawned cases check the exit code 2
 * and the single stderr line.
 *
 * @example
 * npx vitest run src/cli/hostile.test.ts
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { DEFAULT_LIMITS } from '../io/limits.js'
import { floatData, pcm16Data, sine, wavBytes } from '../io/wav-bytes.js'
import { DEFAULT_AUTOENCODER } from '../models/autoencoder.js'
import { featuresCommand } from './features.js'
import { lossCommand } from './loss.js'
import { renderCommand } from './render.js'
import { transferCommand } from './transfer.js'

const dir = mkdtempSync(join(tmpdir(), 'ddsp-hostile-'))
const at = (n: string) => join(dir, n)
const tone = sine(8000, 220, 16000)
writeFileSync(at('good.wav'), wavBytes({ format: 1, bits: 16, sampleRate: 16000, data: pcm16Data(tone) }))
writeFileSync(at('sr1e9.wav'), wavBytes({ format: 3, bits: 32, sampleRate: 1e9, data: floatData(tone) }))
writeFileSync(at('nan.wav'), wavBytes({ format: 3, bits: 32, sampleRate: 16000, data: floatData(tone.map((v, i) => (i === 100 ? NaN : v))) }))
const backend = reference('float32')

const cli = (...args: string[]) => {
  const r = spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), [join(process.cwd(), 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: dir })
  return { status: r.status, lines: r.stderr.trim().split('\n').filter((l) => l !== '') }
}

const model = (name: string, config: Record<string, number>) => {
  mkdirSync(at(name), { recursive: true })
  writeFileSync(at(`${name}/model.json`), JSON.stringify({ format: 'ddsp-ts/model', version: 1, kind: 'autoencoder', config: { ...DEFAULT_AUTOENCODER, ...config }, pitchMean: 60, loudnessMean: -30, loudnessMax: -5 }))
  writeFileSync(at(`${name}/checkpoint.json`), '{}')
  return at(name)
}

describe('hostile inputs are refused before the work, each as one typed value', () => {
  it('a header claiming 1e9 Hz: features refuses at once instead of growing to gigabytes', async () => {
    const t0 = performance.now()
    const r = await featuresCommand(backend, at('sr1e9.wav'), { hopMs: 10 })()
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: 'WavError', problem: { kind: 'Limit' } })
    expect(performance.now() - t0).toBeLessThan(1000)
  })
  it('NaN samples: loss names the first bad sample', async () => {
    const r = await lossCommand(backend, at('nan.wav'), at('good.wav'), 'mss')()
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: 'WavError', problem: { kind: 'NonFiniteSample', frame: 100, channel: 0 } })
  })
  it('render: too long for the budget, or shorter than a sample', async () => {
    const out = at('r.wav')
    const big = await renderCommand(backend, 'kick808', { seconds: 3600, sampleRate: 384000, out, limits: { ...DEFAULT_LIMITS, memoryBytes: 2 ** 30 } })()
    expect(E.isLeft(big) && big.left._tag === 'LimitExceeded' && big.left.message).toMatch(/render of 1382400000 samples .* needs ≈ 515 GiB; the memory budget is 1 GiB/)
    const tiny = await renderCommand(backend, 'kick808', { seconds: 1e-9, sampleRate: 44100, out })()
    expect(E.isLeft(tiny) && tiny.left._tag).toBe('LimitExceeded')
  })
  it('render honours --seed: another seed, other noise; the same seed, the same bits', async () => {
    const peakOf = async (seed: number) => {
      const r = await renderCommand(backend, 'snare808', { seconds: 0.05, sampleRate: 16000, out: at(`s${seed}.wav`), seed })()
      return E.isRight(r) ? r.right.rms : NaN
    }
    const [a, b, c] = [await peakOf(0), await peakOf(0), await peakOf(3)]
    expect(a).toBe(b)
    expect(c).not.toBe(a)
  })
  it.each([
    ['harmonics', { harmonics: 1e9 }, /\$\.config\.harmonics is 1000000000, must be an integer in \[1, 1024\]/],
    ['sampleRate', { sampleRate: 1e9 }, /\$\.config\.sampleRate is 1000000000 Hz, outside \[8000, 384000\]/],
    ['hop', { hop: 2 ** 31 }, /\$\.config\.hop is 2147483648/],
    ['reverbLength', { reverbLength: 1e12 }, /\$\.config\.reverbLength/],
  ])('a model.json with %s out of bounds is refused before allocating', async (name, config, message) => {
    const r = await transferCommand(backend, at('good.wav'), { model: model(`m-${name}`, config), out: at('t.wav'), pitchShift: 0, loudnessShift: 0 })()
    expect(E.isLeft(r) && r.left._tag === 'LimitExceeded' && r.left.message).toMatch(message)
  })
  it.each([
    [['render', 'kick808', '--seed', 'abc'], /--seed must be an integer/],
    [['render', 'kick808', '--sr', '1'], /--sr is 1 Hz, outside/],
    [['render', 'kick808', '--seconds', '1e9'], /--seconds is 1000000000/],
    [['train', 'good.wav', '--steps=', '--out', 'x'], /--steps is empty/],
    [['loss', 'nan.wav', 'good.wav'], /nan\.wav: sample 100 \(0\.00625 s\) of channel 0 is NaN/],
    [['match', 'nan.wav', '--synth', 'kick808'], /nan\.wav: sample 100/],
    [['features', 'good.wav', '--sr-range', '20000:48000'], /sample rate is 16000 Hz, outside \[20000, 48000\]/],
    [['features', 'good.wav', '--max-memory', 'lots'], /--max-memory must be a size/],
  ])('ddsp %j: one line, exit 2', (args, message) => {
    const r = cli(...args, '--backend', 'reference')
    expect(r.status).toBe(2)
    expect(r.lines).toEqual([expect.stringMatching(message)])
  })
})
