/**
 * WAV files through `wavefile`: read any PCM (8/16/24/32-bit) or float WAV to
 * float channels, write 32-bit float or 16-bit PCM. Writes are atomic (a
 * temporary file renamed into place), so an interrupted run never leaves a
 * half-written file. Errors are values.
 *
 * @example
 * const r = await readWav('hit.wav')()   // Either<IoError, { sampleRate, channels }>
 * await writeWav('out.wav', { sampleRate: 44100, channels: [y] })()
 */
import { readFile } from 'node:fs/promises'
import * as TE from 'fp-ts/lib/TaskEither.js'
import wavefile from 'wavefile'
import { writeAtomic } from './atomic.js'

/** Decoded audio: one Float32Array per channel. */
export interface Audio {
  readonly sampleRate: number
  readonly channels: readonly Float32Array[]
}

/** A file that cannot be read, parsed or written. */
export interface IoError {
  readonly _tag: 'IoError'
  readonly path: string
  readonly message: string
}

const ioError = (path: string) => (e: unknown): IoError => ({ _tag: 'IoError', path, message: e instanceof Error ? e.message : String(e) })

/** Reads a WAV file as float channels in [−1, 1]. @example readWav('kick.wav') */
export const readWav = (path: string): TE.TaskEither<IoError, Audio> =>
  TE.tryCatch(async () => {
    const wav = new wavefile.WaveFile(await readFile(path))
    wav.toBitDepth('32f')
    const fmt: { sampleRate?: unknown } = wav.fmt
    // wavefile types getSamples as one array; for several channels it returns one per channel
    const raw: unknown = wav.getSamples(false, Float64Array)
    const channels: unknown[] = Array.isArray(raw) ? raw : [raw]
    if (typeof fmt.sampleRate !== 'number' || !channels.every((c) => c instanceof Float64Array))
      throw new Error('not a PCM or float WAV file')
    return { sampleRate: fmt.sampleRate, channels: channels.map((c) => Float32Array.from(c as Float64Array)) }
  }, ioError(path))

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
