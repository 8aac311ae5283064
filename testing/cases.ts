/**
 * Random applications of each primitive: operand shapes and values chosen
 * inside the op's domain (away from kinks and ties, where a finite difference
 * would straddle a discontinuity), plus attributes. One entry per op (a
 * mapped type), so a new primitive without a case fails `tsc`; source ops are
 * excluded with a reason.
 *
 * @example
 * fc.sample(opCases.matmul, 1) // [{ op: 'matmul', operands: [...], attrs: {...} }]
 */
import fc from 'fast-check'
import type { OpAttrs, OpName } from '../src/core/ops.js'
import type { Shape } from '../src/core/shape.js'
import { binsOf, sizeOf } from '../src/core/shape.js'

/** One operand: values, and whether the gradient property perturbs it. */
export interface CaseOperand {
  readonly shape: Shape
  readonly values: Float64Array
  /** false for indices and masks: held fixed (no gradient flows to them). */
  readonly diff: boolean
}

/** A random application of primitive `K`. */
export interface OpCase<K extends OpName = OpName> {
  readonly op: K
  readonly operands: readonly CaseOperand[]
  readonly attrs: OpAttrs[K]
}

/** A small deterministic generator, for choices derived from one fast-check seed. */
export const rng = (seed: number) => {
  let s = seed >>> 0 || 1
  const next = () => {
    s ^= s << 13
    s >>>= 0
    s ^= s >>> 17
    s ^= s << 5
    s >>>= 0
    return s / 4294967296
  }
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), bool: () => next() < 0.5 }
}
type Rng = ReturnType<typeof rng>

/** Value domains keep finite differences away from kinks, poles and ties. */
export type Domain = 'any' | 'positive' | 'nonzero' | 'offInteger' | 'gridA' | 'gridB' | 'distinct' | 'mask' | 'stable'
const draw: Record<Domain, (r: Rng, i: number, n: number) => number> = {
  any: (r) => 4 * r.next() - 2,
  positive: (r) => 0.3 + 1.7 * r.next(),
  nonzero: (r) => (r.bool() ? 1 : -1) * (0.3 + 1.7 * r.next()),
  offInteger: (r) => r.int(-3, 2) + 0.1 + 0.8 * r.next(),
  gridA: (r) => 0.25 * r.int(-8, 8) + 0.1,
  gridB: (r) => 0.25 * r.int(-8, 8) + 0.2,
  distinct: (_, i, n) => (((i * 7919) % n) - n / 2) * 0.1 + 0.03,
  mask: (r) => (r.bool() ? 1 : 0),
  stable: (r) => 1.2 * r.next() - 0.6,
}

/** An operand of `shape` with values from `domain`. */
export const operand = (r: Rng, shape: Shape, domain: Domain = 'any', diff = true): CaseOperand => {
  const n = sizeOf(shape)
  const values = new Float64Array(n)
  for (let i = 0; i < n; i++) values[i] = draw[domain](r, i, n)
  return { shape, values, diff }
}

/** Random shapes of rank in [lo, hi] with extents 1…4. */
export const shapeOf = (r: Rng, lo: number, hi: number, maxDim = 4): number[] =>
  Array.from({ length: r.int(lo, hi) }, () => r.int(1, maxDim))

/** A shape that broadcasts to `out`: some leading axes dropped, some axes set to 1. */
const broadcastable = (r: Rng, out: Shape): number[] => out.slice(r.int(0, out.length)).map((d) => (r.bool() ? d : 1))

/** A subset of axes of a rank (possibly empty), some given as negative. */
const axesOf = (r: Rng, rank: number): number[] =>
  [...Array(rank).keys()].filter(() => r.bool()).map((a) => (r.bool() ? a : a - rank))

const seeded = <K extends OpName>(op: K, f: (r: Rng) => Omit<OpCase<K>, 'op'>): fc.Arbitrary<OpCase<K>> =>
  fc.integer({ min: 1, max: 0x7fffffff }).map((seed) => ({ op, ...f(rng(seed)) }))

