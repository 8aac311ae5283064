/**
 * Sample bytes to float channels: PCM (8-bit unsigned, 16/24/32-bit signed,
 * divided by 2^(bits−1)), IEEE float (32/64-bit, every value checked finite),
 * A-law and µ-law by the G.711 tables (`g711.ts`). A trailing partial frame
 * is dropped. The first non-finite sample is reported by channel and frame.
 *
 * @example
 * decodeSamples(data, { codec: 'pcm', bits: 16, channels: 1, sampleRate: 16000, blockAlign: 2 }) // Right([Float32Array])
 */
import * as E from 'fp-ts/lib/Either.js'
import { G711_TABLES } from './g711.js'
import type { WavProblem } from './wav-error.js'
import type { WavFormat } from './wav-format.js'

type Reader = (v: DataView, at: number) => number

const reader = (f: WavFormat): Reader => {
  switch (f.codec) {
    case 'alaw':
      return (v, at) => G711_TABLES.alaw[v.getUint8(at)]!
    case 'mulaw':
      return (v, at) => G711_TABLES.mulaw[v.getUint8(at)]!
    case 'float':
      return f.bits === 32 ? (v, at) => v.getFloat32(at, true) : (v, at) => v.getFloat64(at, true)
    case 'pcm':
      if (f.bits === 8) return (v, at) => (v.getUint8(at) - 128) / 128
      if (f.bits === 16) return (v, at) => v.getInt16(at, true) / 32768
      if (f.bits === 24) return (v, at) => ((v.getUint8(at) | (v.getUint8(at + 1) << 8) | (v.getInt8(at + 2) << 16)) / 8388608)
      return (v, at) => v.getInt32(at, true) / 2147483648
  }
}

/**
 * Decodes interleaved frames into one Float32Array per channel.
 * @param data the data chunk's bytes  @param f the checked format
 * @returns the channels, or the first non-finite sample (float files; a float64 value beyond float32's range counts)
 * @example decodeSamples(new Uint8Array([0xd5]), { codec: 'alaw', bits: 8, channels: 1, sampleRate: 8000, blockAlign: 1 }) // Right([[8 / 32768]])
 */
export const decodeSamples = (data: Uint8Array, f: WavFormat): E.Either<WavProblem, Float32Array[]> => {
  const frames = Math.floor(data.length / f.blockAlign)
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const read = reader(f)
  const width = f.bits / 8
  const channels = Array.from({ length: f.channels }, () => new Float32Array(frames))
  for (let c = 0; c < f.channels; c++) {
    const out = channels[c]!
    for (let i = 0, at = c * width; i < frames; i++, at += f.blockAlign) out[i] = read(v, at)
    if (f.codec === 'float')
      for (let i = 0; i < frames; i++)
        if (!Number.isFinite(out[i]!)) return E.left({ kind: 'NonFiniteSample', channel: c, frame: i, sampleRate: f.sampleRate, value: read(v, c * width + i * f.blockAlign) })
  }
  return E.right(channels)
}
