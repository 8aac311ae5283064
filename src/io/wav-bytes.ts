/**
 * Raw WAV bytes with every header field chosen by the caller: the fixture
 * maker of the hostile-input tests, the RIFF fuzz suite and the
 * `scripts/hostile-inputs.ts` table. It writes what it is told, lies
 * included (a sample rate of 1e9, a format tag of 0x1234, a data chunk
 * longer than the file); it never validates.
 *
 * @example
 * const bytes = wavBytes({ format: 3, bits: 32, sampleRate: 1e9, data: floatData([0, 0.5, NaN]) })
 */

/** Header fields of a `fmt ` chunk plus the data bytes. @example const s: WavSpec = { format: 1, bits: 16, sampleRate: 16000, data: pcm16Data([0, 0.5]) } */
export interface WavSpec {
  /** wFormatTag: 1 PCM, 3 float, 6 A-law, 7 µ-law, 0xfffe extensible, anything else */
  readonly format: number
  readonly channels?: number
  readonly sampleRate: number
  readonly bits: number
  readonly data: Uint8Array
  /** overrides the data chunk's declared size (default: the data's length) */
  readonly dataSize?: number
  /** extra chunks placed between `fmt ` and `data` */
  readonly extraChunks?: readonly { readonly id: string; readonly body: Uint8Array }[]
}

const chunk = (id: string, body: Uint8Array, declared = body.length): Uint8Array => {
  const out = new Uint8Array(8 + body.length + (body.length % 2))
  const v = new DataView(out.buffer)
  for (let i = 0; i < 4; i++) out[i] = id.charCodeAt(i) & 0xff
  v.setUint32(4, declared >>> 0, true)
  out.set(body, 8)
  return out
}

const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/**
 * A RIFF/WAVE file from `spec`, exactly as told.
 * @param spec format tag, channels, rate, bits per sample, data bytes, optional lies
 * @returns the file's bytes
 * @example wavBytes({ format: 6, bits: 8, sampleRate: 8000, data: new Uint8Array([0xd5]) }) // one A-law zero
 */
export const wavBytes = (spec: WavSpec): Uint8Array => {
  const channels = spec.channels ?? 1
  const fmt = new Uint8Array(16)
  const v = new DataView(fmt.buffer)
  const blockAlign = (channels * spec.bits) >> 3
  v.setUint16(0, spec.format & 0xffff, true)
  v.setUint16(2, channels & 0xffff, true)
  v.setUint32(4, spec.sampleRate >>> 0, true)
  v.setUint32(8, (spec.sampleRate * blockAlign) >>> 0, true)
  v.setUint16(12, blockAlign & 0xffff, true)
  v.setUint16(14, spec.bits & 0xffff, true)
  const body = concat([
    new Uint8Array([0x57, 0x41, 0x56, 0x45]), // WAVE
    chunk('fmt ', fmt),
    ...(spec.extraChunks ?? []).map((c) => chunk(c.id, c.body)),
    chunk('data', spec.data, spec.dataSize ?? spec.data.length),
  ])
  return chunk('RIFF', body)
}

/**
 * 32-bit float sample bytes (little-endian), NaN and ±Inf kept as they are.
 * @example floatData([0, 1, NaN]).length // 12
 */
export const floatData = (xs: ArrayLike<number>): Uint8Array => {
  const out = new Uint8Array(4 * xs.length)
  const v = new DataView(out.buffer)
  for (let i = 0; i < xs.length; i++) v.setFloat32(4 * i, xs[i]!, true)
  return out
}

/**
 * 16-bit PCM sample bytes from values in [−1, 1] (clipped).
 * @example pcm16Data([0, 0.5]).length // 4
 */
export const pcm16Data = (xs: ArrayLike<number>): Uint8Array => {
  const out = new Uint8Array(2 * xs.length)
  const v = new DataView(out.buffer)
  for (let i = 0; i < xs.length; i++) v.setInt16(2 * i, Math.round(32767 * Math.max(-1, Math.min(1, xs[i]!))), true)
  return out
}

/**
 * A sine of `hz` at `sampleRate`, `n` samples, peak `amp`.
 * @example sine(16000, 440, 8000, 0.5)
 */
export const sine = (n: number, hz: number, sampleRate: number, amp = 0.5): Float64Array =>
  Float64Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / sampleRate))
