/**
 * G.711 companding (ITU-T G.711, as Sun's reference g711.c): A-law and µ-law
 * bytes to 16-bit linear values and back. WAV format tags 6 (A-law) and
 * 7 (µ-law) hold one such byte per sample; decoded values are divided by
 * 32768, so the loudest A-law code is 32256 / 32768 ≈ 0.984 and the loudest
 * µ-law code 32124 / 32768 ≈ 0.980.
 *
 * @example
 * alawToLinear(0xd5) // 8
 * mulawToLinear(0x80) // 32124
 * linearToAlaw(8)    // 0xd5
 */

/**
 * One A-law byte to a 16-bit linear value.
 * @param byte 0…255  @returns −32256…32256
 * @example alawToLinear(0x55) // −8
 */
export const alawToLinear = (byte: number): number => {
  const a = (byte ^ 0x55) & 0xff
  const seg = (a & 0x70) >> 4
  let t = (a & 0x0f) << 4
  if (seg === 0) t += 8
  else t = (t + 0x108) << (seg - 1)
  return a & 0x80 ? t : -t
}

/**
 * One µ-law byte to a 16-bit linear value.
 * @param byte 0…255  @returns −32124…32124
 * @example mulawToLinear(0xff) // 0
 */
export const mulawToLinear = (byte: number): number => {
  const u = ~byte & 0xff
  const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4)
  return u & 0x80 ? 0x84 - t : t - 0x84
}

const A_END = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff]
const U_END = [0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff, 0x1fff]
const segment = (v: number, ends: readonly number[]): number => {
  const i = ends.findIndex((e) => v <= e)
  return i < 0 ? 8 : i
}

/**
 * A 16-bit linear value to its A-law byte.
 * @param pcm −32768…32767
 * @example linearToAlaw(-8) // 0x55
 */
export const linearToAlaw = (pcm: number): number => {
  let v = Math.trunc(pcm) >> 3
  let mask = 0xd5
  if (v < 0) {
    mask = 0x55
    v = -v - 1
  }
  const seg = segment(v, A_END)
  if (seg >= 8) return 0x7f ^ mask
  return ((seg << 4) | ((seg < 2 ? v >> 1 : v >> seg) & 0x0f)) ^ mask
}

/**
 * A 16-bit linear value to its µ-law byte.
 * @param pcm −32768…32767
 * @example linearToMulaw(0) // 0xff
 */
export const linearToMulaw = (pcm: number): number => {
  let v = Math.trunc(pcm) >> 2
  let mask = 0xff
  if (v < 0) {
    v = -v
    mask = 0x7f
  }
  v = Math.min(v, 8159) + (0x84 >> 2)
  const seg = segment(v, U_END)
  if (seg >= 8) return 0x7f ^ mask
  return ((seg << 4) | ((v >> (seg + 1)) & 0x0f)) ^ mask
}

/** The 256 decoded values of each law, as floats in [−1, 1). @example G711_TABLES.alaw[0xd5] // 8 / 32768 */
export const G711_TABLES: { readonly alaw: Float32Array; readonly mulaw: Float32Array } = {
  alaw: Float32Array.from({ length: 256 }, (_, b) => alawToLinear(b) / 32768),
  mulaw: Float32Array.from({ length: 256 }, (_, b) => mulawToLinear(b) / 32768),
}
