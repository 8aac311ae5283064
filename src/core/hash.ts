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

/**
 * Canonical JSON: object keys sorted, so equal values give equal strings.
 * @example canonical({ b: 1, a: [2] }) // '{"a":[2],"b":1}'
 */
export const canonical = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
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
