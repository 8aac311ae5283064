/**
 * Graph laws: equal construction gives equal hashes; CSE and DCE preserve
 * results; decode(encode(p)) evaluates identically.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { simplify } from '../src/core/compile.js'
import { decode, encode } from '../src/core/encode.js'
import type { Node } from '../src/core/node.js'
import type { Eqn, Program } from '../src/core/program.js'
import { evalNaive } from './naive.js'
import { ok, run } from './harness.js'
import { randomProgram } from './programs.js'
import { params } from './runs.js'
import { firstMismatch, TOL } from './tolerance.js'

const sameOutputs = (p: Program, q: Program, feeds: Record<string, Float64Array>) => {
  const [a, b] = [run(p, feeds), run(q, feeds)]
  return Object.keys(a).every((k) => b[k] !== undefined && firstMismatch(TOL.identical, a[k]!.data, b[k]!.data) < 0)
}

/** The compiled program agrees with the naive node evaluator (no compile involved). */
const matchesNaive = (p: Program, outs: Readonly<Record<string, Node>>, feeds: Record<string, Float64Array>) => {
  const [a, b] = [run(p, feeds), evalNaive(outs, feeds)]
  return Object.keys(b).every((k) => a[k] !== undefined && firstMismatch(TOL.identical, a[k]!.data, b[k]!) < 0)
}

/** The program with a dead copy of every equation and one live duplicate (a reader rewired to it). */
const bloat = (p: Program): Program => {
  const offset = Math.max(...p.eqns.map((e) => e.id)) + 1
  const copies: Eqn[] = p.eqns.map((e) => ({ ...e, id: e.id + offset, inputs: e.inputs.map((i) => i + offset) }))
  const last = p.eqns[p.eqns.length - 1]!
  const rewired: Eqn = { ...last, inputs: last.inputs.map((i) => i + offset) }
  return { ...p, eqns: [...p.eqns.slice(0, -1), ...copies, rewired] }
}

describe('graph laws', () => {
  it('equal construction gives equal hashes', () => {
    fc.assert(
      fc.property(randomProgram(), ({ build }) => {
        const [a, b] = [build(), build()]
        return Object.keys(a).every((k) => a[k]!.hash === b[k]!.hash)
      }),
      params(),
    )
  })
  it('compile, CSE and DCE agree with a naive evaluator and remove the bloat', () => {
    fc.assert(
      fc.property(randomProgram(), ({ program, feeds, build }) => {
        const bloated = bloat(program)
        const simple = ok(simplify(bloated))
        expect(simple.eqns.length).toBeLessThanOrEqual(program.eqns.length)
        return matchesNaive(program, build(), feeds) && sameOutputs(bloated, simple, feeds) && matchesNaive(simple, build(), feeds)
      }),
      params(),
    )
  })
  it('decode(encode(p)) evaluates identically', () => {
    fc.assert(
      fc.property(randomProgram(), ({ program, feeds }) => sameOutputs(program, ok(decode(encode(program))), feeds)),
      params(),
    )
  })
})
