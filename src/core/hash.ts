/**
 * Structural hashing: two 32-bit FNV-1a streams (different offsets) give a
 * 64-bit hex digest of a canonical string. Used to hash-cons graph nodes:
 * equal construction gives equal hash.
 *
 * @example
 * import { hashString } from './hash.js'
 * hashString('add|a|b') === hashString('add|a|b') // true
 */

const FNV_PRIME = 0x01000193

/** 64-bit FNV-1a digest of a string as 16 hex characters. @example hashString('x') */
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

const bits = new Float64Array(1)
const words = new Uint32Array(bits.buffer)

/**
 * 64-bit digest of a list of numbers from their float64 bit patterns (FNV-style
 * multiply-xor over 32-bit words), without building a string.
 * @example digestNumbers([1, 2, 3]) === digestNumbers([1, 2, 3]) // true
 */
export const digestNumbers = (xs: readonly number[]): string => {
  let h1 = 0x811c9dc5
  let h2 = 0x050c5d1f
  for (let i = 0; i < xs.length; i++) {
    bits[0] = xs[i]!
    h1 = Math.imul(h1 ^ words[0]!, FNV_PRIME)
    h1 = Math.imul(h1 ^ words[1]!, FNV_PRIME)
    h2 = Math.imul((h2 ^ words[1]!) + i, FNV_PRIME)
    h2 = Math.imul(h2 ^ words[0]!, FNV_PRIME)
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0')
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
