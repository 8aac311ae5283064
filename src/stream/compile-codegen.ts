/**
 * Code generation of the block compiler: consecutive pointwise nodes with the
 * same block shape (and time axis) share one loop nest, each node's value a
 * local of the loop body that its consumers in the loop read directly; a node
 * read elsewhere (by another loop, a block kernel, an output, or at another
 * point) is also stored to its arena slot. Block kernels are calls between
 * loops. The result is the body of one JavaScript function, compiled once per
 * Program with `new Function`, over buffers bound as closure constants.
 *
 * @example
 * import { Codegen } from './compile-codegen.js'
 * const g = new Codegen(); // g.node(…) per node in order, g.kernel(k) between; g.build() → process function
 */
import type { Eqn } from '../core/program.js'
import { stateIndexOf, type EmitCtx, type Emitter } from './compile-emit.js'
import { broadcastAccess, offsetExpr, type Access, type Slot } from './compile-layout.js'
import type { BlockKernel } from './compile-kernels.js'
import type { Clock } from './types.js'

interface Group {
  readonly dims: readonly number[]
  readonly timeAxis: number
  readonly rate: string
  readonly members: Set<string>
  pre: string
  body: string
  post: string
}

/** One node to emit: its key, equation, output slot, operand keys and slots (time keys or undefined for statics). */
export interface EmitNode {
  readonly key: string
  readonly eqn: Eqn
  readonly out: Slot
  readonly ins: ReadonlyArray<{ readonly key: string | undefined; readonly slot: Slot }>
}

/** Thrown inside an emission to ask for a fresh loop. */
const CONFLICT = Symbol('conflict')

/** Generates the process function of a compiled stream. */
export class Codegen {
  private readonly consts: unknown[] = []
  private readonly names = new Map<unknown, string>()
  private readonly code: string[] = []
  private group: Group | undefined
  private readonly locals = new Map<string, string>()
  private readonly stored = new Set<string>()
  private readonly slots = new Map<string, Slot>()
  private fresh = 0
  /** States to reset: buffer and initial values. */
  readonly states: Array<{ readonly data: Float64Array; readonly init: Float64Array | undefined }> = []
  readonly kernels: BlockKernel[] = []

  constructor(private readonly clock: Clock) {}

  private name(x: unknown, prefix: string): string {
    let n = this.names.get(x)
    if (n === undefined) {
      n = `${prefix}${this.consts.length}`
      this.names.set(x, n)
      this.consts.push(x)
    }
    return n
  }

  private flush(): void {
    const g = this.group
    if (g === undefined) return
    const loops = g.dims.map((d, i) => (d === 1 && i !== g.timeAxis ? '' : `for(let i${i}=0;i${i}<${i === g.timeAxis ? (g.rate === 'audio' ? 'n' : 'm') : d};i${i}++)`)).join('')
    this.code.push(`${g.pre}${loops}{${g.body}}${g.post}`)
    this.group = undefined
  }

  /** Marks a node as read from its slot (its loop stores it). */
  private use(key: string | undefined): void {
    if (key !== undefined) this.stored.add(key)
  }

  /** Emits a pointwise node into the current loop, or a new one. */
  node(n: EmitNode, emit: Emitter): void {
    this.slots.set(n.key, n.out)
    const t = n.out.time!
    const same = (g: Group) => g.timeAxis === t.axis && g.rate === t.rate && g.dims.length === n.out.shape.length && g.dims.every((d, i) => d === n.out.shape[i])
    if (this.group !== undefined && !same(this.group)) this.flush()
    for (let attempt = 0; attempt < 2; attempt++) {
      const g = (this.group ??= { dims: n.out.shape, timeAxis: t.axis, rate: t.rate, members: new Set(), pre: '', body: '', post: '' })
      try {
        const r = emit(this.ctx(n, g))
        if (r.pre !== undefined && g.members.size > 0) throw CONFLICT
        g.pre += r.pre ?? ''
        g.body += `${r.body}/*S:${n.key}*/`
        g.post += r.post ?? ''
        g.members.add(n.key)
        return
      } catch (err) {
        if (err !== CONFLICT || attempt === 1) throw err
        this.flush()
      }
    }
  }

