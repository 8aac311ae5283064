/**
 * Flattening an analysed plan for the block compiler: composite bodies
 * without a rule or a lowering are inlined (their `arg`s become the outer
 * operands), so the compiler sees one list of time-indexed equations, each
 * with references to its operands (a time-indexed equation's key, or a static
 * value's key in `evalStatic`'s map). Composites that have a stream rule or a
 * real-time lowering stay one equation.
 *
 * @example
 * import { flatten } from './compile-flat.js'
 * const { nodes, outputs } = flatten(plan, (e) => e.name in lowerings)
 */
import type { CompositeEqn, Eqn } from '../core/program.js'
import type { Plan } from './plan.js'
import type { TimeInfo } from './types.js'

/** An operand: a time-indexed node's key or a static value's key. */
export type Ref = { readonly time: true; readonly key: string } | { readonly time: false; readonly key: string }

/** One time-indexed equation of the flattened program. */
export interface FlatNode {
  readonly key: string
  readonly eqn: Eqn
  readonly info: NonNullable<TimeInfo>
  readonly ins: readonly Ref[]
  readonly infos: readonly TimeInfo[]
  /** 'source' (input, noise, a constant or broadcast spanning the stream), 'prim', or 'composite' (a rule or a lowering). */
  readonly kind: 'source' | 'prim' | 'composite'
}

/** The flattened program: nodes in evaluation order and each output's reference. */
export interface Flat {
  readonly nodes: readonly FlatNode[]
  readonly outputs: ReadonlyArray<{ readonly name: string; readonly ref: Ref }>
}

/**
 * Flattens a plan; `keep(e)` says whether a composite with a body is kept whole (it has a lowering).
 * @example flatten(plan, () => false)
 */
export const flatten = (plan: Plan, keep: (e: CompositeEqn, ins: readonly TimeInfo[]) => boolean): Flat => {
  const nodes: FlatNode[] = []
  const walk = (p: Plan, args: readonly Ref[]): Map<number, Ref> => {
    const env = new Map<number, Ref>()
    for (const q of p.eqns) {
      const e = q.eqn
      const ins = e.inputs.map((i) => env.get(i)!)
      if (q.how.kind === 'static') {
        env.set(e.id, { time: false, key: q.key })
        continue
      }
      if (e.op === 'arg') {
        env.set(e.id, args[(e.attrs as { readonly index: number }).index]!)
        continue
      }
      if (q.how.kind === 'body' && !(e.op === 'composite' && keep(e, q.ins))) {
        const inner = walk(q.how.plan, ins)
        const out = q.how.plan.outputs.find((o) => o.name === '0') ?? q.how.plan.outputs[0]!
        env.set(e.id, inner.get(out.id)!)
        continue
      }
      const kind = q.how.kind === 'source' ? 'source' : e.op === 'composite' ? 'composite' : 'prim'
      nodes.push({ key: q.key, eqn: e, info: q.info!, ins, infos: q.ins, kind })
      env.set(e.id, { time: true, key: q.key })
    }
    for (const o of p.outputs) if (!env.has(o.id)) env.set(o.id, { time: false, key: o.name })
    return env
  }
  const env = walk(plan, [])
  return { nodes, outputs: plan.outputs.map((o) => ({ name: o.name, ref: env.get(o.id)! })) }
}
