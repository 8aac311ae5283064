/**
 * Pointwise emitters with carried state or inner loops: cumsum (along time a
 * running sum per channel; along another axis a prefix sum of the operand),
 * the linear recurrence y[s] = x[s] + A[s]·y[s−1] (k-dimensional state, read
 * back from the stored output, the carry per channel being y at the block's
 * last sample), reductions and matmul (inner loops over the reduced or
 * contracted axes, in the reference kernels' order), the sources (noise by
 * its counter, constant tables read at start + t), the phase accumulator
 * (φ = 2π/sr·wrap(Σ f), wrapped per sample) and the control → audio
 * upsamplers (a ring of the frames still needed; y = x[i₀] + (x[i₁] − x[i₀])·w
 * with the host tables of `host/upsample.ts`).
 *
 * @example
 * import { scanEmitters } from './compile-scans.js'
 * scanEmitters.cumsum // the running sum
 */
import type { OpAttrs } from '../core/ops.js'
import type { CompositeEqn } from '../core/program.js'
import { normalAt, uniformAt } from '../core/random.js'
import { stridesOf } from '../core/shape.js'
import { upsampleTable, type UpsampleMethod } from '../host/upsample.js'
import { broadcastAccess, offsetExpr } from './compile-layout.js'
import { prim, type EmitCtx, type Emitter } from './compile-emit.js'

const axisOf = (a: number, rank: number) => (a < 0 ? a + rank : a)

/** The operand's own strides with one axis left to a manual term. */
const without = (c: EmitCtx, j: number, axis: number) => {
  const acc = broadcastAccess(c.slot(j), c.dims, c.timeAxis, c.full)
  return { at: c.at(j, { ...acc, strides: acc.strides.map((s, d) => (d === axis ? 0 : s)) }), stride: acc.strides[axis]! }
}

const cumsum: Emitter = (c) => {
  const a = prim(c).attrs as OpAttrs['cumsum']
  const axis = axisOf(a.axis, c.dims.length)
  if (axis === c.timeAxis) {
    const s = c.state(c.stateCount)
    const x = c.fresh()
    const at = `${s}[${c.stateIndex}]`
    return { body: `const ${x}=${c.read(0)};` + (a.exclusive ? `const ${c.out}=${at};${at}+=${x};` : `${at}+=${x};const ${c.out}=${at};`) }
  }
  const { at, stride } = without(c, 0, axis)
  const i = c.vars[axis]!
  const L = c.dims[axis]!
  const [from, to, step] = a.reverse ? [`${L - 1}`, a.exclusive ? `q>${i}` : `q>=${i}`, 'q--'] : ['0', a.exclusive ? `q<${i}` : `q<=${i}`, 'q++']
  return { body: `let ${c.out}=0;for(let q=${from};${to};${step})${c.out}+=${c.buf(0)}[${at}+q*${stride}];` }
}

const recurrence: Emitter = (c) => {
  const r = c.dims.length
  const k = c.dims[r - 1]!
  const scan = r - 2
  const i = c.vars[r - 1]!
  const s = c.vars[scan]!
  const out = c.outBuf()
  const os = c.outSlot.strides
  const outAt = offsetExpr({ base: 0, strides: os, startStride: 0 }, c.vars, c.start)
  const aAcc = broadcastAccess(c.slot(0), [...c.dims, k], c.timeAxis, c.full)
  const aAt = c.at(0, { ...aAcc, strides: aAcc.strides.slice(0, r) })
  const aj = aAcc.strides[r]!
  const row = c.fresh()
  let first: string
  let post: string | undefined
  if (scan === c.timeAxis) {
    const y0 = c.slot(2).data
    const st = c.state(c.stateCount, Float64Array.from({ length: c.stateCount }, (_, q) => y0[q % y0.length]!))
    first = `${st}[${c.stateIndex}-${i}+j]`
    const outer = c.dims.slice(0, scan).reduce((p, q) => p * q, 1)
    const cap = c.dims[scan]!
    post = `if(${c.len}>0)for(let o=0;o<${outer};o++)for(let q=0;q<${k};q++)${st}[o*${k}+q]=${out}[(o*${cap}+${c.len}-1)*${k}+q];`
  } else {
    const y0 = c.slot(2)
    const dims = c.dims.filter((_, d) => d !== scan)
    const acc = broadcastAccess(y0, dims, c.timeAxis < scan ? c.timeAxis : c.timeAxis - 1, c.full)
    const strides = c.dims.map((_, d) => (d === scan ? 0 : acc.strides[d < scan ? d : d - 1]!))
    first = `${c.buf(2)}[${c.at(2, { ...acc, strides })}-${i}+j]`
  }
  const body =
    `const ${row}=${outAt}-${i};let ${c.out}=${c.read(1)};` +
    `for(let j=0;j<${k};j++)${c.out}+=${c.buf(0)}[${aAt}+j*${aj}]*(${s}===0?${first}:${out}[${row}-${os[scan]!}+j]);`
  return post === undefined ? { body } : { body, post }
}

