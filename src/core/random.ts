/**
 * Counter-based pseudo-random numbers: value `i` of stream `seed` is a pure
 * function of `(seed, i)`, so every backend, every block partition and every
 * re-run sees the same noise. The mixer is the murmur3 32-bit finaliser
 * applied to a Weyl sequence (as in SplitMix), with 24-bit uniform outputs.
 *
 * @example
 * import { uniformAt, fillNoise } from './random.js'
 * uniformAt(7, 0) === uniformAt(7, 0) // true, in [-1, 1)
 * fillNoise(new Float32Array(4), 7, 'normal', 0)
 */

/** MurmurHash3's 32-bit finaliser (every input bit reaches every output bit), as an unsigned int. @example fmix32(1) */
export const fmix32 = (h: number): number => {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** 32 random bits for counter `i` of stream `seed`. */
export const bitsAt = (seed: number, i: number): number =>
  fmix32((Math.imul(i, 0x9e3779b9) + fmix32(seed ^ 0x5bd1e995) + Math.floor(i / 0x100000000)) >>> 0)

/** Uniform in [0, 1) with 24-bit resolution. */
const unit = (seed: number, i: number): number => (bitsAt(seed, i) >>> 8) / 16777216

/** Uniform value in [−1, 1) at counter `i`. @example uniformAt(1, 5) */
export const uniformAt = (seed: number, i: number): number => 2 * unit(seed, i) - 1

/**
 * Standard normal value at counter `i` (Box–Muller on counters 2i, 2i+1 of a
 * derived stream). @example normalAt(1, 5)
 */
export const normalAt = (seed: number, i: number): number => {
  const s = fmix32(seed + 0x6a09e667)
  const u1 = (unit(s, 2 * i) * 16777215 + 1) / 16777216 // (0, 1]
  const u2 = unit(s, 2 * i + 1)
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)
}

/**
 * Writes uniformAt(seed, offset + j) to out[j] for j < count, bit for bit, with the mixer written
 * out in the loop: a call to `fmix32` that the JIT does not inline returns its uint32 boxed (above
 * 2³⁰), which made the real-time voices allocate per sample.
 * @param out destination  @param seed stream  @param offset first counter  @param count values (default out.length)
 * @example fillUniform(new Float64Array(128), 36, 0)
 */
export const fillUniform = (out: Float32Array | Float64Array, seed: number, offset: number, count = out.length): void => {
  const s = fmix32(seed ^ 0x5bd1e995)
  for (let j = 0; j < count; j++) {
    const i = offset + j
    let h = (Math.imul(i, 0x9e3779b9) + s + Math.floor(i / 0x100000000)) >>> 0
    h ^= h >>> 16 // fmix32, as above
    h = Math.imul(h, 0x85ebca6b)
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35)
    h ^= h >>> 16
    out[j] = 2 * (((h >>> 0) >>> 8) / 16777216) - 1 // uniformAt = 2·unit − 1
  }
}

/**
 * Fills `out` with noise values `offset … offset + out.length − 1`.
 * @example fillNoise(new Float64Array(8), 3, 'uniform', 0)
 */
export const fillNoise = <A extends Float32Array | Float64Array>(
  out: A,
  seed: number,
  dist: 'uniform' | 'normal',
  offset: number,
): A => {
  if (dist === 'uniform') fillUniform(out, seed, offset)
  else for (let i = 0; i < out.length; i++) out[i] = normalAt(seed, offset + i)
  return out
}
