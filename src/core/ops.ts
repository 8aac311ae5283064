/**
 * The closed set of primitive op names and the attributes each carries.
 *
 * `OpAttrs` is the one place that lists the primitives, by op group (the
 * file names in `primitives/`, the backends and the stream rules); the type
 * and VJP tables (`primitives/`), every backend's kernel table and the property
 * generators are mapped types over its keys, so adding an op without its
 * rules fails to compile.
 *
 * @example
 * import type { OpName, OpAttrs } from './ops.js'
 * const a: OpAttrs['sum'] = { axes: [1] }
 */
import type { Shape } from './shape.js'

/** Attributes of every primitive, keyed by op name. */
export interface OpAttrs {
  // sources
  /** A constant tensor; `data` has one value (filled) or `size(shape)` values. */
  constant: { readonly shape: Shape; readonly data: readonly number[] }
  /** A named input fed at evaluation time (audio, controls, targets). */
  input: { readonly name: string; readonly shape: Shape }
  /** A named trainable parameter fed at evaluation time. */
  param: { readonly name: string; readonly shape: Shape }
  /** Seeded counter-based noise: element `i` depends only on `(seed, offset + i)`. */
  noise: { readonly seed: number; readonly shape: Shape; readonly dist: 'uniform' | 'normal'; readonly offset: number }
  /** The `index`-th argument of a composite's body. */
  arg: { readonly index: number; readonly shape: Shape }
  // elementwise: unary
  neg: Record<string, never>
  exp: Record<string, never>
  log: Record<string, never>
  sin: Record<string, never>
  cos: Record<string, never>
  sqrt: Record<string, never>
  tanh: Record<string, never>
  abs: Record<string, never>
  sign: Record<string, never>
  floor: Record<string, never>
  /** Identity forward, zero cotangent backward. */
  stopGradient: Record<string, never>
  // elementwise: binary (NumPy broadcasting)
  add: Record<string, never>
  sub: Record<string, never>
  mul: Record<string, never>
  div: Record<string, never>
  pow: Record<string, never>
  maximum: Record<string, never>
  minimum: Record<string, never>
  atan2: Record<string, never>
  // elementwise: comparison and selection
  /** 1 where a < b, else 0. */
  less: Record<string, never>
  /** `mask != 0 ? a : b`, broadcasting all three. */
  select: Record<string, never>
  // reduce
  sum: { readonly axes: readonly number[] }
  reduceMax: { readonly axes: readonly number[] }
  // layout
  reshape: { readonly shape: Shape }
  broadcast: { readonly shape: Shape }
  transpose: { readonly perm: readonly number[] }
  slice: { readonly begin: readonly number[]; readonly size: readonly number[] }
  pad: { readonly before: readonly number[]; readonly after: readonly number[] }
  concat: { readonly axis: number }
  reverse: { readonly axes: readonly number[] }
  // indexing
  gather: { readonly axis: number; readonly batchDims: number }
  scatterAdd: { readonly axis: number; readonly batchDims: number; readonly size: number }
  // matmul
  matmul: { readonly transposeA: boolean; readonly transposeB: boolean }
  // scan
  cumsum: { readonly axis: number; readonly reverse: boolean; readonly exclusive: boolean }
  recurrence: Record<string, never>
  // spectral
  rfft: { readonly n: number }
  irfft: { readonly n: number }
}

/** Name of a primitive. */
export type OpName = keyof OpAttrs

/** All op names, in registry order. */
export const opNames: readonly OpName[] = [
  'constant', 'input', 'param', 'noise', 'arg',
  'neg', 'exp', 'log', 'sin', 'cos', 'sqrt', 'tanh', 'abs', 'sign', 'floor', 'stopGradient',
  'add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'atan2',
  'less', 'select',
  'sum', 'reduceMax',
  'reshape', 'broadcast', 'transpose', 'slice', 'pad', 'concat', 'reverse',
  'gather', 'scatterAdd',
  'matmul', 'cumsum', 'rfft', 'irfft', 'recurrence',
]

/** Ops with no tensor inputs. */
export const sourceOps = ['constant', 'input', 'param', 'noise', 'arg'] as const
