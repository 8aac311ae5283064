/**
 * Pointwise emitters of the time-local primitives (elementwise and layout
 * groups, and gather): each defines the output at one point of the loop nest
 * from its operands at mapped points, with the reference kernels' scalar
 * semantics (`backends/reference/elementwise.ts`: sign turns −0 into 0, less
 * is 1/0, select is mask ≠ 0 ? a : b). Layout ops read their operand through
 * an index map: transpose permutes strides, slice and reverse offset them,
 * pad and concat off the time axis select by range; along time, pad before
 * and concat after static parts are delay lines (a ring of d values per
 * channel, primed with the static parts), `y[t] = x[t − d]`.
 *
 * @example
 * import { primEmitters } from './compile-prims.js'
 * primEmitters.add // (c) => ({ body: 'const v = (a+b);' })
 */
import type { OpAttrs, OpName } from '../core/ops.js'
import { broadcastAccess, type Access } from './compile-layout.js'
import { prim, type EmitCtx, type Emitted, type Emitter } from './compile-emit.js'

const unary: Record<string, (a: string) => string> = {
  neg: (a) => `-(${a})`,
  exp: (a) => `Math.exp(${a})`,
  log: (a) => `Math.log(${a})`,
  sin: (a) => `Math.sin(${a})`,
  cos: (a) => `Math.cos(${a})`,
  sqrt: (a) => `Math.sqrt(${a})`,
  tanh: (a) => `Math.tanh(${a})`,
  abs: (a) => `Math.abs(${a})`,
  sign: (a) => `(Math.sign(${a})+0)`,
  floor: (a) => `Math.floor(${a})`,
  stopGradient: (a) => `(${a})`,
}

const binary: Record<string, (a: string, b: string) => string> = {
  add: (a, b) => `(${a}+${b})`,
  sub: (a, b) => `(${a}-${b})`,
  mul: (a, b) => `(${a}*${b})`,
  div: (a, b) => `(${a}/${b})`,
  pow: (a, b) => `Math.pow(${a},${b})`,
  maximum: (a, b) => `Math.max(${a},${b})`,
  minimum: (a, b) => `Math.min(${a},${b})`,
  atan2: (a, b) => `Math.atan2(${a},${b})`,
  less: (a, b) => `(${a}<${b}?1:0)`,
}

const def = (c: EmitCtx, expr: string): Emitted => ({ body: `const ${c.out}=${expr};` })

/** Reads operand j with its own strides permuted/offset: `strides[d]` per output dim. */
const mapped = (c: EmitCtx, j: number, strides: readonly number[], base: number): string => c.read(j, { base, strides, startStride: 0 })

const axisOf = (a: number, rank: number) => (a < 0 ? a + rank : a)

/**
 * A delay line of d values per channel along time: y = ring[(start + t) mod d], then ring ← x (primed with `init`).
 * @example delay(c, 'x', 3)
 */
export const delay = (c: EmitCtx, x: string, d: number, init?: Float64Array): string => {
  if (d === 0) return `const ${c.out}=${x};`
  const ring = c.state(c.stateCount * d, init)
  const k = c.fresh()
  return `const ${k}=(${c.stateIndex})*${d}+(${c.start}+${c.vars[c.timeAxis]})%${d};const ${c.out}=${ring}[${k}];${ring}[${k}]=${x};`
}

const pad: Emitter = (c) => {
  const a = prim(c).attrs as OpAttrs['pad']
  const x = c.slot(0)
  const ta = c.timeAxis
  const off = a.before.some((b, d) => d !== ta && b !== 0) || a.after.some((b, d) => d !== ta && b !== 0)
  let v = c.read(0)
  if (off) {
    const conds = a.before.flatMap((b, d) => (d === ta || (b === 0 && a.after[d] === 0) ? [] : [`${c.vars[d]}>=${b}&&${c.vars[d]}<${b + x.shape[d]!}`]))
    const base = -a.before.reduce((s, b, d) => s + (d === ta ? 0 : b * x.strides[d]!), 0)
    v = `(${conds.join('&&')}?${mapped(c, 0, x.strides, base)}:0)`
  }
  const valid = c.full - a.after[ta]!
  const t = `${c.start}+${c.vars[ta]}`
  const y = c.fresh()
  const body = delay({ ...c, out: y }, v, a.before[ta]!) + `const ${c.out}=${a.after[ta]! > 0 ? `${t}>=${valid}?0:${y}` : y};`
  return { body }
}

