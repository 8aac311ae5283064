/**
 * A mono signal read in pieces: its rate, its length and `read(from, to)`,
 * which yields samples [from, to) (clamped to the signal) or the error that
 * stops the read (a non-finite sample, an I/O failure). Long inputs are
 * processed in blocks through one, so memory stays flat in their length: a
 * WAV file (`wav-stream.ts`), a resampled source (`resample.ts`), or samples
 * already in memory (`memorySource`).
 *
 * @example
 * const s = memorySource(samples, 16000)
 * const r = await s.read(0, 1024)   // Either<never, Float32Array(1024)>
 */
import * as E from 'fp-ts/lib/Either.js'

/** A mono signal read in pieces. @example const s: SampleSource<never> = memorySource(x, 16000) */
export interface SampleSource<L> {
  readonly sampleRate: number
  /** samples in the signal */
  readonly length: number
  /** samples [from, to) clamped to [0, length); a fresh array the caller may keep */
  readonly read: (from: number, to: number) => Promise<E.Either<L, Float32Array>>
}

/**
 * A source over samples in memory.
 * @param samples mono samples  @param sampleRate Hz
 * @example await memorySource(Float32Array.of(1, 2, 3), 8000).read(1, 9) // Right([2, 3])
 */
export const memorySource = (samples: Float32Array, sampleRate: number): SampleSource<never> => ({
  sampleRate,
  length: samples.length,
  read: async (from, to) => E.right(samples.slice(Math.max(0, from), Math.max(0, Math.min(samples.length, to)))),
})

/**
 * Reads a whole source (for a consumer that cannot work in blocks).
 * @example await readAll(memorySource(x, 16000)) // Right(x)
 */
export const readAll = <L>(s: SampleSource<L>): Promise<E.Either<L, Float32Array>> => s.read(0, s.length)
