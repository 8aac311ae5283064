/**
 * Which audio format a file holds, from its first bytes (not its name): WAV
 * (RIFF/RF64), FLAC, Ogg Vorbis, Ogg Opus or MP3 (with or without an ID3v2
 * tag). `sniffAudio` reads at most the ID3 tag's length plus a few bytes.
 *
 * @example
 * sniffAudio(new TextEncoder().encode('fLaC\0\0\0\x22')) // 'flac'
 * sniffAudio(new TextEncoder().encode('hello'))          // undefined
 */

/** A format ddsp-ts reads. @example const f: AudioFormat = 'mp3' */
export type AudioFormat = 'wav' | 'flac' | 'ogg-vorbis' | 'ogg-opus' | 'mp3'

/** Every format `readAudio` accepts, for messages. @example AUDIO_FORMATS.join(', ') // 'WAV, FLAC, Ogg Vorbis, Ogg Opus, MP3' */
export const AUDIO_FORMATS: readonly string[] = ['WAV', 'FLAC', 'Ogg Vorbis', 'Ogg Opus', 'MP3']

const ascii = (b: Uint8Array, at: number, n: number): string => String.fromCharCode(...b.subarray(at, at + n))

/** An MPEG audio layer III frame header (sync, a valid version, layer III, bitrate and rate indices not reserved). */
const isMp3Frame = (b: Uint8Array, at: number): boolean => {
  if (at + 4 > b.length || b[at] !== 0xff) return false
  const b1 = b[at + 1]!
  const b2 = b[at + 2]!
  return (b1 & 0xe0) === 0xe0 && (b1 & 0x18) !== 0x08 && (b1 & 0x06) === 0x02 && b2 >> 4 !== 0x0f && ((b2 >> 2) & 3) !== 3
}

/** The size of an ID3v2 tag at the start (header + synchsafe length + footer), or 0. */
const id3Length = (b: Uint8Array): number =>
  b.length >= 10 && ascii(b, 0, 3) === 'ID3'
    ? 10 + (((b[6]! & 0x7f) << 21) | ((b[7]! & 0x7f) << 14) | ((b[8]! & 0x7f) << 7) | (b[9]! & 0x7f)) + ((b[5]! & 0x10) !== 0 ? 10 : 0)
    : 0

/**
 * The format of a file's bytes, or undefined if none ddsp-ts reads.
 * @param bytes the file (or at least its first kilobytes)
 * @example sniffAudio(await readFile('kick.flac')) // 'flac'
 */
export const sniffAudio = (bytes: Uint8Array): AudioFormat | undefined => {
  const head = ascii(bytes, 0, 4)
  if (head === 'RIFF' || head === 'RIFX' || head === 'RF64') return 'wav'
  if (head === 'fLaC') return 'flac'
  if (head === 'OggS') {
    // the first page's first packet: its segment table follows byte 27
    const packet = 27 + (bytes[26] ?? 0)
    if (ascii(bytes, packet, 8) === 'OpusHead') return 'ogg-opus'
    if (bytes[packet] === 1 && ascii(bytes, packet + 1, 6) === 'vorbis') return 'ogg-vorbis'
    return undefined
  }
  const start = id3Length(bytes)
  return isMp3Frame(bytes, start) ? 'mp3' : undefined
}

/**
 * The name of a format for people.
 * @example formatName('ogg-opus') // 'Ogg Opus'
 */
export const formatName = (f: AudioFormat): string =>
  ({ wav: 'WAV', flac: 'FLAC', 'ogg-vorbis': 'Ogg Vorbis', 'ogg-opus': 'Ogg Opus', mp3: 'MP3' })[f]

/** File-name endings of the formats ddsp-ts reads, for folder listings. @example AUDIO_EXTENSIONS.includes('.flac') // true */
export const AUDIO_EXTENSIONS: readonly string[] = ['.wav', '.wave', '.flac', '.ogg', '.oga', '.opus', '.mp3']

/**
 * Whether a file name ends like an audio file ddsp-ts reads (the content decides when it is read).
 * @example isAudioFileName('Kick 01.FLAC') // true
 */
export const isAudioFileName = (name: string): boolean => AUDIO_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e))
