/**
 * A naive evaluator of node graphs, independent of `compile`: memoised by
 * node identity only (no CSE, no toposort, no use counts), composites
 * inlined. It is the oracle for the graph laws, so a broken CSE key or
 * ordering in `compile` cannot hide behind a second broken compile.
 *
 * @example evalNaive(outs, feeds) // name → Float64Array
 */
import type { KernelOp } from '../src/core/backend.js'
import { inline } from '../src/core/autodiff/inline.js'
import { shapeOf, type Node } from '../src/core/node.js'
import type { OpAttrs } from '../src/core/ops.js'
import type { RefTensor } from '../src/backends/reference/index.js'
import { ref64 } from './harness.js'

/** Evaluates output nodes directly with the float64 reference kernels. */
export const evalNaive = (outs: Readonly<Record<string, Node>>, feeds: Readonly<Record<string, Float64Array>>) => {
  const memo = new Map<Node, RefTensor>()
  const value = (n: Node): RefTensor => {
    const hit = memo.get(n)
    if (hit !== undefined) return hit
    let v: RefTensor
    if (n.kind === 'composite') v = value(inline(n.body, n.inputs)[0]!)
    else if (n.op === 'input' || n.op === 'param') v = { data: feeds[(n.attrs as OpAttrs['input']).name]!, shape: shapeOf(n) }
    else {
      const kernel = ref64.kernels[n.op as KernelOp] as (i: readonly RefTensor[], a: unknown, s: readonly number[]) => RefTensor
      v = kernel(n.inputs.map(value), n.attrs, shapeOf(n))
    }
    memo.set(n, v)
    return v
  }
  return Object.fromEntries(Object.entries(outs).map(([k, n]) => [k, value(n).data]))
}
