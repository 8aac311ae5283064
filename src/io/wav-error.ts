/**
 * What can be wrong inside a WAV file, as typed values: the RIFF structure,
 * the `fmt ` chunk, the format tag, the sample values, or a header number
 * beyond the limits. `formatWavProblem` gives the one line the CLI prints.
 *
 * @example
 * formatWavProblem({ kind: 'NonFiniteSample', channel: 0, frame: 100, sampleRate: 16000, value: NaN })
 * // 'sample 100 (0.00625 s) of channel 0 is NaN; samples must be finite'
 */

/** One problem with a WAV file's bytes. @example const p: WavProblem = { kind: 'UnsupportedFormat', tag: 0x1234, name: 'unknown' } */
export type WavProblem =
  | { readonly kind: 'NotRiff'; readonly found: string }
  | { readonly kind: 'Truncated'; readonly what: string; readonly needed: number; readonly available: number }
  | { readonly kind: 'MissingChunk'; readonly chunk: 'fmt ' | 'data' }
  | { readonly kind: 'BadField'; readonly field: string; readonly value: number; readonly expected: string }
  | { readonly kind: 'UnsupportedFormat'; readonly tag: number; readonly name: string }
  | { readonly kind: 'NonFiniteSample'; readonly channel: number; readonly frame: number; readonly sampleRate: number; readonly value: number }
  | { readonly kind: 'Limit'; readonly message: string }

/** A WAV file whose content cannot be decoded. @example const e: WavError = { _tag: 'WavError', path: 'a.wav', problem: { kind: 'MissingChunk', chunk: 'data' } } */
export interface WavError {
  readonly _tag: 'WavError'
  readonly path: string
  readonly problem: WavProblem
}

const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`

/**
 * One line for a WAV problem (without the path).
 * @example formatWavProblem({ kind: 'MissingChunk', chunk: 'data' }) // "no 'data' chunk"
 */
export const formatWavProblem = (p: WavProblem): string => {
  switch (p.kind) {
    case 'NotRiff':
      return `not a RIFF/WAVE file (starts with ${p.found})`
    case 'Truncated':
      return `truncated: ${p.what} needs ${p.needed} bytes, ${p.available} remain`
    case 'MissingChunk':
      return `no '${p.chunk}' chunk`
    case 'BadField':
      return `${p.field} is ${p.value}, expected ${p.expected}`
    case 'UnsupportedFormat':
      return `unsupported format tag ${hex(p.tag)} (${p.name}); ddsp-ts reads PCM (1), IEEE float (3), A-law (6), µ-law (7) and their extensible (0xfffe) forms`
    case 'NonFiniteSample':
      return `sample ${p.frame} (${Number((p.frame / p.sampleRate).toPrecision(6))} s) of channel ${p.channel} is ${p.value}${Number.isFinite(p.value) ? ' (beyond float32’s range)' : ''}; samples must be finite`
    case 'Limit':
      return p.message
  }
}

/**
 * A WavError for `path`.
 * @example wavError('a.wav', { kind: 'MissingChunk', chunk: 'fmt ' })
 */
export const wavError = (path: string, problem: WavProblem): WavError => ({ _tag: 'WavError', path, problem })
