/**
 * Composites: named functions of signals whose decomposition in primitives is
 * their semantics. The graph keeps the name (so a backend can substitute a
 * fused lowering, checked against the decomposition by a property) and, if
 * given, a custom VJP, itself traced to a graph (so it serialises and runs on
 * every backend). Without one, `vjp` differentiates the decomposition.
 *
 * @example
 * const softplus = composite('softplus', (x: Signal<'audio'>) => log(add(exp(x), 1)))
 * const y = softplus(input('x', [16], 'audio'))
 */
import * as B from './build.js'
import { readsParams } from './autodiff/inline.js'
import { mkComposite, shapeOf, type Graph } from './node.js'
import { Signal, type Rate } from './signal.js'
import type { AttrsOf, JsonAttrs } from './composite-names.js'
import type { TensorType } from './shape.js'

/** A custom VJP: input signals, the output and its cotangent → one cotangent per input. */
export type CustomVjp = (inputs: ReadonlyArray<Signal<Rate>>, output: Signal<Rate>, cotangent: Signal<Rate>) => ReadonlyArray<Signal<Rate>>

/** Options of a composite (attributes typed by name for the library's composites, `core/composite-names.ts`). */
export interface CompositeOptions<A = JsonAttrs> {
  /** JSON parameters recorded on the node (for fused lowerings and printing). */
  readonly attrs?: A
  /** A custom VJP; it must not read params (pass them as inputs). */
  readonly vjp?: CustomVjp
}

const placeholders = (args: ReadonlyArray<Signal<Rate>>): Signal<Rate>[] =>
  args.map((a, i) => new Signal(B.arg(i, shapeOf(a.node)), a.rate))

const traced = (args: ReadonlyArray<Signal<Rate>>, outputs: ReadonlyArray<Signal<Rate>>): Graph => ({
  args: args.map((a): TensorType => ({ shape: shapeOf(a.node) })),
  outputs: outputs.map((o) => o.node),
})

/**
 * Defines a named composite. Each call traces `f` on placeholders of the
 * arguments' shapes and returns one composite node.
 * @param name registry name of the composite (lowerings key on it; the library's are `CompositeName`s)
 * @example const square = composite('square', <R extends Rate>(x: Signal<R>) => mul(x, x))
 */
export const composite =
  <Args extends ReadonlyArray<Signal<Rate>>, R extends Rate, N extends string = string>(
    name: N,
    f: (...args: Args) => Signal<R>,
    options: CompositeOptions<AttrsOf<N>> = {},
  ) =>
  (...args: Args): Signal<R> => {
    const ph = placeholders(args)
    const call = f as (...a: ReadonlyArray<Signal<Rate>>) => Signal<R>
    const out = call(...ph)
    const body = traced(ph, [out])
    let vjp: Graph | undefined
    if (options.vjp !== undefined) {
      const ct = new Signal(B.arg(args.length + 1, shapeOf(out.node)), out.rate)
      const outArg = new Signal(B.arg(args.length, shapeOf(out.node)), out.rate)
      const cts = options.vjp(ph, outArg, ct)
      vjp = traced([...ph, outArg, ct], cts)
    }
    const error =
      vjp === undefined
        ? undefined
        : readsParams(body)
          ? 'a composite with a custom VJP must take its params as inputs'
          : vjp.outputs.length !== args.length
            ? `its VJP returns ${vjp.outputs.length} cotangents for ${args.length} inputs`
            : undefined
    return new Signal(mkComposite(name, (options.attrs ?? {}) as JsonAttrs, args.map((a) => a.node), body, vjp, error), out.rate)
  }
