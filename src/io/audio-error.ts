/**
 * What can be wrong with a compressed audio file (FLAC, Ogg Vorbis, Ogg Opus,
 * MP3), as typed values: a format ddsp-ts does not read, no audio frames, a
 * header number beyond the limits, the decoder's own complaint, a non-finite
 * sample. WAV files keep their own `WavError`. `formatAudioProblem` gives the
 * one line the CLI prints.
 *
 * @example
 * formatAudioProblem({ kind: 'Unrecognised', found: '"hell"' })
 * // 'not an audio file ddsp-ts reads (starts with "hell"); it reads WAV, FLAC, Ogg Vorbis, Ogg Opus, MP3'
 */
import { AUDIO_FORMATS } from './audio-format.js'

/** One problem with a compressed audio file. @example const p: AudioProblem = { kind: 'NoFrames', format: 'MP3' } */
export type AudioProblem =
  | { readonly kind: 'Unrecognised'; readonly found: string }
  | { readonly kind: 'NoFrames'; readonly format: string }
  | { readonly kind: 'MixedStreams'; readonly format: string; readonly what: string }
  | { readonly kind: 'Decode'; readonly format: string; readonly message: string }
  | { readonly kind: 'NonFiniteSample'; readonly channel: number; readonly frame: number; readonly value: number }
  | { readonly kind: 'Limit'; readonly message: string }

/** An audio file whose content cannot be decoded. @example const e: AudioError = { _tag: 'AudioError', path: 'a.mp3', problem: { kind: 'NoFrames', format: 'MP3' } } */
export interface AudioError {
  readonly _tag: 'AudioError'
  readonly path: string
  readonly problem: AudioProblem
}

/**
 * An AudioError for `path`.
 * @example audioError('a.flac', { kind: 'NoFrames', format: 'FLAC' })
 */
export const audioError = (path: string, problem: AudioProblem): AudioError => ({ _tag: 'AudioError', path, problem })

/**
 * One line for an audio problem (without the path).
 * @example formatAudioProblem({ kind: 'NoFrames', format: 'MP3' }) // 'no MP3 audio frames found'
 */
export const formatAudioProblem = (p: AudioProblem): string => {
  switch (p.kind) {
    case 'Unrecognised':
      return `not an audio file ddsp-ts reads (starts with ${p.found}); it reads ${AUDIO_FORMATS.join(', ')}`
    case 'NoFrames':
      return `no ${p.format} audio frames found`
    case 'MixedStreams':
      return `the ${p.format} stream changes its ${p.what} midway; ddsp-ts reads one sample rate and channel count per file`
    case 'Decode':
      return `${p.format} decoder: ${p.message}`
    case 'NonFiniteSample':
      return `decoded sample ${p.frame} of channel ${p.channel} is ${p.value}; samples must be finite`
    case 'Limit':
      return p.message
  }
}

/**
 * The first bytes of a file, quoted for a message (printable ASCII kept, others as \xNN).
 * @example quoteStart(new TextEncoder().encode('hello')) // '"hell"'
 */
export const quoteStart = (b: Uint8Array): string =>
  `"${Array.from(b.subarray(0, 4), (c) => (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`)).join('')}"`
