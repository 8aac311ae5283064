/**
 * Reading any audio file ddsp-ts supports — WAV, FLAC, Ogg Vorbis, Ogg Opus,
 * MP3 — by its content, not its name: WAV through the project's own reader
 * (`wav.ts`), the others through `audio-decode.ts`. Every path checks the file
 * size, the sample rate and the memory estimate before decoding, and fails
 * with a typed value (`IoError`, `WavError`, `AudioError`).
 *
 * @example
 * const r = await readAudio('kick.flac')() // Either<IoError | WavError | AudioError, Audio>
 */
import { readFile } from 'node:fs/promises'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { decodeCompressed } from './audio-decode.js'
import { audioError, quoteStart, type AudioError } from './audio-error.js'
import { sniffAudio } from './audio-format.js'
import { checkFileSize } from './file-size.js'
import type { IoError } from './io-error.js'
import { DEFAULT_LIMITS, type Limits } from './limits.js'
import { decodeWav, type Audio, type WavError, type WavPlan } from './wav.js'

export type { AudioError } from './audio-error.js'

/**
 * Decodes an audio file's bytes, whatever its format.
 * @param path named in errors  @param bytes the file  @param limits sample-rate range and memory budget
 * @param plan optional check of the work the headers imply, run before decoding (see `WavPlan`)
 * @example await decodeAudio('a.mp3', bytes) // Right({ sampleRate, channels })
 */
export const decodeAudio = async (path: string, bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS, plan?: WavPlan): Promise<E.Either<WavError | AudioError, Audio>> => {
  const format = sniffAudio(bytes)
  if (format === undefined) return E.left(audioError(path, { kind: 'Unrecognised', found: quoteStart(bytes) }))
  return format === 'wav' ? decodeWav(path, bytes, limits, plan) : decodeCompressed(path, format, bytes, limits, plan)
}

/**
 * Reads an audio file (WAV, FLAC, Ogg Vorbis, Ogg Opus, MP3) as float channels in [−1, 1].
 * @param path file  @param limits sample-rate range and memory budget (default `DEFAULT_LIMITS`)
 * @param plan optional check of the work the headers imply, run before decoding (see `WavPlan`)
 * @example await readAudio('take.mp3')()
 */
export const readAudio = (path: string, limits: Limits = DEFAULT_LIMITS, plan?: WavPlan): TE.TaskEither<IoError | WavError | AudioError, Audio> => async () => {
  const size = await checkFileSize(path, limits.memoryBytes)()
  if (E.isLeft(size)) return size.left._tag === 'IoError' ? E.left(size.left) : E.left(audioError(path, { kind: 'Limit', message: size.left.message }))
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (e) {
    return E.left({ _tag: 'IoError', path, message: e instanceof Error ? e.message : String(e) })
  }
  return decodeAudio(path, bytes, limits, plan)
}
