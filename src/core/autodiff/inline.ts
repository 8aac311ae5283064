/**
 * Inlining: rebuilds a composite's body (or VJP graph) with its `arg` nodes
 * replaced by actual nodes. Used by the VJP transform to differentiate a
 * composite through its decomposition.
 *
 * @example
 * const [y] = inline(composite.body, composite.inputs)
 */
import { toposort } from '../compile.js'
import { mk, mkComposite, type Graph, type Node } from '../node.js'
import type { OpAttrs } from '../ops.js'

/** The graph's outputs with `arg i` replaced by `args[i]`. */
export const inline = (g: Graph, args: readonly Node[]): Node[] => {
  const map = new Map<Node, Node>()
  for (const n of toposort(g.outputs)) {
    const ins = n.inputs.map((i) => map.get(i)!)
    if (n.kind === 'prim' && n.op === 'arg') map.set(n, args[(n.attrs as OpAttrs['arg']).index]!)
    else if (n.kind === 'prim') map.set(n, ins.every((x, i) => x === n.inputs[i]) ? n : mk(n.op, ins, n.attrs))
    else map.set(n, mkComposite(n.name, n.attrs, ins, n.body, n.vjp))
  }
  return g.outputs.map((o) => map.get(o)!)
}

/** Whether a graph reads any `param` (composites with a custom VJP must take params as inputs). */
export const readsParams = (g: Graph): boolean =>
  toposort(g.outputs).some((n) => n.kind === 'prim' && n.op === 'param')
