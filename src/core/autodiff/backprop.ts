/**
 * The reverse sweep over a node graph (the autodidax `backward_pass`): visit
 * nodes in reverse topological order, apply each primitive's VJP rule, sum
 * each cotangent back to its input's shape (the one `unbroadcast`), and
 * accumulate by `add`. A symbolic zero is `undefined`: it is never built and
 * never propagated. Composites use their VJP graph if they have one, and
 * otherwise are differentiated through their inlined decomposition.
 *
 * @example
 * const grads = new Map<string, Node>()
 * backprop([[loss, B.onesLike(loss)]], new Set(), grads) // grads: param name → cotangent
 */
import * as B from '../build.js'
import { toposort } from '../compile.js'
import { isValid, shapeOf, type Node } from '../node.js'
import type { OpAttrs, OpName } from '../ops.js'
import type { VjpContext } from '../primitive.js'
import { vjpRules } from '../primitives/vjps.js'
import { inline } from './inline.js'

/** Cotangents of a node's inputs, or `undefined` entries for symbolic zeros. */
const inputCotangents = (n: Node, ct: Node, paramGrads: Map<string, Node>): ReadonlyArray<Node | undefined> => {
  if (n.kind === 'prim') {
    const rule = vjpRules[n.op].vjp as (ct: Node, ctx: VjpContext<OpName>) => ReadonlyArray<Node | undefined>
    return rule(ct, { inputs: n.inputs, output: n, attrs: n.attrs })
  }
  if (n.vjp !== undefined) return inline(n.vjp, [...n.inputs, n, ct])
  const [out] = inline(n.body, n.inputs)
  const sub = backprop([[out!, ct]], new Set(n.inputs), paramGrads)
  return n.inputs.map((i) => sub.get(i))
}

/**
 * Propagates `seeds` (node, cotangent) backwards. Does not descend past
 * `stop` nodes (they receive cotangents but pass none on). Cotangents of
 * `param` nodes are added into `paramGrads` by name.
 * @returns every reached node's total cotangent.
 */
export const backprop = (
  seeds: ReadonlyArray<readonly [Node, Node]>,
  stop: ReadonlySet<Node>,
  paramGrads: Map<string, Node>,
): Map<Node, Node> => {
  const cts = new Map<Node, Node>()
  for (const [n, ct] of seeds) cts.set(n, B.addCt(cts.get(n), ct)!)
  const order = toposort(seeds.map(([n]) => n), stop)
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k]!
    const ct = cts.get(n)
    if (ct === undefined || !isValid(n)) continue
    // A stop node belongs to the enclosing sweep, which accounts for it (params included).
    if (stop.has(n)) continue
    if (n.kind === 'prim' && n.op === 'param') {
      const name = (n.attrs as OpAttrs['param']).name
      paramGrads.set(name, B.addCt(paramGrads.get(name), ct)!)
    }
    const ins = inputCotangents(n, ct, paramGrads)
    n.inputs.forEach((input, i) => {
      const c = ins[i]
      if (c !== undefined) cts.set(input, B.addCt(cts.get(input), B.unbroadcast(c, shapeOf(input)))!)
    })
  }
  return cts
}
