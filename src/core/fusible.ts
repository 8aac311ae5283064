/**
 * Fusible composites: a named composite whose VJP is itself one named
 * composite, `<name>.vjp`, so a backend can replace both the forward pass and
 * the backward pass with one fused kernel each. The `.vjp` composite takes the
 * forward inputs and the output cotangent and returns every input cotangent
 * flattened and concatenated (one output: composites have one); its
 * decomposition is the automatic reverse sweep of the forward decomposition,
 * so the semantics are unchanged and a fused lowering of either half is
 * checked against its decomposition like any other. Its attribute `needs`
 * says which inputs depend on a param; the others get zero cotangents.
 *
 * @example
 * const bank = fusible('synth.harmonicBank', (f0: Signal<'control'>, a: Signal<'control'>) => ..., { attrs })
 * const y = bank(f0, amps)   // backends may register 'synth.harmonicBank' and 'synth.harmonicBank.vjp'
 */
import * as B from './build.js'
import { backprop } from './autodiff/backprop.js'
import { inline, readsParams } from './autodiff/inline.js'
import { toposort } from './compile.js'
import { composite } from './composite.js'
import type { AttrsOf } from './composite-names.js'
import { shapeOf, type Node } from './node.js'
import { Signal, type Rate } from './signal.js'
import { sizeOf, type Shape } from './shape.js'

/** Offsets of each input's cotangent in the packed `.vjp` output. @example packOffsets([[2, 3], [4]]) // [0, 6, 10] */
export const packOffsets = (shapes: readonly Shape[]): number[] =>
  shapes.reduce<number[]>((acc, s) => [...acc, acc[acc.length - 1]! + sizeOf(s)], [0])

/** The reverse sweep of `f`'s decomposition, packed: [flat ct₀, flat ct₁, …] (zeros where an input gets none or needs none). */
const packedBackprop = (body: Node, args: readonly Node[], ct: Node, needs: readonly boolean[]): Node => {
  const cts = backprop([[body, ct]], new Set(args), new Map())
  const flat = args.map((a, i) => B.reshape((needs[i] === false ? undefined : cts.get(a)) ?? B.zeros(shapeOf(a)), [sizeOf(shapeOf(a))]))
  return flat.length === 1 ? flat[0]! : B.concat(flat, 0)
}

/**
 * Whether a node's value may depend on a param: it reads one (through inputs and composite
 * bodies) or an `arg` — inside a composite's body an argument may carry anything.
 */
const dependsOnParam = (n: Node): boolean =>
  toposort([n]).some((m) => (m.kind === 'prim' ? m.op === 'param' || m.op === 'arg' : readsParams(m.body)))

/**
 * Defines a composite with a fusible VJP (see the module header). The `.vjp`
 * composite records `needs`: which inputs depend on a param. Inputs that do
 * not (noise, recorded audio, fixed controls) get a zero cotangent, and fused
 * lowerings skip computing it. `needs` is decided where it is used: `vjp`
 * rebuilds every fusible node on its flattened inputs (`refitFusible`), which
 * passes it; a node built here keeps all true (its backward half is only ever
 * used through that rebuild).
 * @param name registry name; the backward composite is `${name}.vjp`
 * @param f the decomposition  @param options.attrs JSON attributes shared by both halves; needs (default all true)
 * @example const square = fusible('square', <R extends Rate>(x: Signal<R>) => mul(x, x))
 */
export const fusible =
  <Args extends ReadonlyArray<Signal<Rate>>, R extends Rate, N extends string = string>(
    name: N,
    f: (...args: Args) => Signal<R>,
    options: { readonly attrs?: AttrsOf<N>; readonly needs?: readonly boolean[] } = {},
  ) =>
  (...args: Args): Signal<R> => {
    const call = f as (...a: ReadonlyArray<Signal<Rate>>) => Signal<R>
    const needs = options.needs ?? args.map(() => true)
    const backward = composite(
      `${name}.vjp` as string,
      (...argsAndCt: ReadonlyArray<Signal<Rate>>) => {
        const inputs = argsAndCt.slice(0, -1)
        const ct = argsAndCt[argsAndCt.length - 1]!
        return new Signal(packedBackprop(call(...inputs).node, inputs.map((a) => a.node), ct.node, needs), ct.rate)
      },
      { attrs: { ...options.attrs, needs } },
    )
    return composite(name, f, {
      ...(options.attrs === undefined ? {} : { attrs: options.attrs }),
      vjp: (inputs, _output, ct) => {
        const packed = backward(...inputs, ct).node
        const shapes = inputs.map((i) => shapeOf(i.node))
        const offsets = packOffsets(shapes)
        return inputs.map((x, i) => new Signal(B.reshape(B.slice(packed, [offsets[i]!], [sizeOf(shapes[i]!)]), shapes[i]!), x.rate))
      },
    })(...args)
  }

/**
 * Rebuilds a fusible composite node on new inputs, deciding `needs` from
 * them: after `vjp` inlines the composites around it, an input that was an
 * enclosing composite's argument may turn out to read no param (the noise of
 * a filtered-noise synth), and its cotangent can then be skipped. Returns
 * undefined for nodes `fusible` did not make.
 * @example refitFusible(node, flattenedInputs) ?? node
 */
export const refitFusible = (n: Node, ins: readonly Node[]): Node | undefined => {
  if (n.kind !== 'composite' || n.vjp === undefined) return undefined
  const vjpName = `${n.name}.vjp`
  if (!toposort(n.vjp.outputs).some((m) => m.kind === 'composite' && m.name === vjpName)) return undefined
  const body = n.body
  const f = (...a: ReadonlyArray<Signal<Rate>>) => new Signal(inline(body, a.map((x) => x.node))[0]!, 'static')
  return fusible(n.name, f, { attrs: n.attrs, needs: ins.map(dependsOnParam) })(...ins.map((i) => new Signal(i, 'static'))).node
}
