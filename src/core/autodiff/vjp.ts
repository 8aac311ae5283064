/**
 * `vjp` and `valueAndGrad`: autodiff as a Program → Program transform. The
 * result computes the original outputs and `grad:<param>` for each requested
 * param, and runs on every backend, the reference included.
 *
 * @example
 * import { valueAndGrad } from './vjp.js'
 * const trainStep = valueAndGrad(program, 'loss') // outputs: loss, grad:gain, …
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as B from '../build.js'
import { compileNodes, programNodes, toposort } from '../compile.js'
import type { GraphError } from '../errors.js'
import { graphError, mk, mkComposite, shapeOf, type Node } from '../node.js'
import type { Program } from '../program.js'
import { backprop } from './backprop.js'
import { inline } from './inline.js'
import { refitFusible } from '../fusible.js'

/** Options of `vjp`. */
export interface VjpOptions {
  /** The output to differentiate. */
  readonly output: string
  /** Params to differentiate with respect to (default: all). */
  readonly wrt?: readonly string[]
  /**
   * `'ones'`: the cotangent is 1 everywhere (the gradient of the output's sum).
   * `'input'`: the cotangent is a new input `ct:<output>` of the output's shape.
   */
  readonly seed?: 'ones' | 'input'
}

/** Name of the output holding the gradient of `param`. @example gradName('gain') // 'grad:gain' */
export const gradName = (param: string): string => `grad:${param}`

/**
 * Rebuilds the graph of `roots` with every composite that has no custom VJP
 * replaced by its (recursively flattened) decomposition. The reverse sweep
 * differentiates such composites through their inlined bodies; flattening the
 * forward pass the same way lets CSE share those forward values (otherwise
 * the composite computes them once and the sweep again), and exposes their
 * insides to loop-invariant hoisting. Composites with a custom VJP (the
 * fusible ones) stay whole, so backends still fuse them; fusible ones are
 * rebuilt on their flattened inputs so their `needs` sees through the
 * inlined composites.
 */
const flattenAll = (roots: readonly Node[]): Map<Node, Node> => {
  const map = new Map<Node, Node>()
  for (const n of toposort(roots)) {
    const ins = n.inputs.map((i) => map.get(i)!)
    if (n.kind === 'prim') map.set(n, ins.every((x, i) => x === n.inputs[i]) ? n : mk(n.op, ins, n.attrs))
    else if (n.vjp !== undefined) map.set(n, refitFusible(n, ins) ?? mkComposite(n.name, n.attrs, ins, n.body, n.vjp))
    else {
      const [o] = inline(n.body, ins)
      map.set(n, flattenAll([o!]).get(o!)!)
    }
  }
  return map
}

/**
 * Adds reverse-mode gradient outputs to a Program.
 * @returns a Program with the original outputs plus `grad:<param>` outputs.
 * @example vjp(program, { output: 'loss', wrt: ['gain'] })
 */
export const vjp = (p: Program, opts: VjpOptions): E.Either<NonEmptyArray<GraphError>, Program> => {
  const nodes = programNodes(p)
  const out = nodes.get(opts.output)
  if (out === undefined) return E.left([graphError('vjp', `no output '${opts.output}'; outputs are ${[...nodes.keys()].join(', ')}`)])
  const wrt = opts.wrt ?? p.params.map((d) => d.name)
  const unknown = wrt.find((w) => !p.params.some((d) => d.name === w))
  if (unknown !== undefined) return E.left([graphError('vjp', `no param '${unknown}'; params are ${p.params.map((d) => d.name).join(', ') || 'none'}`)])
  const flat = flattenAll([...nodes.values()])
  const seed = opts.seed === 'input' ? B.input(`ct:${opts.output}`, shapeOf(out)) : B.onesLike(out)
  const grads = new Map()
  backprop([[flat.get(out)!, seed]], new Set(), grads)
  const gradOutputs = Object.fromEntries(
    wrt.map((name) => [gradName(name), grads.get(name) ?? B.zeros(p.params.find((d) => d.name === name)!.shape)]),
  )
  const forward = [...nodes].map(([name, n]) => [name, flat.get(n)!] as const)
  return compileNodes({ ...Object.fromEntries(forward), ...gradOutputs })
}

/**
 * The value of `output` and its gradient w.r.t. params (`'ones'` seed: for a
 * non-scalar output, the gradient of its sum).
 * @example valueAndGrad(program, 'loss')
 */
export const valueAndGrad = (p: Program, output: string, wrt?: readonly string[]): E.Either<NonEmptyArray<GraphError>, Program> =>
  vjp(p, wrt === undefined ? { output } : { output, wrt })
