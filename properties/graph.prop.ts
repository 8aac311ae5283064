/**
 * Graph laws, on random programs plus near twins (nodes that differ only where
 * a weak hash or CSE key would not look: a constant table longer than 16
 * values — which `canonical` digests — and a copy with one value negated, and
 * two composites of one name and attrs whose bodies or VJPs differ):
 * - hashing is structural both ways: equal construction gives equal hashes,
 *   and nodes of different structure (op or composite name, attrs spelled out
 *   in full, inputs, composite body and VJP — computed here without
 *   `hash.ts`) get different hashes;
 * - compile, CSE and DCE agree with a naive evaluator that uses no hash and no
 *   CSE, so merging two distinct twins changes an output and fails the law;
 * - decode(encode(p)) evaluates identically.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as B from '../src/core/build.js'
import { compileNodes, simplify } from '../src/core/compile.js'
import { decode, encode } from '../src/serial/encode.js'
import { mkComposite, type Graph, type Node } from '../src/core/node.js'
import type { Eqn, Program } from '../src/core/program.js'
import { evalNaive } from './naive.js'
import { ok, run } from './harness.js'
import { randomProgram, type RandomProgram } from './programs.js'
import { params } from './runs.js'
import { firstMismatch, TOL } from '../testing/tolerance.js'

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

type Unary = 'sin' | 'cos' | 'tanh' | 'exp' | 'neg'
const unaries: readonly Unary[] = ['sin', 'cos', 'tanh', 'exp', 'neg']

/** A composite `law.twin` over one input, with the given body op (and optionally a VJP scaled by `vjpScale`). */
const twinComposite = (x: Node, body: Unary, vjpScale: number | undefined): Node => {
  const shape = [x.type._tag === 'Right' ? x.type.right.shape[0]! : 1]
  const a = B.arg(0, shape)
  const g: Graph = { args: [{ shape }], outputs: [B[body](a)] }
  const vjp: Graph | undefined =
    vjpScale === undefined ? undefined : { args: [{ shape }, { shape }, { shape }], outputs: [B.mul(B.arg(2, shape), B.scalar(vjpScale))] }
  return mkComposite('law.twin', { k: 1 }, [x], g, vjp)
}

/** Near twins: one long table and its copy with one value negated; two `law.twin` composites whose bodies or VJPs differ. */
interface TwinSpec {
  readonly len: number
  readonly at: number
  readonly seed: number
  readonly bodies: readonly Unary[]
  readonly vjps: readonly [number | undefined, number | undefined]
}
const twinSpec: fc.Arbitrary<TwinSpec> = fc.record({
  len: fc.integer({ min: 17, max: 48 }), // longer than 16: `canonical` digests the table instead of spelling it out
  at: fc.nat(),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
  bodies: fc.tuple(fc.constantFrom(...unaries), fc.constantFrom(...unaries)),
  vjps: fc.constantFrom<readonly [number | undefined, number | undefined]>([undefined, undefined], [1, 2], [undefined, 3]),
}).filter((t) => t.bodies[0] !== t.bodies[1] || t.vjps[0] !== t.vjps[1]) // twins, never equals: the bodies or the VJPs differ

const twinOutputs = (s: TwinSpec): Record<string, Node> => {
  const table = Array.from({ length: s.len }, (_, i) => 0.1 + 0.9 * Math.abs(Math.sin(s.seed * 0.001 + i * 1.7)))
  const flipped = table.map((v, i) => (i === s.at % s.len ? -v : v))
  const x = B.input('twin_x', [s.len])
  const [c1, c2] = [twinComposite(x, s.bodies[0]!, s.vjps[0]), twinComposite(x, s.bodies[1]!, s.vjps[1])]
  // merging either pair makes its output 0, where the naive evaluator gives 2·table[at] or body₁ − body₂ (when the bodies differ)
  return { twinTable: B.sub(B.constant(table, [s.len]), B.constant(flipped, [s.len])), twinBody: B.sub(c1, c2), twinLeft: c1 }
}

