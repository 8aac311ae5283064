/**
 * `compile`: signal graph → `Program`, with every construction error gathered
 * into one `Left`. Topological order comes from an iterative post-order walk
 * (deep graphs do not overflow the stack); common subexpressions merge by
 * exact structure (op, canonical attrs, merged inputs); unreachable nodes are
 * never emitted (dead-code elimination).
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * pipe(compileNodes({ out: node }), E.match((errs) => errs.map(formatError), (p) => pretty(p)))
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import type { GraphError } from './errors.js'
import { canonical } from './hash.js'
import { graphError, mk, mkComposite, shapeOf, type Graph, type Node } from './node.js'
import type { Declaration, Eqn, Program } from './program.js'
import { sameShape, showShape } from './shape.js'

/**
 * Topological order of everything reachable from `roots` (inputs before
 * users), iteratively, not descending past `stop` nodes.
 */
export const toposort = (roots: readonly Node[], stop: ReadonlySet<Node> = new Set()): Node[] => {
  const order: Node[] = []
  const seen = new Set<Node>()
  const stack: Array<[Node, number]> = roots.map((r) => [r, 0])
  stack.reverse()
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!
    const [node, i] = top
    const children = stop.has(node) ? [] : node.inputs
    if (i < children.length) {
      top[1] = i + 1
      if (!seen.has(children[i]!)) stack.push([children[i]!, 0])
    } else {
      stack.pop()
      if (!seen.has(node)) {
        seen.add(node)
        order.push(node)
      }
    }
  }
  return order
}

/** Every distinct root error in a graph, in topological order. */
const collectErrors = (order: readonly Node[]): GraphError[] => {
  const errs = new Set<GraphError>()
  for (const n of order) if (E.isLeft(n.type)) errs.add(n.type.left)
  return [...errs]
}

/** Checks that each input/param name has one shape and one kind. */
const declarations = (order: readonly Node[], errors: GraphError[]): { inputs: Declaration[]; params: Declaration[] } => {
  const seen = new Map<string, { kind: string; shape: readonly number[] }>()
  const inputs: Declaration[] = []
  const params: Declaration[] = []
  for (const n of order) {
    if (n.kind !== 'prim' || (n.op !== 'input' && n.op !== 'param')) continue
    const { name, shape } = n.attrs as { name: string; shape: readonly number[] }
    const prev = seen.get(name)
    if (prev === undefined) {
      seen.set(name, { kind: n.op, shape })
      ;(n.op === 'input' ? inputs : params).push({ name, shape })
    } else if (prev.kind !== n.op || !sameShape(prev.shape, shape))
      errors.push(
        graphError(n.op, `'${name}' is declared as ${prev.kind} ${showShape(prev.shape)} and as ${n.op} ${showShape(shape)}`),
      )
  }
  return { inputs, params }
}

/** Adds the inputs and params a composite body reads to the enclosing program's declarations. */
const mergeDeclarations = (decl: { inputs: Declaration[]; params: Declaration[] }, body: Program, errors: GraphError[]) => {
  for (const [kind, list, outer, other] of [
    ['input', body.inputs, decl.inputs, decl.params],
    ['param', body.params, decl.params, decl.inputs],
  ] as const) {
    for (const d of list) {
      const prev = outer.find((o) => o.name === d.name)
      if (other.some((o) => o.name === d.name) || (prev !== undefined && !sameShape(prev.shape, d.shape)))
        errors.push(graphError(kind, `'${d.name}' is declared twice with different kinds or shapes`))
      else if (prev === undefined) outer.push(d)
    }
  }
}

