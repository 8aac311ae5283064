/**
 * The `fmt ` chunk of a WAV file, decoded and checked: the codec (PCM 8, 16,
 * 24 or 32-bit; IEEE float 32 or 64-bit; G.711 A-law or µ-law 8-bit, plain or
 * as WAVE_FORMAT_EXTENSIBLE), the channel count (1 … 64), the block size
 * (channels × bytes per sample) and the sample rate, which must lie in the
 * limits' range. Every other format tag is refused by number and name.
 *
 * @example
 * parseFormat(fmtBytes, DEFAULT_LIMITS) // Either<WavProblem, WavFormat>
 */
import * as E from 'fp-ts/lib/Either.js'
import { checkSampleRate, MAX_CHANNELS, type Limits } from './limits.js'
import type { WavProblem } from './wav-error.js'

/** How samples are stored. @example const c: Codec = 'alaw' */
export type Codec = 'pcm' | 'float' | 'alaw' | 'mulaw'

/** A checked format. @example const f: WavFormat = { codec: 'pcm', bits: 16, channels: 2, sampleRate: 44100, blockAlign: 4 } */
export interface WavFormat {
  readonly codec: Codec
  readonly bits: number
  readonly channels: number
  readonly sampleRate: number
  /** bytes per frame (all channels of one sample time) */
  readonly blockAlign: number
}

const KNOWN: Readonly<Record<number, string>> = {
  0x0000: 'unknown', 0x0002: 'Microsoft ADPCM', 0x0011: 'IMA ADPCM', 0x0031: 'GSM 6.10', 0x0040: 'G.721 ADPCM',
  0x0050: 'MPEG', 0x0055: 'MPEG layer 3', 0x0092: 'Dolby AC-3 SPDIF', 0x00ff: 'AAC', 0x0161: 'WMA', 0x1610: 'HE-AAC', 0xf1ac: 'FLAC',
}
const CODECS: Readonly<Record<number, readonly [Codec, readonly number[]]>> = {
  1: ['pcm', [8, 16, 24, 32]],
  3: ['float', [32, 64]],
  6: ['alaw', [8]],
  7: ['mulaw', [8]],
}
// KSDATAFORMAT_SUBTYPE_*: the format tag, then 00 00 00 00 10 00 80 00 00 AA 00 38 9B 71
const GUID_TAIL = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71]

const badField = (field: string, value: number, expected: string): E.Either<WavProblem, never> => E.left({ kind: 'BadField', field, value, expected })

/** The effective format tag: the plain one, or the sub-format of WAVE_FORMAT_EXTENSIBLE. */
const effectiveTag = (fmt: Uint8Array, v: DataView): E.Either<WavProblem, number> => {
  const tag = v.getUint16(0, true)
  if (tag !== 0xfffe) return E.right(tag)
  if (fmt.length < 40) return E.left({ kind: 'Truncated', what: 'the extensible fmt chunk', needed: 40, available: fmt.length })
  const cb = v.getUint16(16, true)
  if (cb < 22) return badField('the extensible fmt chunk’s cbSize', cb, '≥ 22')
  const sub = v.getUint16(24, true)
  const guidOk = GUID_TAIL.every((x, i) => fmt[26 + i] === x)
  return guidOk ? E.right(sub) : E.left({ kind: 'UnsupportedFormat', tag: 0xfffe, name: 'extensible with a non-standard sub-format GUID' })
}

/**
 * Decodes and checks a `fmt ` chunk.
 * @param fmt the chunk's body  @param limits sample-rate range
 * @example parseFormat(fmt, DEFAULT_LIMITS)
 */
export const parseFormat = (fmt: Uint8Array, limits: Limits): E.Either<WavProblem, WavFormat> => {
  if (fmt.length < 16) return E.left({ kind: 'Truncated', what: "the 'fmt ' chunk", needed: 16, available: fmt.length })
  const v = new DataView(fmt.buffer, fmt.byteOffset, fmt.byteLength)
  const tag = effectiveTag(fmt, v)
  if (E.isLeft(tag)) return tag
  const known = CODECS[tag.right]
  if (known === undefined) return E.left({ kind: 'UnsupportedFormat', tag: tag.right, name: KNOWN[tag.right] ?? 'unknown' })
  const [codec, widths] = known
  const channels = v.getUint16(2, true)
  const sampleRate = v.getUint32(4, true)
  const blockAlign = v.getUint16(12, true)
  const bits = v.getUint16(14, true)
  if (!widths.includes(bits)) return badField(`bits per sample of ${codec}`, bits, `one of ${widths.join(', ')}`)
  if (channels < 1 || channels > MAX_CHANNELS) return badField('the channel count', channels, `1 … ${MAX_CHANNELS}`)
  if (blockAlign !== (channels * bits) / 8) return badField('the block size', blockAlign, `channels × bytes per sample = ${(channels * bits) / 8}`)
  const rate = checkSampleRate('the header’s sample rate', sampleRate, limits)
  if (E.isLeft(rate)) return E.left({ kind: 'Limit', message: rate.left.message })
  return E.right({ codec, bits, channels, sampleRate, blockAlign })
}