  /** A block kernel call between loops; `reads` are the time keys it reads. */
  kernel(k: BlockKernel, key: string, out: Slot, reads: ReadonlyArray<string | undefined>): void {
    this.flush()
    this.slots.set(key, out)
    reads.forEach((r) => this.use(r))
    this.kernels.push(k)
    this.code.push(`${this.name(k.run, 'k')}();`)
  }

  /** Marks values read after the loops (outputs). */
  output(key: string): void {
    this.use(key)
  }

  private ctx(n: EmitNode, g: Group): EmitCtx {
    const vars = n.out.shape.map((d, i) => (d === 1 && i !== g.timeAxis ? '0' : `i${i}`))
    const start = g.rate === 'audio' ? 'p' : 'fp'
    const local = `v${this.fresh++}`
    this.locals.set(n.key, local)
    const full = g.rate === 'audio' ? this.clock.samples : this.clock.frames
    const si = stateIndexOf(vars, n.out.shape, g.timeAxis)
    const bufOf = (j: number): string => {
      const o = n.ins[j]!
      if (o.key !== undefined && g.members.has(o.key)) throw CONFLICT
      this.use(o.key)
      return this.name(o.slot.data, 'a')
    }
    const at = (j: number, a: Access): string => {
      bufOf(j)
      return offsetExpr(a, vars, start)
    }
    const read = (j: number, a?: Access): string => {
      const o = n.ins[j]!
      if (a === undefined && o.key !== undefined && g.members.has(o.key)) {
        const s = this.slots.get(o.key)!
        if (s.shape.length === n.out.shape.length && s.shape.every((d, i) => d === n.out.shape[i])) return this.locals.get(o.key)!
      }
      const acc = a ?? broadcastAccess(o.slot, n.out.shape, g.timeAxis, full)
      return `${bufOf(j)}[${at(j, acc)}]`
    }
    return {
      eqn: n.eqn,
      vars,
      dims: n.out.shape,
      timeAxis: g.timeAxis,
      start,
      len: g.rate === 'audio' ? 'n' : 'm',
      full,
      read,
      at,
      buf: bufOf,
      slot: (j) => n.ins[j]!.slot,
      outBuf: () => {
        this.use(n.key)
        return this.name(n.out.data, 'a')
      },
      outSlot: n.out,
      state: (size, init) => {
        const data = new Float64Array(size)
        this.states.push({ data, init })
        if (init !== undefined) data.set(init)
        return this.name(data, 's')
      },
      table: (data) => this.name(data, 't'),
      fn: (f) => this.name(f, 'f'),
      stateIndex: si.expr,
      stateCount: si.count,
      out: local,
      fresh: () => `_${this.fresh++}`,
    }
  }

  /** The process function `(w) => void` over the window [p, n, fp, m], and its source. */
  build(): { readonly run: (w: Float64Array) => void; readonly source: string } {
    this.flush()
    const stores = (src: string) =>
      src.replace(/\/\*S:(.*?)\*\//g, (_m, key: string) => {
        if (!this.stored.has(key)) return ''
        const s = this.slots.get(key)!
        const g = s.shape.map((d, i) => (d === 1 && i !== s.time!.axis ? '0' : `i${i}`))
        return `${this.name(s.data, 'a')}[${offsetExpr({ base: 0, strides: s.strides, startStride: 0 }, g, 'p')}]=${this.locals.get(key)!};`
      })
    const body = stores(this.code.join('\n'))
    const decl = [...this.names.entries()].map(([, nm], i) => `const ${nm}=C[${i}];`).join('')
    const source = `${decl}return function process(W){const p=W[0],n=W[1],fp=W[2],m=W[3];\n${body}\n}`
    const run = new Function('C', source)(this.consts) as (w: Float64Array) => void
    return { run, source }
  }
}