/** A random program plus near twins, compiled; `build` rebuilds every output node from scratch. */
const programWithTwins: fc.Arbitrary<RandomProgram> = fc.tuple(randomProgram(), twinSpec).map(([rp, s]) => {
  const build = () => ({ ...rp.build(), ...twinOutputs(s) })
  const program = ok(compileNodes(build()))
  const x = Float64Array.from({ length: s.len }, (_, i) => Math.cos(0.3 * i + s.seed))
  return { program, feeds: { ...rp.feeds, twin_x: x }, build }
})

/** Sorted-key JSON with every array spelled out (no digests), so structure is judged without `hash.ts`. */
const spelled = (v: unknown): string => {
  if (ArrayBuffer.isView(v)) return spelled(Array.from(v as unknown as ArrayLike<number>))
  if (Array.isArray(v)) return `[${v.map(spelled).join(',')}]`
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>
    return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${spelled(o[k])}`).join(',')}}`
  }
  return typeof v === 'number' && !Number.isFinite(v) ? `"${v}"` : JSON.stringify(v)
}

/** Every node reachable from `outs`, inside composite bodies and VJPs too, with a structural id (equal id ⇔ equal structure). */
const structures = (outs: Readonly<Record<string, Node>>): Map<Node, number> => {
  const ids = new Map<Node, number>()
  const byKey = new Map<string, number>()
  const id = (n: Node): number => {
    const known = ids.get(n)
    if (known !== undefined) return known
    const graph = (g: Graph | undefined) => (g === undefined ? '-' : g.outputs.map(id).join(','))
    const ins = n.inputs.map(id).join(',')
    const key = n.kind === 'prim' ? `${n.op}|${spelled(n.attrs)}|${ins}` : `composite:${n.name}|${spelled(n.attrs)}|${ins}|${graph(n.body)}/${graph(n.vjp)}`
    const v = byKey.get(key) ?? byKey.size
    byKey.set(key, v)
    ids.set(n, v)
    return v
  }
  Object.values(outs).forEach(id)
  return ids
}

/** The first pair of structurally different nodes that share a hash, described; undefined if there is none. */
const hashCollision = (outs: Readonly<Record<string, Node>>): string | undefined => {
  const owner = new Map<string, [number, Node]>()
  for (const [n, s] of structures(outs)) {
    const seen = owner.get(n.hash)
    const name = (m: Node) => (m.kind === 'prim' ? m.op : `composite:${m.name}`)
    if (seen !== undefined && seen[0] !== s) return `${name(seen[1])} and ${name(n)} differ in structure but share hash ${n.hash}`
    owner.set(n.hash, [s, n])
  }
  return undefined
}

describe('graph laws', () => {
  it('equal construction gives equal hashes; different structure gives different hashes', () => {
    fc.assert(
      fc.property(programWithTwins, ({ build }) => {
        const [a, b] = [build(), build()]
        expect(Object.keys(a).filter((k) => a[k]!.hash !== b[k]!.hash)).toEqual([])
        expect(hashCollision(a)).toBeUndefined()
      }),
      params(),
    )
  })
  it('compile, CSE and DCE agree with a naive evaluator (near twins kept apart) and remove the bloat', () => {
    fc.assert(
      fc.property(programWithTwins, ({ program, feeds, build }) => {
        const bloated = bloat(program)
        const simple = ok(simplify(bloated))
        expect(simple.eqns.length).toBeLessThanOrEqual(program.eqns.length)
        expect(matchesNaive(program, build(), feeds), 'compiled program vs naive evaluator').toBe(true)
        expect(sameOutputs(bloated, simple, feeds), 'bloated vs simplified').toBe(true)
        expect(matchesNaive(simple, build(), feeds), 'simplified program vs naive evaluator').toBe(true)
      }),
      params(),
    )
  })
  it('decode(encode(p)) evaluates identically', () => {
    fc.assert(
      fc.property(programWithTwins, ({ program, feeds }) => sameOutputs(program, ok(decode(encode(program))), feeds)),
      params(),
    )
  })
})
