/**
 * Seeded parameter initialisation from the counter-based PRNG of
 * `core/random.ts`: each param draws from its own stream, derived from the seed
 * and the param's name, so a value never depends on declaration order and
 * every backend and run sees the same numbers. Glorot/Xavier uniform
 * U(±√(6/(fanIn + fanOut))) (Glorot & Bengio 2010, eq. 16); He/Kaiming uniform
 * U(±√(6/fanIn)) (He et al. 2015, §2.2).
 *
 * @example
 * const decls = { 'dec/w': { shape: [2, 8], init: { kind: 'glorot', fanIn: 2, fanOut: 8 } } } as const
 * initParams(decls, 42)['dec/w'] // Float32Array(16) in ±√(6/10)
 */
import { hashString } from '../core/hash.js'
import { bitsAt, uniformAt } from '../core/random.js'
import { sizeOf, type Shape } from '../core/shape.js'

/** How to initialise one param. @example const i: Init = { kind: 'he', fanIn: 64 } */
export type Init =
  | { readonly kind: 'glorot'; readonly fanIn: number; readonly fanOut: number }
  | { readonly kind: 'he'; readonly fanIn: number }
  | { readonly kind: 'uniform'; readonly limit: number }
  | { readonly kind: 'zeros' }
  | { readonly kind: 'ones' }

/** A declared param: its shape and initialiser. @example const d: ParamDecl = { shape: [8], init: { kind: 'zeros' } } */
export interface ParamDecl {
  readonly shape: Shape
  readonly init: Init
}

/** Param declarations by full name (e.g. `'dec/dense0/w'`). @example const d: ParamDecls = { 'out/b': { shape: [10], init: { kind: 'zeros' } } } */
export type ParamDecls = Readonly<Record<string, ParamDecl>>

/**
 * The PRNG stream for `name` under `seed`.
 * @param seed integer seed  @param name full param name
 * @example streamSeed(42, 'dec/w') // a 32-bit integer
 */
export const streamSeed = (seed: number, name: string): number => bitsAt(seed >>> 0, parseInt(hashString(name).slice(0, 8), 16))

/** Half-width of the uniform interval of an initialiser (0 for constants). */
const limitOf = (i: Init): number => {
  switch (i.kind) {
    case 'glorot':
      return Math.sqrt(6 / (i.fanIn + i.fanOut))
    case 'he':
      return Math.sqrt(6 / i.fanIn)
    case 'uniform':
      return i.limit
    case 'zeros':
    case 'ones':
      return 0
  }
}

/**
 * Values of one param: U(±limit) from its own stream, or zeros / ones.
 * @param seed integer seed  @param name full param name  @param d declaration
 * @example initParam(1, 'w', { shape: [3], init: { kind: 'uniform', limit: 0.1 } })
 */
export const initParam = (seed: number, name: string, d: ParamDecl): Float32Array => {
  const n = sizeOf(d.shape)
  if (d.init.kind === 'ones') return new Float32Array(n).fill(1)
  if (d.init.kind === 'zeros') return new Float32Array(n) // +0, never 0·(−u) = −0
  const limit = limitOf(d.init)
  const s = streamSeed(seed, name)
  return Float32Array.from({ length: n }, (_, i) => limit * uniformAt(s, i))
}

/**
 * Initialises every declared param.
 * @param decls declarations by full name  @param seed integer seed
 * @example initParams(m.params, 7) // Record<name, Float32Array>
 */
export const initParams = (decls: ParamDecls, seed: number): Record<string, Float32Array> =>
  Object.fromEntries(Object.entries(decls).map(([k, d]) => [k, initParam(seed, k, d)]))
