/**
 * Decoding compressed audio — FLAC, Ogg Vorbis, Ogg Opus, MP3 — with the
 * same guarantees as the WAV reader: the stream's frame headers are read
 * first (`codec-parser`) and their sample rate, channel count and length are
 * checked against the limits and the caller's plan before a decoder runs; the
 * decoders are the maintained WebAssembly builds of libFLAC, libvorbis,
 * libopus and mpg123 (`@wasm-audio-decoders/*`, `ogg-opus-decoder`,
 * `mpg123-decoder`); every failure is an `AudioError` value. Works in Node and
 * in the browser (bytes in, no file system).
 *
 * @example
 * const r = await decodeCompressed('hit.flac', 'flac', bytes, DEFAULT_LIMITS) // Either<AudioError, Audio>
 */
import * as E from 'fp-ts/lib/Either.js'
import CodecParser, { type CodecFrame, type MimeType, type OggPage } from 'codec-parser'
import { formatName, type AudioFormat } from './audio-format.js'
import { audioError, type AudioError, type AudioProblem } from './audio-error.js'
import { checkBytes, checkSampleRate, DEFAULT_LIMITS, MAX_CHANNELS, type Limits } from './limits.js'
import type { Audio, WavPlan } from './wav.js'

/** A compressed format (every `AudioFormat` but WAV). @example const f: CompressedFormat = 'flac' */
export type CompressedFormat = Exclude<AudioFormat, 'wav'>

/** What the frame headers say, before decoding. @example const p: StreamProbe = { sampleRate: 44100, channels: 2, frames: 44100, codecFrames: [] } */
export interface StreamProbe {
  readonly sampleRate: number
  readonly channels: number
  /** sample frames per channel the headers announce */
  readonly frames: number
  /** the codec frames found */
  readonly codecFrames: readonly CodecFrame[]
}

const MIME: Record<CompressedFormat, MimeType> = { flac: 'audio/flac', mp3: 'audio/mpeg', 'ogg-vorbis': 'application/ogg', 'ogg-opus': 'application/ogg' }

/**
 * Reads a compressed stream's frame headers: sample rate, channels, length (no decoding).
 * @param format the sniffed format  @param bytes the file
 * @example probeStream('mp3', bytes) // Right({ sampleRate: 22050, channels: 1, frames: 12672, … })
 */
export const probeStream = (format: CompressedFormat, bytes: Uint8Array): E.Either<AudioProblem, StreamProbe> => {
  const name = formatName(format)
  let parsed: (CodecFrame | OggPage)[]
  try {
    parsed = new CodecParser(MIME[format], { enableLogging: false }).parseAll(bytes)
  } catch (e) {
    return E.left({ kind: 'Decode', format: name, message: e instanceof Error ? e.message : String(e) })
  }
  const frames = parsed.flatMap((p) => ('codecFrames' in p ? p.codecFrames : [p]))
  const first = frames[0]
  if (first === undefined) return E.left({ kind: 'NoFrames', format: name })
  const { sampleRate, channels } = first.header
  const changed = frames.find((f) => f.header.sampleRate !== sampleRate || f.header.channels !== channels)
  if (changed !== undefined) return E.left({ kind: 'MixedStreams', format: name, what: changed.header.sampleRate !== sampleRate ? `sample rate (${sampleRate} → ${changed.header.sampleRate} Hz)` : `channel count (${channels} → ${changed.header.channels})` })
  return E.right({ sampleRate, channels, frames: frames.reduce((s, f) => s + f.samples, 0), codecFrames: frames })
}

/** The decoders' common shape. */
interface Decoded {
  readonly channelData: Float32Array[]
  readonly samplesDecoded: number
  readonly errors: readonly { readonly message: string; readonly frameNumber: number }[]
}

