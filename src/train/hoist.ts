/**
 * Loop-invariant hoisting for training loops: the equations of a Program
 * that depend only on inputs that stay fixed across steps (a target
 * recording, its spectrograms, the synth's noise) are split into a `pre`
 * Program, evaluated once; the per-step `main` Program reads their values as
 * inputs named `hoisted:<id>`. `main` with those feeds computes exactly what
 * the original Program computes (same equations, same order), so hoisting
 * changes cost, never values. Constants stay in `main` (they cost nothing).
 *
 * @example
 * const { pre, main } = hoistInvariants(trainProgram, new Set(['target']))
 * const fixed = await evaluate(b)(pre, { target })           // once
 * await evaluate(b)(main, { ...params, ...hoistedFeeds(fixed) }) // every step
 */
import type { HostTensor } from '../core/backend.js'
import type { Declaration, Eqn, Program } from '../core/program.js'

/** The input name under which `main` reads a hoisted value. @example hoistedName(12) // 'hoisted:12' */
export const hoistedName = (id: number): string => `hoisted:${id}`

/**
 * The outputs of `pre` as feeds of `main` (their data, by the same `hoisted:<id>` names).
 * @param fixed what evaluating `pre` returned
 * @example await evaluate(b)(main, { ...params, ...hoistedFeeds(fixed) })
 */
export const hoistedFeeds = (fixed: Readonly<Record<string, HostTensor>>): Record<string, HostTensor['data']> =>
  Object.fromEntries(Object.entries(fixed).map(([k, v]) => [k, v.data]))

/** The two halves of a hoisted Program. */
export interface Hoisted {
  /** Inputs: the invariant ones; outputs: one per hoisted value (`hoisted:<id>`). */
  readonly pre: Program
  /** The original outputs, reading hoisted values as inputs. */
  readonly main: Program
}

/** Whether an equation can be hoisted given which of its inputs are invariant. */
const invariantEqn = (e: Eqn, invariantIds: ReadonlySet<number>, fixed: ReadonlySet<string>): boolean => {
  if (e.op === 'param' || e.op === 'arg') return false
  if (e.op === 'input') return fixed.has((e.attrs as { name: string }).name)
  return e.inputs.every((i) => invariantIds.has(i))
}

/**
 * Splits `p` into the part depending only on `fixed` inputs (and sources) and the rest.
 * @param p a top-level Program  @param fixed names of inputs that do not change between evaluations
 * @example hoistInvariants(p, new Set(['target'])).pre.outputs.length // values handed to main
 */
export const hoistInvariants = (p: Program, fixed: ReadonlySet<string>): Hoisted => {
  const invariant = new Set<number>()
  for (const e of p.eqns) if (invariantEqn(e, invariant, fixed)) invariant.add(e.id)
  const cheap = (e: Eqn) => e.op === 'constant'
  const byId = new Map(p.eqns.map((e) => [e.id, e] as const))
  // values crossing from the invariant part into the varying part (or read as outputs)
  const crossing = new Set<number>()
  for (const e of p.eqns) if (!invariant.has(e.id)) for (const i of e.inputs) if (invariant.has(i) && !cheap(byId.get(i)!)) crossing.add(i)
  for (const o of p.outputs) if (invariant.has(o.id) && !cheap(byId.get(o.id)!)) crossing.add(o.id)
  const ids = [...crossing].sort((a, b) => a - b)
  const pre: Program = {
    inputs: p.inputs.filter((d) => fixed.has(d.name)),
    params: [],
    args: [],
    eqns: p.eqns.filter((e) => invariant.has(e.id)),
    outputs: ids.map((id) => ({ name: hoistedName(id), id })),
  }
  const declared: Declaration[] = ids.map((id) => ({ name: hoistedName(id), shape: byId.get(id)!.shape }))
  const main: Program = {
    inputs: [...p.inputs.filter((d) => !fixed.has(d.name)), ...declared],
    params: p.params,
    args: [],
    eqns: p.eqns.flatMap((e): Eqn[] => {
      if (crossing.has(e.id)) return [{ id: e.id, op: 'input', inputs: [], attrs: { name: hoistedName(e.id), shape: e.shape }, shape: e.shape }]
      return invariant.has(e.id) && !cheap(e) ? [] : [e]
    }),
    outputs: p.outputs,
  }
  return { pre, main: dropUnused(main) }
}

/** Removes equations nothing reads (constants kept for the invariant part that is no longer needed). */
const dropUnused = (p: Program): Program => {
  const needed = new Set(p.outputs.map((o) => o.id))
  for (let k = p.eqns.length - 1; k >= 0; k--) {
    const e = p.eqns[k]!
    if (needed.has(e.id)) e.inputs.forEach((i) => needed.add(i))
  }
  return { ...p, eqns: p.eqns.filter((e) => needed.has(e.id)) }
}
