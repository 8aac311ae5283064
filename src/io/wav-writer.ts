/**
 * A WAV file written block by block: 32-bit float mono (or n channels
 * interleaved by the caller), header first with the length the caller
 * announces, samples appended as they come, into a temporary file beside the
 * destination that `close` renames into place — a reader never sees a half
 * file, and the temporary file is removed on failure and at exit
 * (`temp-files.ts`). Memory holds one block.
 *
 * @example
 * const w = await createWavWriter('out/y.wav', 16000, 1, n)()
 * await w.right.write(block)      // … n samples in all
 * await w.right.close()           // Right('out/y.wav')
 */
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { IoError } from './io-error.js'
import { tempName, track, untrack } from './temp-files.js'

/** An open WAV being written. @example const w: WavWriter = r.right */
export interface WavWriter {
  /** appends samples (interleaved when there are several channels) */
  readonly write: (samples: Float32Array) => Promise<E.Either<IoError, number>>
  /** checks the count, renames the file into place; the path */
  readonly close: () => Promise<E.Either<IoError, string>>
  /** removes the temporary file (after a failure elsewhere) */
  readonly abort: () => Promise<void>
}

/**
 * The 58-byte header of an IEEE-float WAV (fmt with cbSize 0 and a fact chunk, as the format asks of non-PCM data).
 * @param sampleRate Hz  @param channels channel count  @param frames sample frames
 * @example floatWavHeader(16000, 1, 16000).length // 58
 */
export const floatWavHeader = (sampleRate: number, channels: number, frames: number): Uint8Array => {
  const data = 4 * channels * frames
  const h = new Uint8Array(58)
  const v = new DataView(h.buffer)
  const tag = (at: number, s: string) => [...s].forEach((c, i) => (h[at + i] = c.charCodeAt(0)))
  tag(0, 'RIFF')
  v.setUint32(4, 50 + data, true)
  tag(8, 'WAVE')
  tag(12, 'fmt ')
  v.setUint32(16, 18, true)
  v.setUint16(20, 3, true) // IEEE float
  v.setUint16(22, channels, true)
  v.setUint32(24, sampleRate, true)
  v.setUint32(28, sampleRate * channels * 4, true)
  v.setUint16(32, channels * 4, true)
  v.setUint16(34, 32, true)
  v.setUint16(36, 0, true) // cbSize
  tag(38, 'fact')
  v.setUint32(42, 4, true)
  v.setUint32(46, frames, true)
  tag(50, 'data')
  v.setUint32(54, data, true)
  return h
}

const io = (path: string, e: unknown): IoError => ({ _tag: 'IoError', path, message: e instanceof Error ? e.message : String(e) })

/**
 * Starts writing a float WAV of a known length.
 * @param path destination (not a folder)  @param sampleRate Hz  @param channels channels  @param frames sample frames that will be written
 * @returns the writer, or an IoError
 * @example await createWavWriter('y.wav', 44100, 1, 44100)()
 */
export const createWavWriter = (path: string, sampleRate: number, channels: number, frames: number): TE.TaskEither<IoError, WavWriter> => async () => {
  if ((await stat(path).catch(() => undefined))?.isDirectory() === true) return E.left({ _tag: 'IoError', path, message: 'is a folder; give a file name' })
  const tmp = tempName(path)
  let fh: FileHandle
  try {
    await mkdir(dirname(path), { recursive: true })
    track(tmp)
    fh = await open(tmp, 'w')
    await fh.write(floatWavHeader(sampleRate, channels, frames))
  } catch (e) {
    await rm(tmp, { force: true })
    untrack(tmp)
    return E.left(io(path, e))
  }
  let written = 0
  const abort = async () => {
    await fh.close().catch(() => undefined)
    await rm(tmp, { force: true })
    untrack(tmp)
  }
  return E.right({
    write: async (samples) => {
      try {
        const b = new Uint8Array(samples.length * 4)
        const v = new DataView(b.buffer)
        for (let i = 0; i < samples.length; i++) v.setFloat32(4 * i, samples[i]!, true)
        await fh.write(b)
        written += samples.length
        return E.right(written)
      } catch (e) {
        await abort()
        return E.left(io(path, e))
      }
    },
    close: async () => {
      try {
        if (written !== frames * channels) throw new Error(`wrote ${written} samples, announced ${frames * channels}`)
        await fh.close()
        await rename(tmp, path)
        untrack(tmp)
        return E.right(path)
      } catch (e) {
        await abort()
        return E.left(io(path, e))
      }
    },
    abort,
  })
}
