import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { PNG } from 'pngjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { constant } from '../core/signal.js'
import { readWav, writeWav } from '../io/wav.js'
import { kick808Params } from '../synths/drums/kick808.js'
import { kit808, type DrumVoice } from '../synths/drums/kit808.js'
import { evaluateOrThrow } from '../../testing/run.js'
import { MATCH_DEFAULTS, matchCommand, parseMatchFlags, type MatchFlags } from './match.js'
import { summaryLines } from './match-action.js'
import type { Progress } from './progress.js'

const dir = mkdtempSync(join(tmpdir(), 'ddsp-match-'))
const path = (n: string) => join(dir, n)
const backend = reference('float32')
const flags = (over: Partial<MatchFlags> = {}): MatchFlags => ({
  synth: 'kick808', loss: 'mss', steps: 8, seed: 1, starts: 1, warmup: 2, lr: 0.05, sr: 8000, seconds: 1, out: path('out'), ...over,
})

beforeAll(async () => {
  // the target: a kick808 with a longer decay and a lower pitch than its preset, rendered at 16 kHz (so it is resampled to 8 kHz)
  const kick: DrumVoice = kit808.kick808
  const p = kick.defaults(16000).map((u, i) => (i === 3 ? u + 0.1 : i === 0 ? u * 0.8 : u))
  const y = evaluateOrThrow({ y: kick.render(constant(p, [1, p.length]), 8000, 16000) })['y']!.data
  await writeWav(path('kick.wav'), { sampleRate: 16000, channels: [Float32Array.from(y), Float32Array.from(y)] })()
  await writeWav(path('tiny.wav'), { sampleRate: 8000, channels: [new Float32Array(100)] })()
})

