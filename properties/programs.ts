/**
 * Random small Programs over every primitive: a chain of random op cases
 * whose differentiable operands are wired to earlier results of the same
 * shape (or to fresh inputs), with a few outputs. Used by the graph laws and
 * by the backend-equivalence suite.
 *
 * @example
 * fc.sample(randomProgram(), 1)[0] // { program, feeds, build }
 */
import fc from 'fast-check'
import * as B from '../src/core/build.js'
import { compileNodes } from '../src/core/compile.js'
import { mk, shapeOf, type Node } from '../src/core/node.js'
import { opNames, type OpName } from '../src/core/ops.js'
import type { Program } from '../src/core/program.js'
import { sameShape } from '../src/core/shape.js'
import { isExcluded, opCases, rng, type OpCase } from '../testing/cases.js'
import { ok } from './harness.js'

const usable = opNames.filter((op) => !isExcluded(opCases[op]))
/** Ops that need positive or off-kink inputs are fed fresh inputs rather than earlier results. */
const needsDomain: ReadonlySet<OpName> = new Set(['log', 'sqrt', 'pow', 'div', 'abs', 'sign', 'floor', 'maximum', 'minimum', 'reduceMax', 'atan2', 'less', 'recurrence'])

/** A random program, its feeds, and a function that builds its output nodes again from scratch. */
export interface RandomProgram {
  readonly program: Program
  readonly feeds: Record<string, Float64Array>
  readonly build: () => Record<string, Node>
}

const buildFrom = (cases: readonly OpCase[], seed: number) => (): { outs: Record<string, Node>; feeds: Record<string, Float64Array> } => {
  const r = rng(seed)
  const pool: Node[] = []
  const feeds: Record<string, Float64Array> = {}
  cases.forEach((c, k) => {
    const ins = c.operands.map((o, i) => {
      if (!o.diff) return B.constant([...o.values], o.shape)
      const prior = needsDomain.has(c.op) ? [] : pool.filter((n) => sameShape(shapeOf(n), o.shape))
      if (prior.length > 0 && r.bool()) return prior[r.int(0, prior.length - 1)]!
      feeds[`x${k}_${i}`] = o.values
      return B.input(`x${k}_${i}`, o.shape)
    })
    pool.push(mk(c.op, ins, c.attrs as never))
  })
  const outs: Record<string, Node> = { out: pool[pool.length - 1]! }
  pool.slice(0, -1).forEach((n, i) => r.next() < 0.3 && (outs[`o${i}`] = n))
  return { outs, feeds }
}

/** Random programs of 1…`maxOps` primitive applications drawn from every primitive. */
export const randomProgram = (maxOps = 6): fc.Arbitrary<RandomProgram> =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...usable).chain((op) => opCases[op] as fc.Arbitrary<OpCase>), { minLength: 1, maxLength: maxOps }),
      fc.integer({ min: 1, max: 2 ** 30 }),
    )
    .map(([cases, seed]) => {
      const build = buildFrom(cases, seed)
      const { outs, feeds } = build()
      const program = ok(compileNodes(outs))
      const live = Object.fromEntries(program.inputs.map((d) => [d.name, feeds[d.name]!]))
      return { program, feeds: live, build: () => build().outs }
    })
