/**
 * The RIFF/WAVE container, walked without trusting it: chunk sizes are checked
 * against the bytes that remain, the walk is bounded by the file's length,
 * and a `data` chunk that claims more bytes than the file holds (a writer
 * that never patched its size) is cut to what is there, to whole frames
 * later. Returns views into the file, never copies.
 *
 * @example
 * const c = riffChunks(bytes) // Either<WavProblem, { fmt: Uint8Array, data: Uint8Array }>
 */
import * as E from 'fp-ts/lib/Either.js'
import type { WavProblem } from './wav-error.js'

/** The two chunks a WAV needs. @example const c: WavChunks = { fmt, data } */
export interface WavChunks {
  readonly fmt: Uint8Array
  readonly data: Uint8Array
}

const fourcc = (b: Uint8Array, at: number): string => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!)
const printable = (s: string) => JSON.stringify(s.replace(/[^\x20-\x7e]/g, '?'))

/**
 * Finds the `fmt ` and `data` chunks of a RIFF/WAVE file.
 * @param b the whole file
 * @returns views of both chunks' bodies, or the first structural problem
 * @example riffChunks(new Uint8Array(4)) // Left({ kind: 'Truncated', … })
 */
export const riffChunks = (b: Uint8Array): E.Either<WavProblem, WavChunks> => {
  if (b.length < 12) return E.left({ kind: 'Truncated', what: 'the RIFF header', needed: 12, available: b.length })
  const id = fourcc(b, 0)
  if (id !== 'RIFF') return E.left({ kind: 'NotRiff', found: id === 'RIFX' || id === 'RF64' ? `${id}, which is not supported` : printable(id) })
  if (fourcc(b, 8) !== 'WAVE') return E.left({ kind: 'NotRiff', found: `RIFF of form ${printable(fourcc(b, 8))}` })
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength)
  let fmt: Uint8Array | undefined
  let data: Uint8Array | undefined
  for (let at = 12; at + 8 <= b.length && (fmt === undefined || data === undefined); ) {
    const chunk = fourcc(b, at)
    const size = view.getUint32(at + 4, true)
    const body = at + 8
    const remain = b.length - body
    if (chunk === 'data') data ??= b.subarray(body, body + Math.min(size, remain))
    else if (size > remain) return E.left({ kind: 'Truncated', what: `chunk ${printable(chunk)} at byte ${at}`, needed: size, available: remain })
    else if (chunk === 'fmt ') fmt ??= b.subarray(body, body + size)
    at = body + size + (size % 2)
  }
  if (fmt === undefined) return E.left({ kind: 'MissingChunk', chunk: 'fmt ' })
  return data === undefined ? E.left({ kind: 'MissingChunk', chunk: 'data' }) : E.right({ fmt, data })
}
