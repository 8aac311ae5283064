import * as E from 'fp-ts/lib/Either.js'
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { loadBackend, type AnyBackend } from '../backends/load.js'
import { fillNoise } from '../core/random.js'
import { extractFeatures } from '../features/extract.js'
import { resample } from '../io/resample.js'
import { readWav, writeWav } from '../io/wav.js'
import { DEFAULT_AUTOENCODER } from '../models/autoencoder.js'
import { loadModelFile } from '../models/model-file.js'
import { loadCheckpoint } from '../train/checkpoint.js'
import { parseTrainFlags, trainCommand } from './train.js'
import { parseShift, resolveShifts, transferCommand } from './transfer.js'

const dir = mkdtempSync(join(tmpdir(), 'ddsp-train-'))
const sr = 8000
const tone = (hz: number, seconds: number) =>
  Float32Array.from({ length: sr * seconds }, (_, i) => 0.3 * (0.7 + 0.3 * Math.sin((2 * Math.PI * i) / sr)) * (Math.sin((2 * Math.PI * hz * i) / sr) + 0.4 * Math.sin((4 * Math.PI * hz * i) / sr)))
const hits = () => {
  const x = new Float32Array(sr * 3)
  ;[0.6, 0.1, 0.3, 0.05, 0.4].forEach((g, k) => {
    const white = fillNoise(new Float32Array(3000), k + 1, 'uniform', 0)
    for (let i = 0; i < 3000; i++) x[2000 + k * 4400 + i] = g * Math.exp(-i / 500) * (0.5 * Math.sin((2 * Math.PI * 180 * i) / sr) + 0.5 * white[i]!)
  })
  return x
}
const files = { tone: join(dir, 'tone.wav'), probe: join(dir, 'probe.wav'), hits: join(dir, 'hits.wav') }
const ready = Promise.all([
  writeWav(files.tone, { sampleRate: sr, channels: [tone(262, 2)] })(),
  writeWav(files.probe, { sampleRate: sr, channels: [tone(330, 1)] })(),
  writeWav(files.hits, { sampleRate: sr, channels: [hits()] })(),
])
const wasm = async (): Promise<AnyBackend> => {
  const b = await loadBackend('wasm')
  if (E.isLeft(b)) throw new Error(b.left.reason)
  return b.right
}
const ok = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
const base = { steps: 4, seed: 1, batch: 2, lr: 0.003, exampleSeconds: 0.5 }
const cli = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: process.cwd() }).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => e,
  )

