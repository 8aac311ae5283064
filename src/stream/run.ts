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
import type { HostTensor, Kernels } from '../core/backend.js'
import type { OpAttrs } from '../core/ops.js'
import type { PrimEqn } from '../core/program.js'
import type { BlockCtx } from './align.js'
import type { Plan } from './plan.js'
import { sourceBlock } from './rules/sources.js'
import type { Clock, StateValue, Window } from './types.js'

type Kern = (i: readonly HostTensor[], a: unknown, s: readonly number[]) => HostTensor

/**
 * Full values of every static equation, by key (composite bodies included).
 * @param named static inputs and params, by name  @param args a body's args (undefined where time-indexed)
 * @example evalStatic(kernels, plan, new Map([['gain', g]]), [])
 */
export const evalStatic = (
  k: Kernels<HostTensor>,
  plan: Plan,
  named: ReadonlyMap<string, HostTensor>,
  args: ReadonlyArray<HostTensor | undefined>,
  into: Map<string, HostTensor> = new Map(),
): Map<string, HostTensor> => {
  const values = new Map<number, HostTensor | undefined>()
  for (const p of plan.eqns) {
    const e = p.eqn
    const ins = e.inputs.map((i) => values.get(i))
    if (p.how.kind === 'body') evalStatic(k, p.how.plan, named, ins, into)
    if (p.how.kind !== 'static') continue
    let v: HostTensor
    if (e.op === 'input' || e.op === 'param') v = named.get((e.attrs as OpAttrs['input']).name)!
    else if (e.op === 'arg') v = args[(e.attrs as OpAttrs['arg']).index]!
    else if (e.op === 'composite') {
      const inner = evalStatic(k, bodyPlanOf(p), named, ins as HostTensor[], into)
      v = inner.get('0')!
    } else v = (k[e.op as Exclude<typeof e.op, 'input' | 'param' | 'arg'>] as Kern)(ins as HostTensor[], e.attrs, e.shape)
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
  k: Kernels<HostTensor>,
  plan: Plan,
  statics: ReadonlyMap<string, HostTensor>,
  feeds: Readonly<Record<string, HostTensor>>,
  args: readonly HostTensor[],
  w: Window,
  clock: Clock,
  cell: StateCell,
): Map<string, HostTensor> => {
  const values = new Map<number, HostTensor>()
  for (const p of plan.eqns) {
    const e = p.eqn
    const ins = e.inputs.map((i) => values.get(i)!)
    const ctx: BlockCtx = { kernels: k, clock, w, get: () => cell.read(p.key), put: (v) => cell.write(p.key, v) }
    let v: HostTensor
    if (p.how.kind === 'static') v = statics.get(p.key)!
    else if (p.how.kind === 'source')
      v = e.op === 'input' ? feeds[(e.attrs as OpAttrs['input']).name]! : e.op === 'arg' ? args[(e.attrs as OpAttrs['arg']).index]! : sourceBlock(k, e as PrimEqn, p.info!, w, ins)
    else if (p.how.kind === 'prim') v = p.how.rule.run(ctx, e as PrimEqn, ins, p.ins, p.info!)
    else if (p.how.kind === 'rule') v = p.how.rule.run(ctx, e as Extract<typeof e, { op: 'composite' }>, ins, p.ins, p.info!)
    else v = runBlock(k, p.how.plan, statics, feeds, ins, w, clock, cell).get('0')!
    values.set(e.id, v)
  }
  const out = new Map<string, HostTensor>()
  for (const o of plan.outputs) if (plan.infos.get(o.id) !== null) out.set(o.name, values.get(o.id)!)
  return out
}
