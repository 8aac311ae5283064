/**
 * A WAV file as a `SampleSource`: the RIFF chunks are walked by positional
 * reads (the file is never loaded whole), the `fmt ` chunk is checked as
 * `readWav` checks it (`wav-format.ts`: rate within the limits, known codec,
 * channel count), and each `read(from, to)` decodes just those frames
 * (`wav-samples.ts`) and mixes them to mono exactly as `mixToMono` does, so a
 * file read in blocks gives the samples `readWav` + `mixToMono` give. A
 * non-finite float sample is reported with its frame in the file.
 *
 * @example
 * const w = await openWav('long.wav')()     // Either<IoError | WavError, WavStream>
 * const block = await w.right.read(0, 65536)
 * await w.right.close()
 */
import { open, type FileHandle } from 'node:fs/promises'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { IoError } from './io-error.js'
import { DEFAULT_LIMITS, type Limits } from './limits.js'
import type { SampleSource } from './sample-source.js'
import { wavError, type WavError, type WavProblem } from './wav-error.js'
import { parseFormat, type WavFormat } from './wav-format.js'
import { decodeSamples } from './wav-samples.js'

/** An open WAV file read in blocks (mono). @example const s: WavStream = w.right; s.length // frames */
export interface WavStream extends SampleSource<WavError | IoError> {
  readonly format: WavFormat
  readonly close: () => Promise<void>
}

const fourcc = (b: Uint8Array, at = 0): string => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!)
const printable = (s: string) => JSON.stringify(s.replace(/[^\x20-\x7e]/g, '?'))
const io = (path: string, e: unknown): IoError => ({ _tag: 'IoError', path, message: e instanceof Error ? e.message : String(e) })

/** Reads n bytes at a position (fewer at the end of the file). */
const readAt = async (fh: FileHandle, at: number, n: number): Promise<Uint8Array> => {
  const b = new Uint8Array(n)
  const { bytesRead } = await fh.read(b, 0, n, at)
  return b.subarray(0, bytesRead)
}

/** Where the chunks are: the `fmt ` body and the data chunk's offset and (clamped) size, as `riffChunks` finds them. */
const layout = async (fh: FileHandle, size: number): Promise<E.Either<WavProblem, { fmt: Uint8Array; data: number; dataBytes: number }>> => {
  const head = await readAt(fh, 0, 12)
  if (head.length < 12) return E.left({ kind: 'Truncated', what: 'the RIFF header', needed: 12, available: head.length })
  const id = fourcc(head)
  if (id !== 'RIFF') return E.left({ kind: 'NotRiff', found: id === 'RIFX' || id === 'RF64' ? `${id}, which is not supported` : printable(id) })
  if (fourcc(head, 8) !== 'WAVE') return E.left({ kind: 'NotRiff', found: `RIFF of form ${printable(fourcc(head, 8))}` })
  let fmt: Uint8Array | undefined
  let data: { at: number; bytes: number } | undefined
  for (let at = 12; at + 8 <= size && (fmt === undefined || data === undefined); ) {
    const h = await readAt(fh, at, 8)
    const chunk = fourcc(h)
    const n = new DataView(h.buffer, h.byteOffset, 8).getUint32(4, true)
    const body = at + 8
    const remain = size - body
    if (chunk === 'data') data ??= { at: body, bytes: Math.min(n, remain) }
    else if (n > remain) return E.left({ kind: 'Truncated', what: `chunk ${printable(chunk)} at byte ${at}`, needed: n, available: remain })
    else if (chunk === 'fmt ') fmt ??= await readAt(fh, body, n)
    at = body + n + (n % 2)
  }
  if (fmt === undefined) return E.left({ kind: 'MissingChunk', chunk: 'fmt ' })
  return data === undefined ? E.left({ kind: 'MissingChunk', chunk: 'data' }) : E.right({ fmt, data: data.at, dataBytes: data.bytes })
}

/**
 * Opens a WAV file for block reads, checking its header against the limits.
 * @param path file  @param limits sample-rate range (default `DEFAULT_LIMITS`)
 * @returns the stream (close it when done), or an IoError / WavError naming the file
 * @example await openWav('take.wav')()
 */
export const openWav = (path: string, limits: Limits = DEFAULT_LIMITS): TE.TaskEither<IoError | WavError, WavStream> => async () => {
  let fh: FileHandle
  try {
    fh = await open(path, 'r')
  } catch (e) {
    return E.left(io(path, e))
  }
  const fail = async <A>(e: IoError | WavError): Promise<E.Either<IoError | WavError, A>> => {
    await fh.close().catch(() => undefined)
    return E.left(e)
  }
  try {
    const st = await fh.stat()
    if (!st.isFile()) return fail({ _tag: 'IoError', path, message: 'not a file' })
    const l = await layout(fh, st.size)
    if (E.isLeft(l)) return fail(wavError(path, l.left))
    const f = parseFormat(l.right.fmt, limits)
    if (E.isLeft(f)) return fail(wavError(path, f.left))
    const format = f.right
    const length = Math.floor(l.right.dataBytes / format.blockAlign)
    const read = async (from: number, to: number): Promise<E.Either<IoError | WavError, Float32Array>> => {
      const a = Math.max(0, Math.min(length, from))
      const b = Math.max(a, Math.min(length, to))
      let bytes: Uint8Array
      try {
        bytes = await readAt(fh, l.right.data + a * format.blockAlign, (b - a) * format.blockAlign)
      } catch (e) {
        return E.left(io(path, e))
      }
      const chans = decodeSamples(bytes, format)
      if (E.isLeft(chans)) {
        const p = chans.left
        return E.left(wavError(path, p.kind === 'NonFiniteSample' ? { ...p, frame: p.frame + a } : p))
      }
      const out = new Float32Array(b - a)
      for (const c of chans.right) for (let i = 0; i < out.length; i++) out[i] = out[i]! + c[i]! / chans.right.length
      return E.right(out)
    }
    return E.right({ sampleRate: format.sampleRate, length, format, read, close: () => fh.close().catch(() => undefined) })
  } catch (e) {
    return fail(io(path, e))
  }
}

/**
 * Whether a file is RIFF/WAVE by its first bytes (what `openWav` reads); any other content is read whole by `readAudio`.
 * @param path file
 * @returns true for a RIFF file, false for anything else or a file that cannot be read (the reader then says why)
 * @example await isWavFile('take.flac') // false
 */
export const isWavFile = async (path: string): Promise<boolean> => {
  const fh = await open(path, 'r').catch(() => undefined)
  if (fh === undefined) return false
  try {
    return fourcc(await readAt(fh, 0, 4).then((b) => (b.length === 4 ? b : new Uint8Array(4)))) === 'RIFF'
  } catch {
    return false
  } finally {
    await fh.close().catch(() => undefined)
  }
}
