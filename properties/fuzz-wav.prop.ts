/**
 * Fuzzing the WAV reader: RIFF files generated over their structure (the
 * header, any order and number of chunks, declared sizes that lie, `fmt `
 * fields drawn from the valid, the edge and the absurd, then truncated or
 * with bytes flipped). Every file must end, within 250 ms and without
 * allocating more than four float bytes per file byte, in either audio that
 * satisfies the limits (finite samples, a rate in range, 1 … 64 channels of
 * equal length) or a typed `WavError` whose message is one line.
 *
 * @example
 * DDSP_PROPERTY_RUNS=1000 npx vitest run properties/fuzz-wav.prop.ts
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, MAX_CHANNELS, type Limits } from '../src/io/limits.js'
import { decodeWav } from '../src/io/wav.js'
import { formatWavProblem } from '../src/io/wav-error.js'
import { params } from './runs.js'

const u16 = fc.oneof(fc.constantFrom(0, 1, 2, 8, 16, 24, 32, 64, 0xfffe, 0xffff), fc.integer({ min: 0, max: 0xffff }))
const u32 = fc.oneof(fc.constantFrom(0, 1, 7999, 8000, 16000, 44100, 384000, 384001, 1e9, 0xffffffff), fc.integer({ min: 0, max: 0xffffffff }))

/** Mostly `good`, sometimes `bad` (4 : 1). */
const mostly = <A>(good: fc.Arbitrary<A>, bad: fc.Arbitrary<A>) => fc.oneof({ arbitrary: good, weight: 4 }, { arbitrary: bad, weight: 1 })

/** A `fmt ` body: mostly well-formed with some fields hostile, sometimes short or extended. */
const fmtBody = fc
  .record({
    tag: mostly(fc.constantFrom(1, 3, 6, 7, 0xfffe), u16),
    channels: mostly(fc.integer({ min: 1, max: 2 }), u16),
    rate: mostly(fc.constantFrom(8000, 16000, 44100, 384000), u32),
    bits: mostly(fc.constantFrom(8, 16, 24, 32, 64), u16),
    alignLie: mostly(fc.constant(false), fc.boolean()),
    align: u16,
    extra: mostly(fc.constant(new Uint8Array(0)), fc.uint8Array({ maxLength: 30 })),
    length: mostly(fc.constantFrom(16, 40), fc.integer({ min: 0, max: 48 })),
  })
  .map((f) => {
    const b = new Uint8Array(Math.max(f.length, 16) + f.extra.length)
    const v = new DataView(b.buffer)
    v.setUint16(0, f.tag, true)
    v.setUint16(2, f.channels, true)
    v.setUint32(4, f.rate, true)
    const align = f.alignLie ? f.align : ((f.channels * f.bits) >> 3) & 0xffff
    v.setUint32(8, (f.rate * align) >>> 0, true)
    v.setUint16(12, align, true)
    v.setUint16(14, f.bits, true)
    if (f.tag === 0xfffe && b.length >= 40) {
      v.setUint16(16, 22, true)
      v.setUint16(24, f.channels % 2 === 0 ? 1 : 3, true)
      b.set([0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71], 26)
    }
    b.set(f.extra, Math.max(f.length, 16))
    return b.subarray(0, f.length + f.extra.length)
  })

/** A chunk: an id, a body, and a declared size that may lie. */
const chunk = fc.record({
  id: fc.oneof(fc.constantFrom('fmt ', 'data', 'LIST', 'fact', 'data', 'fmt '), fc.string({ minLength: 4, maxLength: 4 })),
  body: fc.uint8Array({ maxLength: 600 }),
  fmt: fmtBody,
  lie: mostly(fc.constant(undefined), u32),
})

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0) & 0xff)

