/**
 * Compressed audio in: a 0.5 s tone (440 Hz + 880 Hz, peak 0.5) encoded by
 * flac, lame, oggenc and opusenc (src/io/__fixtures__, a few KB each) decodes
 * to the tone at its rate and length; a WAV still goes through the WAV
 * reader; every refusal — unknown bytes, a rate or size beyond the limits, a
 * caller's plan, a damaged stream — is a typed value before any decoding.
 *
 * @example
 * npx vitest run src/io/audio-file.test.ts
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { formatAudioProblem } from './audio-error.js'
import { decodeAudio, readAudio } from './audio-file.js'
import { sniffAudio } from './audio-format.js'
import { probeStream } from './audio-decode.js'
import { DEFAULT_LIMITS, limitExceeded } from './limits.js'
import { formatWavProblem } from './wav-error.js'
import { pcm16Data, sine, wavBytes } from './wav-bytes.js'

const fixture = (name: string) => fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url))
const message = (e: { _tag: string; problem?: unknown; message?: string }): string =>
  e._tag === 'AudioError' ? formatAudioProblem(e.problem as never) : e._tag === 'WavError' ? formatWavProblem(e.problem as never) : String(e.message)

/** The dominant frequency by zero crossings over the middle of the signal. */
const crossingsHz = (x: Float32Array, sr: number): number => {
  const a = Math.floor(x.length / 4)
  const b = Math.floor((3 * x.length) / 4)
  let n = 0
  for (let i = a + 1; i < b; i++) if (x[i - 1]! < 0 && x[i]! >= 0) n++
  return (n * sr) / (b - a)
}
const peak = (x: Float32Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0)

describe('readAudio', () => {
  it.each([
    ['tone.flac', 'flac', 16000, 8000, 8000],
    ['tone.mp3', 'mp3', 22050, 11025, 12672], // the encoder's delay and padding stay (no LAME tag)
    ['tone.ogg', 'ogg-vorbis', 16000, 8000, 8000],
    ['tone.opus', 'ogg-opus', 48000, 24000, 24312],
  ] as const)('%s (%s) decodes to the 440 Hz tone at %i Hz', async (name, format, sr, least, most) => {
    const bytes = await readFile(fixture(name))
    expect(sniffAudio(bytes)).toBe(format)
    const r = await readAudio(fixture(name))()
    if (E.isLeft(r)) throw new Error(message(r.left))
    expect(r.right.sampleRate).toBe(sr)
    expect(r.right.channels).toHaveLength(1)
    const x = r.right.channels[0]!
    expect(x.length).toBeGreaterThanOrEqual(least)
    expect(x.length).toBeLessThanOrEqual(most)
    expect(Math.abs(crossingsHz(x, sr) - 440)).toBeLessThan(10)
    expect(peak(x)).toBeGreaterThan(0.35)
    expect(peak(x)).toBeLessThan(0.6)
  })

  it("a FLAC whose last frame is a few bytes of silence keeps it (STREAMINFO's 4800 samples)", async () => {
    const r = await readAudio(fixture('silent-end.flac'))()
    expect(E.isRight(r) && r.right.channels[0]!.length).toBe(4800)
  })

  it('a WAV goes through the WAV reader (its typed errors included)', async () => {
    const ok = await decodeAudio('a.wav', wavBytes({ format: 1, bits: 16, sampleRate: 16000, data: pcm16Data(sine(1600, 440, 16000, 0.5)) }))
    expect(E.isRight(ok) && ok.right.channels[0]!.length).toBe(1600)
    const bad = await decodeAudio('a.wav', new TextEncoder().encode('RIFF\x04\0\0\0WAVE'))
    expect(E.isLeft(bad) && bad.left._tag).toBe('WavError')
  })

  it('refuses bytes of no known format, naming what they start with', async () => {
    const r = await decodeAudio('notes.txt', new TextEncoder().encode('hello world'))
    expect(E.isLeft(r) && message(r.left)).toBe('not an audio file ddsp-ts reads (starts with "hell"); it reads WAV, FLAC, Ogg Vorbis, Ogg Opus, MP3')
    const empty = await decodeAudio('empty.mp3', new Uint8Array(0))
    expect(E.isLeft(empty) && empty.left._tag).toBe('AudioError')
  })

  it('checks the sample rate, the memory estimate and the plan from the headers, before decoding', async () => {
    const bytes = await readFile(fixture('tone.flac'))
    const rate = await decodeAudio('t.flac', bytes, { ...DEFAULT_LIMITS, sampleRate: { min: 22050, max: 48000 } })
    expect(E.isLeft(rate) && message(rate.left)).toMatch(/^FLAC sample rate is 16000 Hz, outside \[22050, 48000\] Hz/)
    const memory = await decodeAudio('t.flac', bytes, { ...DEFAULT_LIMITS, memoryBytes: 64 * 1024 })
    expect(E.isLeft(memory) && message(memory.left)).toMatch(/^decoding 8000 frames × 1 channels needs ≈ .* the memory budget is 64 KiB/)
    let seen: readonly number[] = []
    const plan = await decodeAudio('t.flac', bytes, DEFAULT_LIMITS, (frames, sr) => {
      seen = [frames, sr]
      return E.left(limitExceeded('plan', `features of ${frames} samples refused`))
    })
    expect(seen).toEqual([8000, 16000])
    expect(E.isLeft(plan) && message(plan.left)).toBe('features of 8000 samples refused')
  })

  it('a damaged stream is a typed error, never a throw', async () => {
    for (const name of ['tone.flac', 'tone.mp3', 'tone.ogg', 'tone.opus']) {
      const bytes = new Uint8Array(await readFile(fixture(name)))
      const cut = bytes.slice(0, 64) // the headers and no audio
      const r = await decodeAudio(name, cut)
      if (E.isLeft(r)) expect(['AudioError', 'WavError']).toContain(r.left._tag)
      const noisy = bytes.slice()
      for (let i = 200; i < noisy.length; i += 7) noisy[i] = (noisy[i]! * 31 + 17) & 0xff
      const s = await decodeAudio(name, noisy)
      if (E.isRight(s)) for (const c of s.right.channels) expect(c.every(Number.isFinite)).toBe(true)
      else expect(s.left._tag).toBe('AudioError')
    }
  })

  it('the probe reads the headers only: rate, channels, announced length', async () => {
    const p = probeStream('mp3', await readFile(fixture('tone.mp3')))
    expect(E.isRight(p) && [p.right.sampleRate, p.right.channels, p.right.frames]).toEqual([22050, 1, 12672])
  })

  it('file-system failures are IoErrors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ddsp-audio-'))
    try {
      const r = await readAudio(join(dir, 'missing.flac'))()
      expect(E.isLeft(r) && r.left._tag).toBe('IoError')
      await writeFile(join(dir, 'big.mp3'), new Uint8Array(3 << 20))
      const big = await readAudio(join(dir, 'big.mp3'), { ...DEFAULT_LIMITS, memoryBytes: 2 << 20 })()
      expect(E.isLeft(big) && message(big.left)).toMatch(/is 3 MiB; at most 2 MiB is read/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
