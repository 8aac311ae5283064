/**
 * WAV decoding: every supported codec decodes to the right values (G.711 by
 * its reference tables), and every lie or unsupported choice in a header is a
 * typed WavError naming it.
 *
 * @example
 * npx vitest run src/io/wav.test.ts
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { alawToLinear, linearToAlaw, linearToMulaw, mulawToLinear } from './g711.js'
import { DEFAULT_LIMITS } from './limits.js'
import { decodeWav, readWav, writeWav } from './wav.js'
import { formatWavProblem, type WavProblem } from './wav-error.js'
import { floatData, pcm16Data, sine, wavBytes } from './wav-bytes.js'

const problem = (bytes: Uint8Array): WavProblem | undefined => {
  const r = decodeWav('x.wav', bytes)
  return E.isLeft(r) ? r.left.problem : undefined
}
const decoded = (bytes: Uint8Array) => {
  const r = decodeWav('x.wav', bytes)
  if (E.isLeft(r)) throw new Error(formatWavProblem(r.left.problem))
  return r.right
}
const peak = (x: Float32Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0)

describe('G.711', () => {
  it('matches the reference values at the ends and the middle of each law', () => {
    expect([alawToLinear(0xd5), alawToLinear(0x55), alawToLinear(0xaa), alawToLinear(0x2a)]).toEqual([8, -8, 32256, -32256])
    expect([mulawToLinear(0xff), mulawToLinear(0x7f), mulawToLinear(0x80), mulawToLinear(0x00)]).toEqual([0, 0, 32124, -32124])
  })
  it('encode → decode is within one quantisation step (≤ 1/16 of the value, 16 near zero)', () => {
    for (let x = -32768; x < 32768; x += 37) {
      expect(Math.abs(alawToLinear(linearToAlaw(x)) - x)).toBeLessThanOrEqual(Math.max(16, Math.abs(x) / 16 + 8))
      expect(Math.abs(mulawToLinear(linearToMulaw(x)) - x)).toBeLessThanOrEqual(Math.max(16, Math.abs(x) / 16 + 8))
    }
  })
  it('every byte decodes again to itself', () => {
    for (let b = 0; b < 256; b++) {
      expect(linearToAlaw(alawToLinear(b))).toBe(b)
      if (b !== 0x7f) expect(linearToMulaw(mulawToLinear(b))).toBe(b) // 0x7f and 0xff are both zero
    }
  })
})

describe('decodeWav', () => {
  const tone = sine(4000, 440, 16000, 0.5)
  it('A-law and µ-law files decode at their level (peak ≈ 0.5, not ≈ 127)', () => {
    for (const [format, enc] of [[6, linearToAlaw], [7, linearToMulaw]] as const) {
      const a = decoded(wavBytes({ format, bits: 8, sampleRate: 16000, data: Uint8Array.from(tone, (v) => enc(32767 * v)) }))
      expect(peak(a.channels[0]!)).toBeGreaterThan(0.48)
      expect(peak(a.channels[0]!)).toBeLessThan(0.52)
      const err = a.channels[0]!.reduce((m, v, i) => Math.max(m, Math.abs(v - tone[i]!)), 0)
      expect(err).toBeLessThan(0.02)
    }
  })
  it('PCM 8/16/24/32 and float 32/64, mono and stereo, decode to the same tone', () => {
    const q = (bits: number) => (v: number) => Math.round(v * 2 ** (bits - 1))
    const bytesOf = (bits: number, xs: Float64Array) => {
      const out = new Uint8Array((xs.length * bits) / 8)
      const v = new DataView(out.buffer)
      xs.forEach((x, i) => {
        const at = (i * bits) / 8
        if (bits === 8) v.setUint8(at, q(8)(x) + 128)
        else if (bits === 16) v.setInt16(at, q(16)(x), true)
        else if (bits === 24) { const n = q(24)(x); v.setUint8(at, n & 0xff); v.setUint8(at + 1, (n >> 8) & 0xff); v.setInt8(at + 2, n >> 16) }
        else if (bits === 32) v.setInt32(at, q(32)(x), true)
      })
      return out
    }
    for (const bits of [8, 16, 24, 32]) {
      const a = decoded(wavBytes({ format: 1, bits, sampleRate: 16000, data: bytesOf(bits, tone) }))
      expect(a.channels[0]!.reduce((m, v, i) => Math.max(m, Math.abs(v - tone[i]!)), 0)).toBeLessThan(2 ** (1 - bits) + 1e-7)
    }
    const f64 = new Uint8Array(tone.length * 8)
    tone.forEach((x, i) => new DataView(f64.buffer).setFloat64(8 * i, x, true))
    expect(decoded(wavBytes({ format: 3, bits: 64, sampleRate: 16000, data: f64 })).channels[0]![7]).toBeCloseTo(tone[7]!, 6)
    const stereo = decoded(wavBytes({ format: 1, bits: 16, channels: 2, sampleRate: 16000, data: pcm16Data([0.5, -0.25, 0.1, 0.2]) }))
    expect(stereo.channels.map((c) => Array.from(c, (v) => Math.round(v * 100) / 100))).toEqual([[0.5, 0.1], [-0.25, 0.2]])
  })
  it('WAVE_FORMAT_EXTENSIBLE with the PCM sub-format GUID reads as PCM', () => {
    const plain = wavBytes({ format: 1, bits: 16, sampleRate: 16000, data: pcm16Data(tone) })
    const fmt = new Uint8Array(40)
    const v = new DataView(fmt.buffer)
    v.setUint16(0, 0xfffe, true); v.setUint16(2, 1, true); v.setUint32(4, 16000, true); v.setUint32(8, 32000, true)
    v.setUint16(12, 2, true); v.setUint16(14, 16, true); v.setUint16(16, 22, true); v.setUint16(18, 16, true); v.setUint16(24, 1, true)
    fmt.set([0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71], 26)
    const ext = new Uint8Array([...plain.subarray(0, 12), ...[0x66, 0x6d, 0x74, 0x20, 40, 0, 0, 0], ...fmt, ...plain.subarray(36)])
    new DataView(ext.buffer).setUint32(4, ext.length - 8, true)
    expect(Array.from(decoded(ext).channels[0]!.subarray(0, 50))).toEqual(Array.from(decoded(plain).channels[0]!.subarray(0, 50)))
  })
  it('reads back what writeWav writes (32-bit float and 16-bit PCM)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ddsp-wav-'))
    try {
      const y = Float32Array.from(tone)
      for (const depth of ['32f', '16'] as const) {
        const p = join(dir, `${depth}.wav`)
        expect(E.isRight(await writeWav(p, { sampleRate: 22050, channels: [y, y] }, depth)())).toBe(true)
        const r = await readWav(p)()
        if (E.isLeft(r)) throw new Error('unreadable')
        expect(r.right.sampleRate).toBe(22050)
        expect(r.right.channels[1]!.reduce((m, v, i) => Math.max(m, Math.abs(v - y[i]!)), 0)).toBeLessThan(depth === '16' ? 1e-4 : 1e-7)
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
  it('a data chunk claiming more than the file holds is cut to the whole frames present', () => {
    expect(decoded(wavBytes({ format: 1, bits: 16, channels: 2, sampleRate: 16000, data: pcm16Data([0.5, 0.5, 0.5]), dataSize: 0xffffffff })).channels[0]!.length).toBe(1)
  })
})

describe('decodeWav refuses, naming what is wrong', () => {
  const ok = { format: 3, bits: 32, sampleRate: 16000, data: floatData([0, 0.5, -0.5]) }
  it('an unknown format tag (0x1234) and compressed ones', () => {
    expect(problem(wavBytes({ ...ok, format: 0x1234, bits: 16 }))).toEqual({ kind: 'UnsupportedFormat', tag: 0x1234, name: 'unknown' })
    expect(problem(wavBytes({ ...ok, format: 0x55, bits: 16 }))).toMatchObject({ kind: 'UnsupportedFormat', name: 'MPEG layer 3' })
  })
  it('NaN and ±Inf samples, by channel and frame', () => {
    const tone = sine(400, 100, 16000)
    expect(problem(wavBytes({ ...ok, data: floatData(tone.map((v, i) => (i === 100 ? NaN : v))) }))).toEqual({ kind: 'NonFiniteSample', channel: 0, frame: 100, sampleRate: 16000, value: NaN })
    expect(problem(wavBytes({ ...ok, channels: 2, data: floatData([0, 0, 0, -Infinity]) }))).toMatchObject({ channel: 1, frame: 1, value: -Infinity })
    expect(formatWavProblem(problem(wavBytes({ ...ok, data: floatData(tone.map((v, i) => (i === 100 ? NaN : v))) }))!)).toBe('sample 100 (0.00625 s) of channel 0 is NaN; samples must be finite')
  })
  it('sample rates outside [8000, 384000] Hz unless the limits widen them', () => {
    for (const sampleRate of [0, 1, 7999, 384001, 1e9]) expect(problem(wavBytes({ ...ok, sampleRate }))?.kind).toBe('Limit')
    const wide = { ...DEFAULT_LIMITS, sampleRate: { min: 1000, max: 1_536_000 } }
    expect(E.isRight(decodeWav('x.wav', wavBytes({ ...ok, sampleRate: 1000 }), wide))).toBe(true)
  })
  it('bad structure and fields', () => {
    expect(problem(new Uint8Array(5))?.kind).toBe('Truncated')
    expect(problem(new TextEncoder().encode('RIFX\0\0\0\0WAVEfmt '))?.kind).toBe('NotRiff')
    expect(problem(new TextEncoder().encode('ID3\u0004xxxxxxxxxxxxx'))?.kind).toBe('NotRiff')
    expect(problem(wavBytes({ ...ok, channels: 0 }))).toMatchObject({ kind: 'BadField', field: 'the channel count' })
    expect(problem(wavBytes({ ...ok, channels: 65535 }))).toMatchObject({ kind: 'BadField' })
    expect(problem(wavBytes({ ...ok, bits: 12 }))).toMatchObject({ kind: 'BadField' })
    expect(problem(wavBytes({ ...ok, extraChunks: [{ id: 'LIST', body: new Uint8Array(4) }] }))).toBeUndefined()
    const lying = wavBytes({ ...ok, extraChunks: [{ id: 'LIST', body: new Uint8Array(4) }] })
    new DataView(lying.buffer).setUint32(40, 0x7fffffff, true) // the LIST chunk's size
    expect(problem(lying)?.kind).toBe('Truncated')
  })
  it('a file whose decoded samples exceed the memory budget, before decoding', () => {
    const r = decodeWav('x.wav', wavBytes({ ...ok, data: new Uint8Array(4 << 20) }), { ...DEFAULT_LIMITS, memoryBytes: 2 << 20 })
    expect(E.isLeft(r) && formatWavProblem(r.left.problem)).toMatch(/needs ≈ 8 MiB; the memory budget is 2 MiB/)
  })
})