const compileGraph = (outputs: ReadonlyArray<readonly [string, Node]>, args: readonly (readonly number[])[]): E.Either<NonEmptyArray<GraphError>, Program> => {
  const order = toposort(outputs.map(([, n]) => n))
  const errors = collectErrors(order)
  const decl = declarations(order, errors)
  const ids = new Map<Node, number>()
  const byKey = new Map<string, number>()
  const eqns: Eqn[] = []
  for (const n of order) {
    if (errors.length > 0) break
    const inputs = n.inputs.map((i) => ids.get(i)!)
    const sub =
      n.kind === 'composite'
        ? { body: compileSub(n.body, errors), vjp: n.vjp === undefined ? undefined : compileSub(n.vjp, errors) }
        : undefined
    const key = `${n.kind === 'prim' ? n.op : `composite:${n.name}`}|${canonical(n.attrs)}|${inputs.join(',')}|${n.kind === 'composite' ? n.hash : ''}`
    const existing = byKey.get(key)
    if (existing !== undefined) {
      ids.set(n, existing)
      continue
    }
    const id = eqns.length
    byKey.set(key, id)
    ids.set(n, id)
    const shape = shapeOf(n)
    if (n.kind === 'prim') eqns.push({ id, op: n.op, inputs, attrs: n.attrs, shape })
    else if (sub?.body !== undefined) {
      eqns.push({ id, op: 'composite', name: n.name, attrs: n.attrs, inputs, shape, body: sub.body, vjp: sub.vjp })
      mergeDeclarations(decl, sub.body, errors)
    }
  }
  const [first, ...rest] = errors
  if (first !== undefined) return E.left([first, ...rest])
  return E.right({
    inputs: decl.inputs,
    params: decl.params,
    args,
    eqns,
    outputs: outputs.map(([name, n]) => ({ name, id: ids.get(n)! })),
  })
}

const compileSub = (g: Graph, errors: GraphError[]): Program | undefined => {
  const r = compileGraph(
    g.outputs.map((o, i) => [String(i), o] as const),
    g.args.map((a) => a.shape),
  )
  if (E.isLeft(r)) {
    errors.push(...r.left)
    return undefined
  }
  return r.right
}

/**
 * Compiles named output nodes to a Program, or returns every root error.
 * @example compileNodes({ out: B.sin(B.input('t', [8])) })
 */
export const compileNodes = (outputs: Readonly<Record<string, Node>>): E.Either<NonEmptyArray<GraphError>, Program> => {
  const entries = Object.entries(outputs)
  if (entries.length === 0) return E.left([graphError('compile', 'a program needs at least one output')])
  return compileGraph(entries, [])
}

/**
 * Rebuilds the node graph of a Program, re-running every type rule (so a
 * hand-written or decoded Program is checked). Returns the output nodes.
 */
export const programNodes = (p: Program): Map<string, Node> => {
  const nodes = new Map<number, Node>()
  for (const e of p.eqns) {
    const ins = e.inputs.map((i) => nodes.get(i) ?? mk('constant', [], { shape: [], data: [Number.NaN] }, `equation v${e.id} reads undefined v${i}`))
    const node =
      e.op === 'composite'
        ? mkComposite(e.name, e.attrs, ins, subGraph(e.body), e.vjp === undefined ? undefined : subGraph(e.vjp))
        : mk(e.op, ins, e.attrs)
    const checked =
      E.isRight(node.type) && !sameShape(node.type.right.shape, e.shape)
        ? mk('reshape', [node], { shape: e.shape }, `equation v${e.id} declares shape ${showShape(e.shape)} but computes ${showShape(node.type.right.shape)}`)
        : node
    nodes.set(e.id, checked)
  }
  const out = new Map<string, Node>()
  for (const o of p.outputs)
    out.set(o.name, nodes.get(o.id) ?? mk('constant', [], { shape: [], data: [0] }, `output '${o.name}' reads undefined v${o.id}`))
  return out
}

const subGraph = (p: Program): Graph => {
  const nodes = programNodes(p)
  return { args: p.args.map((shape) => ({ shape })), outputs: p.outputs.map((o) => nodes.get(o.name)!) }
}

/**
 * Common-subexpression and dead-code elimination of a Program: rebuild its
 * graph and compile it again.
 * @example simplify(program) // same outputs, fewest equations
 */
export const simplify = (p: Program): E.Either<NonEmptyArray<GraphError>, Program> =>
  compileNodes(Object.fromEntries(programNodes(p)))