/** A whole file: header, chunks, then a truncation or a few flipped bytes. */
const wavFile = fc
  .record({
    head: mostly(fc.constant('RIFF'), fc.oneof(fc.constantFrom('RIFX', 'RF64', 'OggS'), fc.string({ minLength: 4, maxLength: 4 }))),
    form: mostly(fc.constant('WAVE'), fc.string({ minLength: 4, maxLength: 4 })),
    riffLie: mostly(fc.constant(null), u32),
    chunks: fc.oneof(
      { arbitrary: fc.array(chunk, { maxLength: 5 }), weight: 1 },
      // a well-formed skeleton (fmt, optional extra chunks, data) with hostile fields inside
      { arbitrary: fc.tuple(chunk, fc.array(chunk, { maxLength: 2 }), chunk).map(([f, extra, d]) => [{ ...f, id: 'fmt ' }, ...extra.filter((c) => c.id !== 'fmt ' && c.id !== 'data'), { ...d, id: 'data' }]),
      weight: 3 },
    ),
    cut: mostly(fc.constant(null), fc.nat()),
    flips: mostly(fc.constant<[number, number][]>([]), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 })),
  })
  .map((f) => {
    const parts: number[] = [...ascii(f.head), 0, 0, 0, 0, ...ascii(f.form)]
    for (const c of f.chunks) {
      const body = c.id === 'fmt ' ? c.fmt : c.body
      const size = c.lie ?? body.length
      parts.push(...ascii(c.id), size & 0xff, (size >>> 8) & 0xff, (size >>> 16) & 0xff, (size >>> 24) & 0xff, ...body)
      if (body.length % 2 === 1) parts.push(0)
    }
    const b = Uint8Array.from(parts)
    new DataView(b.buffer).setUint32(4, f.riffLie ?? b.length - 8, true)
    for (const [at, x] of f.flips) if (b.length > 0) b[at % b.length] = x
    return f.cut === null || b.length === 0 ? b : b.subarray(0, f.cut % (b.length + 1))
  })

/** Decodes under limits and checks the outcome's invariants; returns the outcome kind. */
const decodeChecked = (bytes: Uint8Array, limits: Limits): string => {
  const t0 = performance.now()
  const r = decodeWav('fuzz.wav', bytes, limits)
  expect(performance.now() - t0).toBeLessThan(250)
  if (E.isLeft(r)) {
    expect(r.left._tag).toBe('WavError')
    const line = formatWavProblem(r.left.problem)
    expect(line.length).toBeGreaterThan(0)
    expect(line).not.toMatch(/\n/)
    return r.left.problem.kind
  }
  const { sampleRate, channels } = r.right
  expect(sampleRate).toBeGreaterThanOrEqual(limits.sampleRate.min)
  expect(sampleRate).toBeLessThanOrEqual(limits.sampleRate.max)
  expect(channels.length).toBeGreaterThanOrEqual(1)
  expect(channels.length).toBeLessThanOrEqual(MAX_CHANNELS)
  expect(new Set(channels.map((c) => c.length)).size).toBe(1)
  expect(channels.reduce((n, c) => n + c.byteLength, 0)).toBeLessThanOrEqual(4 * bytes.length)
  for (const c of channels) expect(c.every(Number.isFinite)).toBe(true)
  return 'ok'
}

describe('fuzz: WAV files over the RIFF structure', () => {
  it('every generated file decodes within the limits or is one typed WavError, in bounded time and memory', () => {
    const seen = new Map<string, number>()
    fc.assert(
      fc.property(wavFile, (bytes) => {
        const kind = decodeChecked(bytes, DEFAULT_LIMITS)
        seen.set(kind, (seen.get(kind) ?? 0) + 1)
      }),
      params(25),
    )
    // the generator reaches past the header checks: decoded audio and refusals of several kinds
    expect(seen.get('ok') ?? 0).toBeGreaterThan(0)
    expect(seen.size).toBeGreaterThan(3)
  })
  it('under a 1 MiB budget, files that would decode beyond it are refused before decoding', () => {
    const small: Limits = { ...DEFAULT_LIMITS, memoryBytes: 2 ** 20 }
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.constantFrom(1, 2), (mb, channels) => {
        const data = new Uint8Array(mb * 2 ** 18 * channels)
        const head = new Uint8Array(44)
        const v = new DataView(head.buffer)
        head.set(ascii('RIFF'), 0); v.setUint32(4, 36 + data.length, true); head.set(ascii('WAVEfmt '), 8); v.setUint32(16, 16, true)
        v.setUint16(20, 1, true); v.setUint16(22, channels, true); v.setUint32(24, 16000, true); v.setUint16(32, 2 * channels, true); v.setUint16(34, 16, true)
        head.set(ascii('data'), 36); v.setUint32(40, data.length, true)
        const bytes = new Uint8Array(44 + data.length)
        bytes.set(head); bytes.set(data, 44)
        const frames = data.length / (2 * channels)
        expect(decodeChecked(bytes, small)).toBe(4 * frames * (channels + 1) > small.memoryBytes ? 'Limit' : 'ok')
      }),
      params(0.5),
    )
  })
})