describe('ddsp match', () => {
  it('fits a kick808 to a resampled stereo target: lower loss than the preset, four files that decode', async () => {
    const updates: number[] = []
    const bar = (total: number): Progress => ({ update: (step) => updates.push(step / total), stop: () => updates.push(-1) })
    const r = await matchCommand(backend, path('kick.wav'), flags({ init: 'preset' }), bar)()
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    const rep = r.right
    expect([rep.sample_rate, rep.samples]).toEqual([8000, 4000])
    expect(rep.final_loss).toBeLessThan(rep.preset_loss)
    expect(rep.final_loss).toBeLessThanOrEqual(rep.start_loss)
    expect(rep.starts.map((s) => s.kind)).toEqual(['random', 'preset'])
    expect(Object.keys(rep.params)).toEqual(kick808Params.map(([n]) => n))
    expect(rep.params['osc.freq']!.value).toBeCloseTo(30 + 170 * rep.params['osc.freq']!.unit!, 9)
    expect(updates).toEqual([...Array.from({ length: 2 * 2 + 6 }, (_, i) => (i + 1) / 10), -1]) // 2 starts × 2 warm-up + 6, then stop
    const json = JSON.parse(readFileSync(path('out/params.json'), 'utf8'))
    expect(json.final_loss).toBe(rep.final_loss)
    const wav = await readWav(path('out/match.wav'))()
    expect(E.isRight(wav) && [wav.right.sampleRate, wav.right.channels[0]!.length]).toEqual([8000, 4000])
    for (const [n, w, h] of [['spectrogram.png', 1120, 380], ['loss.png', 640, 360]] as const) {
      const img = PNG.sync.read(readFileSync(path(`out/${n}`)))
      expect([img.width, img.height]).toEqual([w, h])
      expect(new Set(Array.from({ length: img.data.length / 4 }, (_, i) => img.data.readUInt32BE(4 * i))).size).toBeGreaterThan(3)
    }
    expect(summaryLines('kick.wav', rep, 'reference')[1]).toMatch(/^preset loss [\d.]+, start loss [\d.]+, final loss [\d.]+ \([\d.]+ % below the preset\)/)
  })
  it('--init analysis (the default): starts read from the target, jittered copies, the preset; the figures of the match and the preset', async () => {
    const r = await matchCommand(backend, path('kick.wav'), flags({ out: path('analysis'), loss: 'match' }))()
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    const rep = r.right
    expect(rep.init).toBe('analysis')
    expect(rep.starts.map((s) => s.kind)).toEqual(['analysis', 'analysis', 'jitter', 'preset'])
    // the target is the preset kick at 0.8× its pitch unit (about 46 Hz): the match is within 25 cents, the preset is not
    const { match, preset } = rep.figures
    expect(Math.abs(match.centsApart!)).toBeLessThan(25)
    expect(Math.abs(preset.centsApart!)).toBeGreaterThan(50)
    expect(match.envelopeErrorDb).toBeLessThan(preset.envelopeErrorDb)
    expect(match.logMelDistance).toBeLessThan(preset.logMelDistance)
    expect(rep.analysis?.pitch_hz).toBeGreaterThan(40)
    const lines = summaryLines('kick.wav', rep, 'reference')
    expect(lines[2]).toMatch(/^pitch: target [\d.]+ Hz, match [\d.]+ Hz \([+-]\d+ cents\), preset [\d.]+ Hz/)
    expect(lines[3]).toMatch(/^envelope error \(mean \|dB\|\): match [\d.]+ dB, preset [\d.]+ dB/)
    expect(lines[4]).toMatch(/^log-mel distance: match [\d.]+, preset [\d.]+ \([\d.]+× the preset\)/)
    expect(await matchCommand(backend, path('kick.wav'), flags({ init: 'nope' }))()).toMatchObject(E.left({ _tag: 'Usage' }))
  })
  it('the modal drum runs through the same path', async () => {
    const r = await matchCommand(backend, path('kick.wav'), flags({ synth: 'modal-drum', steps: 3, warmup: 1, starts: 0, out: path('modal') }))()
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    expect(r.right.params['mode1.freq_hz']!.value).toBeGreaterThan(30)
    expect(Number.isFinite(r.right.final_loss)).toBe(true)
  })
  it('bad options and inputs are one-line errors: usage for names and numbers, IoError for unreadable files', async () => {
    const left = async (f: MatchFlags, file = path('kick.wav')) => {
      const r = await matchCommand(backend, file, f)()
      return E.isLeft(r) ? r.left : undefined
    }
    expect(await left(flags({ synth: 'piano' }))).toMatchObject({ _tag: 'Usage', message: expect.stringMatching(/cannot fit synth 'piano'.*snare808.*modal-drum/) })
    expect(await left(flags({ loss: 'nope' }))).toMatchObject({ _tag: 'Usage', message: expect.stringMatching(/unknown loss 'nope'/) })
    expect(await left(flags({ warmup: 9 }))).toMatchObject({ _tag: 'Usage' })
    expect(await left(flags(), path('missing.wav'))).toMatchObject({ _tag: 'IoError' })
    expect(await left(flags(), path('tiny.wav'))).toMatchObject({ _tag: 'Usage', message: expect.stringMatching(/at least 256/) })
    const raw = { ...MATCH_DEFAULTS, synth: 'kick808' }
    expect(E.isRight(parseMatchFlags(raw)) && parseMatchFlags(raw)).toMatchObject(E.right({ steps: 100, starts: 1, sr: 22050, init: 'analysis', loss: 'match' }))
    for (const [k, v] of [['steps', '0'], ['lr', '-1'], ['starts', '1.5'], ['sr', 'x'], ['seconds', ''], ['steps', ''], ['sr', '1e9'], ['sr', '1'], ['seed', 'abc'], ['starts', '1e9']] as const)
      expect(parseMatchFlags({ ...raw, [k]: v })).toMatchObject(E.left({ _tag: 'LimitExceeded', message: expect.stringContaining(`--${k}`) }))
  })
  it('the CLI prints one line and exits with 2 on an unreadable WAV', () => {
    const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'match', path('missing.wav'), '--synth', 'snare808', '--backend', 'reference'], { encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n').filter((l) => !l.startsWith('npm warn'))).toEqual([expect.stringMatching(/^ddsp: .*missing\.wav: ENOENT/)])
  })
})
