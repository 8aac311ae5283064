/**
 * Structural hashing: a 64-bit hex digest of a canonical string (two FNV-1a
 * streams), in which long lists of numbers (constant tables) stand as a digest
 * of their bit patterns (two MurmurHash3 streams). Used to hash-cons graph
 * nodes: equal construction gives equal hash.
 *
 * @example
 * import { hashString } from './hash.js'
 * hashString('add|a|b') === hashString('add|a|b') // true
 */
import { fmix32 } from './random.js'

const bits = new Float64Array(1)
const words = new Uint32Array(bits.buffer)

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r))

/** One step of MurmurHash3's 32-bit body: word k into state h (rotations carry high bits down). */
const murmurStep = (h: number, k: number): number => {
  k = Math.imul(rotl(Math.imul(k, 0xcc9e2d51), 15), 0x1b873593)
  return (Math.imul(rotl(h ^ k, 13), 5) + 0xe6546b64) | 0
}

const FNV_PRIME = 0x01000193

/**
 * 64-bit FNV-1a digest of a string as 16 hex characters (two streams, different offsets). Kept as it was:
 * `nn/init` `streamSeed` derives seeded random streams from it, so changing it would change every seeded run.
 * @example hashString('x')
 */
export const hashString = (s: string): string => {
  let h1 = 0x811c9dc5
  let h2 = 0x050c5d1f
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, FNV_PRIME)
    h2 = Math.imul(h2 ^ c ^ (i & 0xff), FNV_PRIME)
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0')
}

/**
 * 64-bit digest of a list of numbers from their float64 bit patterns, without building a string: two
 * MurmurHash3 (x86, 32-bit) streams with different seeds, over the words (low, high) and (high, low).
 * (A multiply-xor stream, as FNV's, only carries bits upward: two sign flips cancelled in it.)
 * @example digestNumbers([1, 2, 3]) === digestNumbers([1, 2, 3]) // true
 */
export const digestNumbers = (xs: readonly number[]): string => {
  let h1 = 0x811c9dc5
  let h2 = 0x050c5d1f
  for (let i = 0; i < xs.length; i++) {
    bits[0] = xs[i]!
    h1 = murmurStep(murmurStep(h1, words[0]!), words[1]!)
    h2 = murmurStep(murmurStep(h2, words[1]!), words[0]!)
  }
  const n = xs.length
  return fmix32(h1 ^ n).toString(16).padStart(8, '0') + fmix32(h2 ^ n).toString(16).padStart(8, '0')
}

/** Lists of more than this many finite numbers (constant tables) are digested, not spelled out. */
const DIGEST_ABOVE = 16

const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)

/**
 * Canonical JSON: object keys sorted, so equal values give equal strings. A long
 * list of finite numbers (a constant's data, an index table) becomes its length
 * and `digestNumbers` digest, so hashing a large constant costs O(n) without a
 * string of all its digits.
 * @example canonical({ b: 1, a: [2] }) // '{"a":[2],"b":1}'
 */
export const canonical = (v: unknown): string => {
  if (Array.isArray(v))
    return v.length > DIGEST_ABOVE && v.every(isFiniteNumber) ? `"#${v.length}:${digestNumbers(v)}"` : `[${v.map(canonical).join(',')}]`
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return `"${String(v)}"`
  return JSON.stringify(v)
}
