/**
 * Running a plan: `evalStatic` computes once, in full, every value constant
 * in time (params, static inputs, tables); `runBlock` computes one block of
 * every time-indexed value, reading and writing carried state by key.
 *
 * @example
 * import { evalStatic, runBlock } from './run.js'
 * const statics = evalStatic(kernels, plan, named, [])
 * const outs = runBlock(kernels, plan, statics, blockFeeds, [], window, state)
 */
import type { Kernels } from '../../core/backend.js'
import type { RefTensor } from '../../backends/reference/index.js'
import type { OpAttrs } from '../../core/ops.js'
import type { PrimEqn } from '../../core/program.js'
import { normalAt, uniformAt } from '../../core/random.js'
import { stridesOf } from '../../core/shape.js'
import type { BlockCtx } from './align.js'
import type { Plan } from './plan.js'
import { extentOf, start, withTime, type Clock, type StateValue, type TimeInfo, type Window } from './types.js'

type Kern = (i: readonly RefTensor[], a: unknown, s: readonly number[]) => RefTensor

/**
 * Full values of every static equation, by key (composite bodies included).
 * @param named static inputs and params, by name  @param args a body's args (undefined where time-indexed)
 * @example evalStatic(kernels, plan, new Map([['gain', g]]), [])
 */
export const evalStatic = (
  k: Kernels<RefTensor>,
  plan: Plan,
  named: ReadonlyMap<string, RefTensor>,
  args: ReadonlyArray<RefTensor | undefined>,
  into: Map<string, RefTensor> = new Map(),
): Map<string, RefTensor> => {
  const values = new Map<number, RefTensor | undefined>()
  for (const p of plan.eqns) {
    const e = p.eqn
    const ins = e.inputs.map((i) => values.get(i))
    if (p.how.kind === 'body') evalStatic(k, p.how.plan, named, ins, into)
    if (p.how.kind !== 'static') continue
    let v: RefTensor
    if (e.op === 'input' || e.op === 'param') v = named.get((e.attrs as OpAttrs['input']).name)!
    else if (e.op === 'arg') v = args[(e.attrs as OpAttrs['arg']).index]!
    else if (e.op === 'composite') {
      const inner = evalStatic(k, bodyPlanOf(p), named, ins as RefTensor[], into)
      v = inner.get('0')!
    } else v = (k[e.op as Exclude<typeof e.op, 'input' | 'param' | 'arg'>] as Kern)(ins as RefTensor[], e.attrs, e.shape)
    values.set(e.id, v)
    into.set(p.key, v)
  }
  for (const o of plan.outputs) {
    const v = values.get(o.id)
    if (v !== undefined) into.set(o.name, v)
  }
  return into
}

/** A static composite is evaluated through its body, analysed with all-static args. */
const bodyPlanOf = (p: Plan['eqns'][number]): Plan => {
  const e = p.eqn as Extract<typeof p.eqn, { op: 'composite' }>
  return { eqns: e.body.eqns.map((q) => ({ eqn: q, key: `${p.key}/${q.op === 'composite' ? q.name : q.op}#${q.id}`, info: null, ins: [], how: { kind: 'static' } })), outputs: e.body.outputs, infos: new Map() }
}

/** A block of a time source: a feed or arg, a constant spanning the stream, noise, or a broadcast static. */
const sourceBlock = (k: Kernels<RefTensor>, e: PrimEqn, t: NonNullable<TimeInfo>, w: Window, ins: readonly RefTensor[]): RefTensor => {
  const len = extentOf(t.rate, w)
  const shape = withTime(e.shape, t, len)
  const at = start(t.rate, w)
  if (e.op === 'broadcast') return k.broadcast(ins, { shape }, shape)
  if (e.op === 'constant') {
    const a = e.attrs as OpAttrs['constant']
    if (a.data.length === 1) return k.constant([], { shape, data: a.data }, shape)
    const full = k.constant([], a, e.shape)
    return k.slice([full], { begin: e.shape.map((_, i) => (i === t.axis ? at : 0)), size: shape }, shape)
  }
  // noise: element (…, t, …) of the full tensor has counter offset + its flat index there
  const a = e.attrs as OpAttrs['noise']
  const draw = a.dist === 'uniform' ? uniformAt : normalAt
  const fs = stridesOf(e.shape)
  const bs = stridesOf(shape)
  const out = new Array<number>(shape.reduce((x, y) => x * y, 1)) // the constant's attribute data: filled in place, not copied
  for (let i = 0; i < out.length; i++) {
    let flat = 0
    for (let d = 0; d < shape.length; d++) flat += (Math.floor(i / bs[d]!) % shape[d]!) * fs[d]! + (d === t.axis ? at * fs[d]! : 0)
    out[i] = draw(a.seed, a.offset + flat)
  }
  return k.constant([], { shape, data: out }, shape)
}

/** Mutable per-block state access, copied on write into a fresh record. */
export interface StateCell {
  readonly read: (key: string) => StateValue | undefined
  readonly write: (key: string, v: StateValue) => void
}

/**
 * Computes one block of every time-indexed value of a plan.
 * @param statics from `evalStatic`  @param feeds block values of time-indexed inputs  @param args a body's args
 * @returns the block of each output, by name (static outputs are absent)
 * @example runBlock(k, plan, statics, { x: block }, [], { p: 0, n: 64, fp: 0, m: 0 }, clock, cell)
 */
export const runBlock = (
  k: Kernels<RefTensor>,
  plan: Plan,
  statics: ReadonlyMap<string, RefTensor>,
  feeds: Readonly<Record<string, RefTensor>>,
  args: readonly RefTensor[],
  w: Window,
  clock: Clock,
  cell: StateCell,
): Map<string, RefTensor> => {
  const values = new Map<number, RefTensor>()
  for (const p of plan.eqns) {
    const e = p.eqn
    const ins = e.inputs.map((i) => values.get(i)!)
    const ctx: BlockCtx = { kernels: k, clock, w, get: () => cell.read(p.key), put: (v) => cell.write(p.key, v) }
    let v: RefTensor
    if (p.how.kind === 'static') v = statics.get(p.key)!
    else if (p.how.kind === 'source')
      v = e.op === 'input' ? feeds[(e.attrs as OpAttrs['input']).name]! : e.op === 'arg' ? args[(e.attrs as OpAttrs['arg']).index]! : sourceBlock(k, e as PrimEqn, p.info!, w, ins)
    else if (p.how.kind === 'prim') v = p.how.rule.run(ctx, e as PrimEqn, ins, p.ins, p.info!)
    else if (p.how.kind === 'rule') v = p.how.rule.run(ctx, e as Extract<typeof e, { op: 'composite' }>, ins, p.ins, p.info!)
    else v = runBlock(k, p.how.plan, statics, feeds, ins, w, clock, cell).get('0')!
    values.set(e.id, v)
  }
  const out = new Map<string, RefTensor>()
  for (const o of plan.outputs) if (plan.infos.get(o.id) !== null) out.set(o.name, values.get(o.id)!)
  return out
}