const reduce =
  (init: string, step: (acc: string, v: string) => string): Emitter =>
  (c) => {
    const x = c.slot(0)
    const axes = (prim(c).attrs as OpAttrs['sum']).axes.map((a) => axisOf(a, x.shape.length))
    const kept = x.shape.map((_, d) => d).filter((d) => !axes.includes(d))
    const strides = c.dims.map((_, o) => (x.shape[kept[o]!] === 1 ? 0 : x.strides[kept[o]!]!))
    const at = c.at(0, { base: 0, strides, startStride: 0 })
    const loops = axes.map((d, j) => `for(let r${j}=0;r${j}<${x.shape[d]!};r${j}++)`).join('')
    const off = axes.map((d, j) => `+r${j}*${x.strides[d]!}`).join('')
    return { body: `let ${c.out}=${init};${loops}${c.out}=${step(c.out, `${c.buf(0)}[${at}${off}]`)};` }
  }

const matmul: Emitter = (c) => {
  const a = prim(c).attrs as OpAttrs['matmul']
  const r = c.dims.length
  const side = (j: number, rowAxis: number) => {
    const s = c.slot(j)
    const q = s.shape.length
    const t = j === 0 ? a.transposeA : a.transposeB
    const [kAxis, other] = j === 0 ? (t ? [q - 2, q - 1] : [q - 1, q - 2]) : t ? [q - 1, q - 2] : [q - 2, q - 1]
    const strides = c.dims.map((_, o) => {
      if (o === rowAxis) return s.strides[other]!
      if (o >= r - 2) return 0
      const d = o - (r - 2) + (q - 2)
      return d < 0 || s.shape[d] === 1 ? 0 : s.strides[d]!
    })
    return { at: c.at(j, { base: 0, strides, startStride: 0 }), k: s.strides[kAxis]!, K: s.shape[kAxis]! }
  }
  const A = side(0, r - 2)
  const B = side(1, r - 1)
  return { body: `let ${c.out}=0;for(let q=0;q<${A.K};q++)${c.out}+=${c.buf(0)}[${A.at}+q*${A.k}]*${c.buf(1)}[${B.at}+q*${B.k}];` }
}

const noise: Emitter = (c) => {
  const a = prim(c).attrs as OpAttrs['noise']
  const fs = stridesOf(prim(c).shape)
  const draw = c.fn(a.dist === 'uniform' ? uniformAt : normalAt)
  const flat = c.vars.map((v, d) => (v === '0' ? '' : `+${v}*${fs[d]!}`)).join('')
  return { body: `const ${c.out}=${draw}(${a.seed},${a.offset}+${c.start}*${fs[c.timeAxis]!}${flat});` }
}

const constant: Emitter = (c) => {
  const a = prim(c).attrs as OpAttrs['constant']
  if (a.data.length === 1) return { body: `const ${c.out}=${a.data[0]!};` }
  const tab = c.table(Float64Array.from(a.data))
  const fs = stridesOf(a.shape)
  const flat = c.vars.map((v, d) => (v === '0' ? '' : `+${v}*${fs[d]!}`)).join('')
  return { body: `const ${c.out}=${tab}[${c.start}*${fs[c.timeAxis]!}${flat}];` }
}

const phase: Emitter = (c) => {
  const sr = (c.eqn as CompositeEqn).attrs['sampleRate'] as number
  const s = c.state(c.stateCount)
  const at = `${s}[${c.stateIndex}]`
  return { body: `${at}+=${c.read(0)};${at}-=Math.floor(${at}*${1 / sr})*${sr};const ${c.out}=${at}*${(2 * Math.PI) / sr};` }
}

const upsample: Emitter = (c) => {
  const e = c.eqn as CompositeEqn
  const x = c.slot(0)
  const [B, capF, C] = x.shape as [number, number, number]
  const F = e.body.args[0]![1]!
  const tab = upsampleTable(e.attrs['method'] as UpsampleMethod, F, c.full)
  const [i0, i1, w] = [c.table(Int32Array.from(tab.i0)), c.table(Int32Array.from(tab.i1)), c.table(Float64Array.from(tab.w1))]
  const cap = capF + 4
  const ring = c.state(cap * B * C)
  const late = c.fn((f: number, have: number) => {
    throw new Error(`upsample: control frame ${f} not delivered (have ${have})`)
  })
  const pre =
    `for(let b=0;b<${B};b++)for(let f=0;f<m;f++)for(let k=0;k<${C};k++)${ring}[((fp+f)%${cap})*${B * C}+b*${C}+k]=${c.buf(0)}[(b*${capF}+f)*${C}+k];` +
    `if(n>0&&${i1}[p+n-1]>=fp+m)${late}(${i1}[p+n-1],fp+m);`
  const [b, t, k] = c.vars as [string, string, string]
  const g = c.fresh()
  const a0 = c.fresh()
  const row = `${b}*${C}+${k}`
  return {
    pre,
    body: `const ${g}=p+${t};const ${a0}=${ring}[(${i0}[${g}]%${cap})*${B * C}+${row}];const ${c.out}=${a0}+(${ring}[(${i1}[${g}]%${cap})*${B * C}+${row}]-${a0})*${w}[${g}];`,
  }
}

/** Emitters with state or inner loops, by primitive op or composite name. */
export const scanEmitters: Readonly<Record<string, Emitter>> = {
  cumsum,
  recurrence,
  sum: reduce('0', (acc, v) => `${acc}+${v}`),
  reduceMax: reduce('-Infinity', (acc, v) => `Math.max(${acc},${v})`),
  matmul,
  noise,
  constant,
  'dsp.phase': phase,
  'dsp.upsample.linear': upsample,
  'dsp.upsample.window': upsample,
  'dsp.upsample.centered': upsample,
}
