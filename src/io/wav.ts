/**
 * WAV files: read PCM (8/16/24/32-bit), IEEE float (32/64-bit), A-law and
 * µ-law (G.711), plain or extensible, to float channels, with every header
 * number checked (`riff.ts`, `wav-format.ts`, `wav-samples.ts`); write
 * 32-bit float or 16-bit PCM through `wavefile`. Reads refuse files whose
 * decoded samples would exceed the memory budget, before decoding. Writes are
 * atomic (a temporary file renamed into place). Errors are values: `IoError`
 * for the file system, `WavError` for the content.
 *
 * @example
 * const r = await readWav('hit.wav')()   // Either<IoError | WavError, { sampleRate, channels }>
 * await writeWav('out.wav', { sampleRate: 44100, channels: [y] })()
 */
import { readFile, stat } from 'node:fs/promises'
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import wavefile from 'wavefile'
import { writeAtomic } from './atomic.js'
import type { IoError } from './io-error.js'
import { checkBytes, DEFAULT_LIMITS, type LimitExceeded, type Limits } from './limits.js'
import { riffChunks } from './riff.js'
import { wavError, type WavError } from './wav-error.js'
import { parseFormat } from './wav-format.js'
import { decodeSamples } from './wav-samples.js'

export type { WavError } from './wav-error.js'

/** Decoded audio: one Float32Array per channel. @example const a: Audio = { sampleRate: 16000, channels: [new Float32Array(16000)] } */
export interface Audio {
  readonly sampleRate: number
  readonly channels: readonly Float32Array[]
}

export type { IoError } from './io-error.js'

const ioError = (path: string) => (e: unknown): IoError => ({ _tag: 'IoError', path, message: e instanceof Error ? e.message : String(e) })

/**
 * A caller's check of the work a file implies, run on the header's figures before the samples are decoded
 * (e.g. a command's memory estimate for `frames` samples).
 * @example const plan: WavPlan = (frames) => checkBytes('features', 1000 * frames)
 */
export type WavPlan = (frames: number, sampleRate: number) => E.Either<LimitExceeded, unknown>

/**
 * Decodes a WAV file's bytes, checking every header number against `limits`.
 * @param path named in errors  @param bytes the file  @param limits sample-rate range and memory budget
 * @param plan optional check of the work the header implies, before decoding
 * @example decodeWav('a.wav', bytes, DEFAULT_LIMITS) // Either<WavError, Audio>
 */
export const decodeWav = (path: string, bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS, plan?: WavPlan): E.Either<WavError, Audio> => {
  const chunks = riffChunks(bytes)
  if (E.isLeft(chunks)) return E.left(wavError(path, chunks.left))
  const f = parseFormat(chunks.right.fmt, limits)
  if (E.isLeft(f)) return E.left(wavError(path, f.left))
  const frames = Math.floor(chunks.right.data.length / f.right.blockAlign)
  const need = checkBytes(`decoding ${frames} frames × ${f.right.channels} channels`, 4 * frames * (f.right.channels + 1), limits)
  if (E.isLeft(need)) return E.left(wavError(path, { kind: 'Limit', message: need.left.message }))
  const planned = plan?.(frames, f.right.sampleRate)
  if (planned !== undefined && E.isLeft(planned)) return E.left(wavError(path, { kind: 'Limit', message: planned.left.message }))
  const channels = decodeSamples(chunks.right.data, f.right)
  return E.isLeft(channels) ? E.left(wavError(path, channels.left)) : E.right({ sampleRate: f.right.sampleRate, channels: channels.right })
}

/**
 * Reads a WAV file as float channels in [−1, 1].
 * @param path file  @param limits sample-rate range and memory budget (default `DEFAULT_LIMITS`)
 * @param plan optional check of the work the header implies, run before decoding (see `WavPlan`)
 * @example readWav('kick.wav')
 */
export const readWav = (path: string, limits: Limits = DEFAULT_LIMITS, plan?: WavPlan): TE.TaskEither<IoError | WavError, Audio> => async () => {
  const st = await stat(path).catch(ioError(path))
  if ('_tag' in st) return E.left(st)
  if (!st.isFile()) return E.left({ _tag: 'IoError', path, message: 'not a file' })
  const size = checkBytes(`reading a ${st.size}-byte file`, st.size, limits)
  if (E.isLeft(size)) return E.left(wavError(path, { kind: 'Limit', message: size.left.message }))
  const bytes = await readFile(path).catch(ioError(path))
  return 'message' in bytes && !(bytes instanceof Uint8Array) ? E.left(bytes) : decodeWav(path, bytes, limits, plan)
}

/**
 * Writes float channels as a WAV file, atomically.
 * @param bitDepth '32f' (default) or '16' (PCM, clipped to [−1, 1])
 * @example writeWav('out/snare.wav', { sampleRate: 44100, channels: [y] })
 */
export const writeWav = (path: string, audio: Audio, bitDepth: '32f' | '16' = '32f'): TE.TaskEither<IoError, string> =>
  TE.flatMap((bytes: Uint8Array) => writeAtomic(path, bytes))(
    TE.tryCatch(async () => {
      const wav = new wavefile.WaveFile()
      const chans = audio.channels.map((c) => (bitDepth === '16' ? Int16Array.from(c, (v) => Math.round(32767 * Math.max(-1, Math.min(1, v)))) : Float64Array.from(c)))
      wav.fromScratch(chans.length, audio.sampleRate, bitDepth, chans.length === 1 ? chans[0]! : chans)
      return wav.toBuffer()
    }, ioError(path)),
  )