/** Runs the format's decoder (loaded on first use) and frees it. */
const runDecoder = async (format: CompressedFormat, bytes: Uint8Array, probe: StreamProbe): Promise<Decoded> => {
  const use = async <D extends { ready: Promise<void>; free: () => void }>(d: D, f: (d: D) => Decoded | Promise<Decoded>): Promise<Decoded> => {
    try {
      await d.ready
      return await f(d)
    } finally {
      d.free()
    }
  }
  switch (format) {
    case 'flac':
      return use(new (await import('@wasm-audio-decoders/flac')).FLACDecoder(), (d) => d.decodeFile(bytes))
    case 'mp3':
      return use(new (await import('mpg123-decoder')).MPEGDecoder(), (d) => d.decodeFrames(probe.codecFrames.map((f) => f.data)))
    case 'ogg-vorbis':
      return use(new (await import('@wasm-audio-decoders/ogg-vorbis')).OggVorbisDecoder(), (d) => d.decodeFile(bytes))
    case 'ogg-opus':
      return use(new (await import('ogg-opus-decoder')).OggOpusDecoder(), (d) => d.decodeFile(bytes))
  }
}

/** The first non-finite sample, if any. */
const nonFinite = (channels: readonly Float32Array[]): AudioProblem | undefined => {
  for (let c = 0; c < channels.length; c++) {
    const x = channels[c]!
    for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i]!)) return { kind: 'NonFiniteSample', channel: c, frame: i, value: x[i]! }
  }
  return undefined
}

/**
 * Decodes a FLAC, Ogg Vorbis, Ogg Opus or MP3 file's bytes to float channels, checking the headers' sample rate,
 * channel count and length against `limits` (and `plan`) before decoding.
 * @param path named in errors  @param format the sniffed format  @param bytes the file  @param limits sample-rate range and memory budget
 * @param plan optional check of the work the headers imply, before decoding (as for `decodeWav`)
 * @example await decodeCompressed('a.mp3', 'mp3', bytes) // Right({ sampleRate: 22050, channels: [Float32Array(12672)] })
 */
export const decodeCompressed = async (path: string, format: CompressedFormat, bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS, plan?: WavPlan): Promise<E.Either<AudioError, Audio>> => {
  const fail = (p: AudioProblem) => E.left(audioError(path, p))
  const limit = (message: string) => fail({ kind: 'Limit', message })
  // codec-parser only closes a FLAC stream's last frame with 2 bytes after it: a tiny last frame (a constant
  // subframe, i.e. silence at the end) was dropped; 2 zero bytes after the stream are ignored otherwise
  if (format === 'flac') {
    const padded = new Uint8Array(bytes.length + 2)
    padded.set(bytes)
    bytes = padded
  }
  const probe = probeStream(format, bytes)
  if (E.isLeft(probe)) return fail(probe.left)
  const { sampleRate, channels, frames } = probe.right
  const rate = checkSampleRate(`${formatName(format)} sample rate`, sampleRate, limits)
  if (E.isLeft(rate)) return limit(rate.left.message)
  if (!(channels >= 1 && channels <= MAX_CHANNELS)) return limit(`${formatName(format)} channel count is ${channels}, must be in [1, ${MAX_CHANNELS}]`)
  // the decoder's output (mpg123 always gives two channels) and the copy kept, float32
  const need = checkBytes(`decoding ${frames} frames × ${channels} channels`, 4 * frames * (Math.max(2, channels) + channels) + 2 * bytes.length, limits)
  if (E.isLeft(need)) return limit(need.left.message)
  const planned = plan?.(frames, sampleRate)
  if (planned !== undefined && E.isLeft(planned)) return limit(planned.left.message)
  let out: Decoded
  try {
    out = await runDecoder(format, bytes, probe.right)
  } catch (e) {
    return fail({ kind: 'Decode', format: formatName(format), message: e instanceof Error ? e.message : String(e) })
  }
  const err = out.errors[0]
  if (err !== undefined) return fail({ kind: 'Decode', format: formatName(format), message: `frame ${err.frameNumber}: ${err.message}${out.errors.length > 1 ? ` (and ${out.errors.length - 1} more errors)` : ''}` })
  const kept = out.channelData.slice(0, channels).map((c) => (c.length === out.samplesDecoded ? c : c.slice(0, out.samplesDecoded)))
  if (kept.length < channels) return fail({ kind: 'Decode', format: formatName(format), message: `${kept.length} channels decoded, the headers say ${channels}` })
  const bad = nonFinite(kept)
  return bad === undefined ? E.right({ sampleRate, channels: kept }) : fail(bad)
}