const concat: Emitter = (c) => {
  const e = prim(c)
  const axis = axisOf((e.attrs as OpAttrs['concat']).axis, e.shape.length)
  const n = e.inputs.length
  if (axis === c.timeAxis) {
    // static leading parts then the time part: a delay line primed with them (in time order per channel)
    const lead = Array.from({ length: n - 1 }, (_, j) => c.slot(j))
    const d = lead.reduce((s, l) => s + l.shape[axis]!, 0)
    const init = new Float64Array(c.stateCount * d)
    const outer = c.dims.slice(0, axis).reduce((p, q) => p * q, 1)
    const inner = c.stateCount / outer
    let at = 0
    for (const l of lead) {
      const len = l.shape[axis]!
      for (let o = 0; o < outer; o++) for (let t = 0; t < len; t++) for (let i = 0; i < inner; i++) init[(o * inner + i) * d + at + t] = l.data[(o * len + t) * inner + i]!
      at += len
    }
    return { body: delay(c, c.read(n - 1), d, init) }
  }
  let at = 0
  const parts: string[] = []
  for (let j = 0; j < n; j++) {
    const s = c.slot(j)
    const len = s.shape[axis]!
    const dims = c.dims.map((d, i) => (i === axis ? len : d))
    const acc: Access = broadcastAccess(s, dims, c.timeAxis, c.full)
    const read = c.read(j, { ...acc, base: acc.base - at * acc.strides[axis]! })
    parts.push(j === n - 1 ? read : `${c.vars[axis]}<${at + len}?${read}:`)
    at += len
  }
  return def(c, `(${parts.join('')})`)
}

/** gather: time in the operand or in the indices; x[…, round(idx), …] (0 outside [0, n)). Both time-indexed: a delay read. */
const gather: Emitter = (c) => {
  const e = prim(c)
  const a = e.attrs as OpAttrs['gather']
  const [xs, is] = [c.slot(0), c.slot(1)]
  if (xs.time !== null && is.time !== null) return delayRead(c)
  const axis = axisOf(a.axis, xs.shape.length)
  const span = is.shape.length - a.batchDims
  const idxStrides = c.dims.map((_, d) => (d < a.batchDims ? is.strides[d]! : d >= axis && d < axis + span ? is.strides[a.batchDims + d - axis]! : 0))
  const xStrides = c.dims.map((_, d) => (d < axis ? xs.strides[d]! : d >= axis + span ? xs.strides[d - span + 1]! : 0))
  const j = c.fresh()
  const n = xs.shape[axis]!
  const xAt = c.at(0, { base: 0, strides: xStrides, startStride: 0 })
  return {
    body: `const ${j}=Math.round(${mapped(c, 1, idxStrides, 0)});const ${c.out}=${j}>=0&&${j}<${n}?${c.buf(0)}[${xAt}+${j}*${xs.strides[axis]!}]:0;`,
  }
}

/** Delay read: the operand's history is carried whole (the stream has the program's length); y[t] = x[round(idx[t])]. */
const delayRead: Emitter = (c) => {
  const x = c.slot(0)
  const [rows, total] = [x.shape[0]!, c.full]
  const hist = c.state(rows * total)
  const cap = x.shape[1]!
  const fail = c.fn((j: number, end: number) => {
    throw new Error(`delay read at sample ${j} is ahead of the stream (block ends at ${end})`)
  })
  const pre = `for(let r=0;r<${rows};r++)for(let t=0;t<n;t++)${hist}[r*${total}+p+t]=${c.buf(0)}[r*${cap}+t];`
  const j = c.fresh()
  const r = c.vars[0]
  return {
    pre,
    body: `const ${j}=Math.round(${c.read(1)});const ${c.out}=${j}<0||${j}>=${total}?0:${j}>=p+n?${fail}(${j},p+n):${hist}[${r}*${total}+${j}];`,
  }
}

/** Emitters of the time-local primitives, by op. */
export const primEmitters: Readonly<Partial<Record<OpName, Emitter>>> = {
  ...Object.fromEntries(Object.entries(unary).map(([op, f]) => [op, (c: EmitCtx) => def(c, f(c.read(0)))])),
  ...Object.fromEntries(Object.entries(binary).map(([op, f]) => [op, (c: EmitCtx) => def(c, f(c.read(0), c.read(1)))])),
  select: (c) => def(c, `(${c.read(0)}!==0?${c.read(1)}:${c.read(2)})`),
  broadcast: (c) => def(c, c.read(0)),
  reshape: (c) => def(c, c.read(0, { base: 0, strides: c.outSlot.strides, startStride: 0 })),
  transpose: (c) => {
    const perm = (prim(c).attrs as OpAttrs['transpose']).perm
    return def(c, mapped(c, 0, perm.map((p) => c.slot(0).strides[p]!), 0))
  },
  slice: (c) => {
    const a = prim(c).attrs as OpAttrs['slice']
    const x = c.slot(0)
    return def(c, mapped(c, 0, x.strides, a.begin.reduce((s, b, d) => s + (d === c.timeAxis ? 0 : b * x.strides[d]!), 0)))
  },
  reverse: (c) => {
    const x = c.slot(0)
    const axes = (prim(c).attrs as OpAttrs['reverse']).axes.map((a) => axisOf(a, x.shape.length))
    const base = axes.reduce((s, d) => s + (x.shape[d]! - 1) * x.strides[d]!, 0)
    return def(c, mapped(c, 0, x.strides.map((s, d) => (axes.includes(d) ? -s : s)), base))
  },
  pad,
  concat,
  gather,
}
