/**
 * The stream compiler's analysis: every equation of a Program (and of the
 * bodies of its composites) gets its time info, or the whole construction
 * fails with a `NotStreamable` naming the op and its site. Time starts at
 * the time-indexed inputs (axis 1 of `[B, T, ...]` or `[B, F, ...]`) and at
 * sources that span the stream on axis 1 (noise, constants and broadcasts of
 * shape `[B, T, ...]`, e.g. sample clocks); it then follows each op's rule.
 * Composites with a registered stream rule are one step; others are analysed
 * through their body.
 *
 * @example
 * import { analyse } from './plan.js'
 * analyse(program, [], { f0: 'control' }, { samples: 480, frames: 10 }, '') // Right(plan)
 */
import * as E from 'fp-ts/lib/Either.js'
import { lowering } from '../core/composite-names.js'
import type { CompositeEqn, Eqn, Output, Program } from '../core/program.js'
import { compositeRules, type CompositeRule } from './composites.js'
import { primRules, type PrimRule } from './rules/index.js'
import { sourceInfo } from './rules/sources.js'
import type { Clock, NotStreamable, TimeInfo, TimeInputs } from './types.js'

export type { TimeInputs } from './types.js'

/** One analysed equation. */
export interface EqnPlan {
  readonly eqn: Eqn
  /** State and static-value key: composite path and equation id. */
  readonly key: string
  readonly info: TimeInfo
  readonly ins: readonly TimeInfo[]
  /** How the block is computed: a time source, a primitive rule, a composite rule, or a body. */
  readonly how:
    | { readonly kind: 'static' }
    | { readonly kind: 'source' }
    | { readonly kind: 'prim'; readonly rule: PrimRule }
    | { readonly kind: 'rule'; readonly rule: CompositeRule }
    | { readonly kind: 'body'; readonly plan: Plan }
}

/** An analysed Program. */
export interface Plan {
  readonly eqns: readonly EqnPlan[]
  readonly outputs: readonly Output[]
  readonly infos: ReadonlyMap<number, TimeInfo>
}

const fail = (e: Eqn, key: string, reason: string): NotStreamable => ({
  _tag: 'NotStreamable',
  op: e.op === 'composite' ? e.name : e.op,
  site: key,
  reason,
})

/** Analyses one equation given its inputs' infos. */
const analyseEqn = (e: Eqn, key: string, ins: TimeInfo[], shapes: number[][], args: readonly TimeInfo[], inputs: TimeInputs, clock: Clock): E.Either<NotStreamable, EqnPlan> => {
  if (e.op === 'composite') return analyseComposite(e, key, ins, shapes, inputs, clock)
  const src = sourceInfo(e, args, inputs, clock, ins)
  if (src !== 'none') {
    return E.right({ eqn: e, key, info: src, ins, how: { kind: src === null ? 'static' : 'source' } })
  }
  if (ins.every((t) => t === null)) return E.right({ eqn: e, key, info: null, ins, how: { kind: 'static' } })
  const rule = primRules[e.op]
  if (rule === undefined) return E.left(fail(e, key, 'no stream rule'))
  return E.bimap(
    (reason: string) => fail(e, key, reason),
    (info: TimeInfo): EqnPlan => ({ eqn: e, key, info, ins, how: { kind: 'prim', rule } }),
  )(rule.info(e, ins, shapes, clock))
}

const analyseComposite = (e: CompositeEqn, key: string, ins: TimeInfo[], shapes: number[][], inputs: TimeInputs, clock: Clock): E.Either<NotStreamable, EqnPlan> => {
  const rule = lowering(compositeRules, e.name)
  if (rule !== undefined && ins.some((t) => t !== null))
    return E.bimap(
      (reason: string) => fail(e, key, reason),
      (info: TimeInfo): EqnPlan => ({ eqn: e, key, info, ins, how: { kind: 'rule', rule } }),
    )(rule.info(e, ins, shapes, clock))
  return E.map((plan: Plan): EqnPlan => {
    const info = plan.infos.get(plan.outputs[0]!.id) ?? null
    return { eqn: e, key, info, ins, how: info === null ? { kind: 'static' } : { kind: 'body', plan } }
  })(analyse(e.body, ins, inputs, clock, `${key}/`))
}

/**
 * Analyses a Program for streaming.
 * @param p the program  @param args time infos of a composite body's args ([] at top level)
 * @param inputs time-indexed inputs and their rates  @param clock full lengths  @param path key prefix
 * @returns the plan, or the first op that cannot stream
 * @example analyse(program, [], { x: 'audio' }, { samples: 64, frames: 0 }, '')
 */
export const analyse = (p: Program, args: readonly TimeInfo[], inputs: TimeInputs, clock: Clock, path: string): E.Either<NotStreamable, Plan> => {
  const infos = new Map<number, TimeInfo>()
  const shapes = new Map<number, number[]>()
  const eqns: EqnPlan[] = []
  for (const e of p.eqns) {
    const key = `${path}${e.op === 'composite' ? e.name : e.op}#${e.id}`
    const r = analyseEqn(e, key, e.inputs.map((i) => infos.get(i) ?? null), e.inputs.map((i) => shapes.get(i)!), args, inputs, clock)
    if (E.isLeft(r)) return r
    infos.set(e.id, r.right.info)
    shapes.set(e.id, [...e.shape])
    eqns.push(r.right)
  }
  return E.right({ eqns, outputs: p.outputs, infos })
}

/**
 * Samples of control look-ahead the plan needs beyond one frame: the crop start of frame
 * convolutions that read ahead (filtered noise), 0 otherwise.
 * @example lookahead(plan) // 64 for filteredNoise with 128-tap FIRs
 */
export const lookahead = (plan: Plan): number =>
  plan.eqns.reduce((most, p) => {
    const e = p.eqn
    if (p.how.kind === 'body') return Math.max(most, lookahead(p.how.plan))
    if (p.how.kind === 'rule' && e.op === 'composite' && e.name === 'dsp.frameConvolve') return Math.max(most, e.attrs['start'] as number)
    return most
  }, 0)