describe('ddsp train / transfer', () => {
  it('trains an autoencoder (loss falls), writes its files, and transfers a tone an octave up from the checkpoint', async () => {
    await ready
    const backend = await wasm()
    const out = join(dir, 'ae')
    const s = ok(await trainCommand(backend, files.tone, { ...base, model: 'autoencoder', out })())
    expect(s.examples).toBe(7) // 0.5 s examples every 0.25 s over 2 s
    expect(s.losses).toHaveLength(4)
    expect(s.finalLoss).toBeLessThan(s.losses[0]!)
    for (const f of ['checkpoint.json', 'model.json', 'loss.png', 'resynth.wav']) expect(existsSync(join(out, f))).toBe(true)
    expect(ok(await loadCheckpoint(join(out, 'checkpoint.json'))()).step).toBe(4)
    expect(ok(await loadModelFile(join(out, 'model.json'))()).kind).toBe('autoencoder')
    expect(ok(await readWav(join(out, 'resynth.wav'))()).channels[0]).toHaveLength(4000)
    const y = join(dir, 'up.wav')
    const t = ok(await transferCommand(backend, files.probe, { model: out, out: y, pitchShift: 12, loudnessShift: 0 })())
    expect([t.frames, t.samples, t.pitchShift]).toEqual([100, 8000, 12])
    const f = ok(await extractFeatures(ok(await readWav(y)()).channels[0]!, sr, { backend })())
    const voiced = f.f0_hz.slice(20, 90).filter((v): v is number => v !== null)
    expect(voiced.length).toBeGreaterThan(50)
    const cents = voiced.map((v) => Math.abs(1200 * Math.log2(v / 660))).sort((a, b) => a - b)
    expect(cents[Math.floor(cents.length / 2)]).toBeLessThan(30)
    // an input at another rate is resampled to the model's: same frames, output at the model's rate
    const probe16k = join(dir, 'probe16k.wav')
    ok(await writeWav(probe16k, { sampleRate: 2 * sr, channels: [resample(tone(330, 1), sr, 2 * sr)] })())
    const t16 = ok(await transferCommand(backend, probe16k, { model: out, out: join(dir, 'up16k.wav'), pitchShift: 12, loudnessShift: 0 })())
    expect([t16.frames, t16.samples]).toEqual([100, 8000])
    expect(ok(await readWav(join(dir, 'up16k.wav'))()).sampleRate).toBe(sr)
  }, 240000)
  it('trains a linear remap model on drum hits and transfers hits to the 808 snare, keeping the input length', async () => {
    await ready
    const backend = await wasm()
    const out = join(dir, 'remap')
    const s = ok(await trainCommand(backend, files.hits, { ...base, model: 'remap', voice: 'snare808', hidden: 0, batch: 4, lr: 0.01, out })())
    expect(s.examples).toBe(5)
    expect(s.losses.every(Number.isFinite)).toBe(true)
    expect(s.files).toEqual(['checkpoint.json', 'checkpoint.bin', 'graph.bin', 'model.json', 'resynth.wav', 'loss.png', 'manifest.json'].map((f) => join(out, f)))
    for (const f of s.files) expect(existsSync(f)).toBe(true)
    expect(ok(await loadModelFile(join(out, 'model.json'))()).kind).toBe('remap')
    expect(ok(await readWav(join(out, 'resynth.wav'))()).channels[0]).toHaveLength(sr / 2)
    const t = ok(await transferCommand(backend, files.hits, { model: out, out: join(dir, 'snares.wav'), pitchShift: 0, loudnessShift: 0 })())
    expect([t.frames, t.samples]).toEqual([5, 3 * sr])
  }, 240000)
  it('flags: bad values name the flag; shifts are numbers or auto', () => {
    const flags = { model: 'autoencoder', steps: '10', batch: '2', lr: '0.001', exampleSeconds: '1', voice: 'snare808', hidden: '32', backend: 'wasm', seed: '0', out: 'o' }
    expect(E.isRight(parseTrainFlags(flags))).toBe(true)
    const msg = (f: Partial<typeof flags>) => {
      const r = parseTrainFlags({ ...flags, ...f })
      return E.isLeft(r) && (r.left._tag === 'Usage' || r.left._tag === 'LimitExceeded') ? r.left.message : ''
    }
    expect(msg({ model: 'gan' })).toMatch(/--model/)
    expect(msg({ steps: '-1' })).toMatch(/--steps/)
    expect(msg({ lr: '0' })).toMatch(/--lr/)
    expect(msg({ hidden: '-1' })).toMatch(/--hidden/)
    expect(msg({ steps: '' })).toMatch(/--steps is empty/)
    expect(msg({ hidden: '1000000' })).toMatch(/--hidden is 1000000, must be an integer in \[0, 4096\]/)
    expect(msg({ seed: 'abc' })).toMatch(/--seed/)
    const model = { kind: 'autoencoder' as const, config: DEFAULT_AUTOENCODER, pitchMean: 69, loudnessMean: -30, loudnessMax: -3 }
    const long = Array.from({ length: 300_000 }, (_, i) => -40 + (i % 30)) // loudest −11 dB; an hour of frames
    expect(resolveShifts({ model: 'm', out: 'y', pitchShift: 'auto', loudnessShift: 'auto' }, model, [880, 880], long)).toEqual({ pitch: -12, loudness: 8 })
    expect(parseShift('--pitch-shift', 'auto')).toEqual(E.right('auto'))
    expect(parseShift('--pitch-shift', '-12')).toEqual(E.right(-12))
    expect(E.isLeft(parseShift('--pitch-shift', 'up'))).toBe(true)
  })
  it('the CLI fails with one line and exit code 2 (missing input, missing model folder)', async () => {
    await ready
    for (const r of [await cli('train', join(dir, 'none.wav'), '--out', join(dir, 'x')), await cli('transfer', files.probe, '--model', join(dir, 'nope'), '--out', join(dir, 'y.wav'))]) {
      expect(r.code).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toMatch(/^ddsp: /)
    }
  }, 60000)
})