const none = {} as Record<string, never>
const unary = <K extends OpName>(op: K, domain: Domain) =>
  seeded(op, (r) => ({ operands: [operand(r, shapeOf(r, 0, 3), domain)], attrs: none as OpAttrs[K] }))
const binary = <K extends OpName>(op: K, da: Domain, db: Domain) =>
  seeded(op, (r) => {
    const out = shapeOf(r, 0, 3)
    const [sa, sb] = r.bool() ? [out, broadcastable(r, out)] : [broadcastable(r, out), out]
    return { operands: [operand(r, sa, da), operand(r, sb, db)], attrs: none as OpAttrs[K] }
  })

/** Why an op has no case. */
export interface Excluded {
  readonly excluded: string
}
const SOURCE: Excluded = {
  excluded: 'a source has no tensor inputs: nothing to differentiate or transpose (param gradients are checked end to end in autodiff.test.ts)',
}

/** One case generator (or a reasoned exclusion) per primitive. */
export const opCases: { readonly [K in OpName]: fc.Arbitrary<OpCase<K>> | Excluded } = {
  constant: SOURCE, input: SOURCE, param: SOURCE, noise: SOURCE, arg: SOURCE,
  neg: unary('neg', 'any'), exp: unary('exp', 'any'), log: unary('log', 'positive'), sin: unary('sin', 'any'),
  cos: unary('cos', 'any'), sqrt: unary('sqrt', 'positive'), tanh: unary('tanh', 'any'), abs: unary('abs', 'nonzero'),
  sign: unary('sign', 'nonzero'), floor: unary('floor', 'offInteger'),
  stopGradient: {
    excluded: 'its VJP is zero by definition while its forward is the identity, so it has no finite-difference law; stopGradient.test.ts checks the zero gradient exactly',
  },
  add: binary('add', 'any', 'any'), sub: binary('sub', 'any', 'any'), mul: binary('mul', 'any', 'any'),
  div: binary('div', 'any', 'nonzero'), pow: binary('pow', 'positive', 'any'),
  maximum: binary('maximum', 'gridA', 'gridB'), minimum: binary('minimum', 'gridA', 'gridB'),
  atan2: binary('atan2', 'nonzero', 'nonzero'),
  less: binary('less', 'gridA', 'gridB'),
  select: seeded('select', (r) => {
    const out = shapeOf(r, 0, 3)
    return { operands: [operand(r, broadcastable(r, out), 'mask', false), operand(r, out), operand(r, broadcastable(r, out))], attrs: none }
  }),
  sum: seeded('sum', (r) => {
    const s = shapeOf(r, 1, 3)
    return { operands: [operand(r, s)], attrs: { axes: axesOf(r, s.length) } }
  }),
  reduceMax: seeded('reduceMax', (r) => {
    const s = shapeOf(r, 1, 3)
    return { operands: [operand(r, s, 'distinct')], attrs: { axes: axesOf(r, s.length) } }
  }),
  reshape: seeded('reshape', (r) => {
    const s = shapeOf(r, 0, 3)
    const n = sizeOf(s)
    return { operands: [operand(r, s)], attrs: { shape: r.bool() ? [n] : [1, n, 1].slice(r.int(0, 1)) } }
  }),
  broadcast: seeded('broadcast', (r) => {
    const out = shapeOf(r, 0, 3)
    return { operands: [operand(r, broadcastable(r, out))], attrs: { shape: out } }
  }),
  transpose: seeded('transpose', (r) => {
    const s = shapeOf(r, 0, 4)
    const perm = [...s.keys()].sort(() => r.next() - 0.5)
    return { operands: [operand(r, s)], attrs: { perm } }
  }),
  slice: seeded('slice', (r) => {
    const s = shapeOf(r, 1, 3)
    const begin = s.map((d) => r.int(0, d - 1))
    return { operands: [operand(r, s)], attrs: { begin, size: s.map((d, i) => r.int(0, d - begin[i]!)) } }
  }),
  pad: seeded('pad', (r) => {
    const s = shapeOf(r, 1, 3)
    return { operands: [operand(r, s)], attrs: { before: s.map(() => r.int(0, 2)), after: s.map(() => r.int(0, 2)) } }
  }),
  concat: seeded('concat', (r) => {
    const s = shapeOf(r, 1, 3)
    const axis = r.int(0, s.length - 1)
    const parts = Array.from({ length: r.int(1, 3) }, () => operand(r, s.map((d, i) => (i === axis ? r.int(1, 3) : d))))
    return { operands: parts, attrs: { axis: r.bool() ? axis : axis - s.length } }
  }),
  reverse: seeded('reverse', (r) => {
    const s = shapeOf(r, 1, 3)
    return { operands: [operand(r, s)], attrs: { axes: axesOf(r, s.length) } }
  }),
  gather: seeded('gather', (r) => {
    const batchDims = r.int(0, 1)
    const x = shapeOf(r, batchDims + 1, 3)
    const axis = r.int(batchDims, x.length - 1)
    const idxShape = [...x.slice(0, batchDims), ...shapeOf(r, 0, 2)]
    const idx = operand(r, idxShape, 'any', false)
    idx.values.forEach((_, i) => (idx.values[i] = r.int(-1, x[axis]!)))
    return { operands: [operand(r, x), idx], attrs: { axis, batchDims } }
  }),
  scatterAdd: seeded('scatterAdd', (r) => {
    const batchDims = r.int(0, 1)
    const lead = shapeOf(r, batchDims, 2)
    const axis = r.int(batchDims, lead.length)
    const size = r.int(1, 4)
    const idxShape = [...lead.slice(0, batchDims), ...shapeOf(r, 0, 2)]
    const idx = operand(r, idxShape, 'any', false)
    idx.values.forEach((_, i) => (idx.values[i] = r.int(-1, size)))
    const updates = [...lead.slice(0, axis), ...idxShape.slice(batchDims), ...shapeOf(r, 0, 1)]
    return { operands: [operand(r, updates), idx], attrs: { axis, batchDims, size } }
  }),
  matmul: seeded('matmul', (r) => {
    const [m, k, n] = [r.int(1, 4), r.int(1, 4), r.int(1, 4)]
    const batch = shapeOf(r, 0, 2, 3)
    const [tA, tB] = [r.bool(), r.bool()]
    const a = [...broadcastable(r, batch), ...(tA ? [k, m] : [m, k])]
    const b = [...broadcastable(r, batch), ...(tB ? [n, k] : [k, n])]
    return { operands: [operand(r, a), operand(r, b)], attrs: { transposeA: tA, transposeB: tB } }
  }),
  cumsum: seeded('cumsum', (r) => {
    const s = shapeOf(r, 1, 3, 6)
    const axis = r.int(0, s.length - 1)
    return { operands: [operand(r, s)], attrs: { axis: r.bool() ? axis : axis - s.length, reverse: r.bool(), exclusive: r.bool() } }
  }),
  rfft: seeded('rfft', (r) => {
    const n = r.bool() ? 2 ** r.int(0, 5) : r.int(1, 17)
    return { operands: [operand(r, [...shapeOf(r, 0, 2), n])], attrs: { n } }
  }),
  irfft: seeded('irfft', (r) => {
    const n = r.bool() ? 2 ** r.int(0, 5) : r.int(1, 17)
    return { operands: [operand(r, [...shapeOf(r, 0, 2), binsOf(n), 2])], attrs: { n } }
  }),
  recurrence: seeded('recurrence', (r) => {
    const lead = shapeOf(r, 0, 2, 3)
    const [T, k] = [r.int(1, 7), r.int(1, 2)]
    return {
      operands: [operand(r, [...lead, T, k, k], 'stable'), operand(r, [...lead, T, k]), operand(r, [...lead, k])],
      attrs: none,
    }
  }),
}

/** Whether an entry is an exclusion. */
export const isExcluded = (c: fc.Arbitrary<unknown> | Excluded): c is Excluded => 'excluded' in c
