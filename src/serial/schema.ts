/**
 * The attribute schema of every primitive (a mapped type over the op names,
 * so it cannot miss one), used to validate untrusted Program JSON before any
 * type rule sees it.
 *
 * @example
 * checkAttrs('sum', { axes: [1] }) // undefined (valid)
 * checkAttrs('sum', { axes: 'x' }) // "attrs.axes must be an array of integers"
 */
import type { OpAttrs, OpName } from '../core/ops.js'

type Field = 'int' | 'ints' | 'shape' | 'bool' | 'name' | 'numbers' | 'dist'
type Schema = { readonly [K in OpName]: { readonly [F in keyof OpAttrs[K]]-?: Field } }

const none = {} as const
/** Attribute field kinds per op. */
export const attrSchema: Schema = {
  constant: { shape: 'shape', data: 'numbers' },
  input: { name: 'name', shape: 'shape' },
  param: { name: 'name', shape: 'shape' },
  noise: { seed: 'int', shape: 'shape', dist: 'dist', offset: 'int' },
  arg: { index: 'int', shape: 'shape' },
  neg: none, exp: none, log: none, sin: none, cos: none, sqrt: none, tanh: none, abs: none, sign: none, floor: none,
  stopGradient: none, add: none, sub: none, mul: none, div: none, pow: none, maximum: none, minimum: none, atan2: none,
  less: none, select: none, recurrence: none,
  sum: { axes: 'ints' },
  reduceMax: { axes: 'ints' },
  reshape: { shape: 'shape' },
  broadcast: { shape: 'shape' },
  transpose: { perm: 'ints' },
  slice: { begin: 'ints', size: 'ints' },
  pad: { before: 'ints', after: 'ints' },
  concat: { axis: 'int' },
  reverse: { axes: 'ints' },
  gather: { axis: 'int', batchDims: 'int' },
  scatterAdd: { axis: 'int', batchDims: 'int', size: 'int' },
  matmul: { transposeA: 'bool', transposeB: 'bool' },
  cumsum: { axis: 'int', reverse: 'bool', exclusive: 'bool' },
  rfft: { n: 'int' },
  irfft: { n: 'int' },
}

const isInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v)
const valid: Record<Field, [(v: unknown) => boolean, string]> = {
  int: [isInt, 'an integer'],
  ints: [(v) => Array.isArray(v) && v.every(isInt), 'an array of integers'],
  shape: [(v) => Array.isArray(v) && v.every((d) => isInt(d) && (d as number) >= 0), 'a shape (non-negative integers)'],
  bool: [(v) => typeof v === 'boolean', 'a boolean'],
  name: [(v) => typeof v === 'string' && v.length > 0, 'a non-empty string'],
  numbers: [(v) => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x)), 'an array of finite numbers'],
  dist: [(v) => v === 'uniform' || v === 'normal', "'uniform' or 'normal'"],
}

/** Whether `op` names a primitive. */
export const isOpName = (op: unknown): op is OpName => typeof op === 'string' && Object.hasOwn(attrSchema, op)

/**
 * Checks an op's attributes against the schema.
 * @returns `undefined` if valid, else a message naming the field.
 */
export const checkAttrs = (op: OpName, attrs: unknown): string | undefined => {
  if (attrs === null || typeof attrs !== 'object' || Array.isArray(attrs)) return 'attrs must be an object'
  const schema = attrSchema[op] as Readonly<Record<string, Field>>
  const a = attrs as Record<string, unknown>
  for (const [field, kind] of Object.entries(schema)) {
    const [ok, what] = valid[kind]
    if (!ok(a[field])) return `attrs.${field} must be ${what}, got ${JSON.stringify(a[field])}`
  }
  const extra = Object.keys(a).find((k) => !(k in schema))
  return extra === undefined ? undefined : `attrs.${extra} is not an attribute of ${op}`
}
