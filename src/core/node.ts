/**
 * Graph nodes: immutable, structurally hashed, and carrying their type or
 * their error.
 *
 * Nodes are made only by `mk` (primitives) and `mkComposite`. `mk` runs the
 * op's type rule; a failure (or an invalid input) makes an invalid node whose
 * `type` is `Left(GraphError)`, so building a graph never throws. Equal
 * construction gives equal `hash`; `compile` merges equal nodes.
 *
 * @example
 * import { mk } from './node.js'
 * const x = mk('input', [], { name: 'x', shape: [4] })
 * const y = mk('sin', [x], {})
 * y.hash === mk('sin', [mk('input', [], { name: 'x', shape: [4] })], {}).hash // true
 */
import * as E from 'fp-ts/lib/Either.js'
import type { GraphError } from './errors.js'
import { canonical, hashString } from './hash.js'
import type { OpAttrs, OpName } from './ops.js'
import type { TensorType } from './shape.js'
import { typeRules } from './primitives/types.js'

/** A primitive application. */
export interface PrimNode<K extends OpName = OpName> {
  readonly kind: 'prim'
  readonly op: K
  readonly attrs: OpAttrs[K]
  readonly inputs: readonly Node[]
  readonly type: E.Either<GraphError, TensorType>
  readonly hash: string
}

/** A sub-graph over `arg` nodes: a composite's body or its custom VJP. */
export interface Graph {
  /** Types of the `arg` nodes, by index. */
  readonly args: readonly TensorType[]
  readonly outputs: readonly Node[]
}

/** A named composite: a decomposition in primitives, optionally with its own VJP graph. */
export interface CompositeNode {
  readonly kind: 'composite'
  readonly op: 'composite'
  readonly name: string
  /** Parameters of the composite (JSON), for fused lowerings and printing. */
  readonly attrs: Readonly<Record<string, unknown>>
  readonly inputs: readonly Node[]
  /** Forward semantics: one output over the inputs as `arg`s. */
  readonly body: Graph
  /** Optional VJP: args are `[...inputs, output, cotangent]`; one output per input. */
  readonly vjp: Graph | undefined
  readonly type: E.Either<GraphError, TensorType>
  readonly hash: string
}

/** A node of a signal graph. */
export type Node = PrimNode | CompositeNode

/**
 * The library's root folder (`src/` or `dist/`, the parent of this file's folder) as a path with
 * forward slashes, or undefined where the module has no file URL (some bundles).
 */
const LIBRARY = ((): string | undefined => {
  try {
    const url = new URL('..', import.meta.url)
    return url.protocol === 'file:' ? decodeURIComponent(url.pathname).replace(/^\/([A-Za-z]:)/, '$1') : undefined
  } catch {
    return undefined
  }
})()

/** Frames in the library's folder (tests excepted), in Node or in node_modules are internals, skipped when naming a call site. */
const isInternal = (frame: string): boolean => {
  const f = frame.replaceAll('\\', '/')
  const at = LIBRARY === undefined ? -1 : f.indexOf(LIBRARY)
  const inLibrary = at >= 0 && !/^[^:]*\.test\./.test(f.slice(at + (LIBRARY?.length ?? 0)))
  return inLibrary || /node:internal|node_modules/.test(f)
}

/** The first stack frame outside ddsp-ts's library: where the user built a node. */
export const callSite = (): string => {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 40
  const lines = (new Error().stack ?? '').split('\n').slice(1)
  Error.stackTraceLimit = limit
  const frame = lines.find((l) => !isInternal(l)) ?? lines[lines.length - 1] ?? ''
  return frame.trim().replace(/^at /, '')
}

/** Makes a GraphError for `op` at the caller's site. */
export const graphError = (op: string, message: string): GraphError => ({
  _tag: 'GraphError',
  op,
  message,
  site: callSite(),
})

/** The first invalid input's error, if any: errors flow downstream unchanged. */
const upstreamError = (inputs: readonly Node[]): GraphError | undefined => {
  for (const i of inputs) if (E.isLeft(i.type)) return i.type.left
  return undefined
}

/** An upstream error, else the given error, else the rule's result (its message made a GraphError at the call site). */
const typeOrError = (
  op: string,
  inputs: readonly Node[],
  error: string | undefined,
  rule: () => E.Either<string, TensorType>,
): E.Either<GraphError, TensorType> => {
  const up = upstreamError(inputs)
  if (up !== undefined) return E.left(up)
  if (error !== undefined) return E.left(graphError(op, error))
  return E.mapLeft((m: string) => graphError(op, m))(rule())
}

const nodeHash = (head: string, attrs: unknown, inputs: readonly Node[], extra = ''): string =>
  hashString(`${head}|${canonical(attrs)}|${inputs.map((i) => i.hash).join(',')}|${extra}`)

/**
 * Applies primitive `op` to `inputs`: runs its type rule and hashes the node.
 * `error`, when given, marks the node invalid (used for rate errors found by
 * the typed Signal layer at run time).
 */
export const mk = <K extends OpName>(
  op: K,
  inputs: readonly Node[],
  attrs: OpAttrs[K],
  error?: string,
): PrimNode<K> => {
  const spec = typeRules[op]
  const type = typeOrError(op, inputs, error, () =>
    spec.arity !== 'variadic' && inputs.length !== spec.arity
      ? E.left(`takes ${spec.arity} inputs, got ${inputs.length}`)
      : spec.type(
          inputs.map((i) => (i.type as E.Right<TensorType>).right),
          attrs,
        ),
  )
  return Object.freeze({ kind: 'prim', op, attrs, inputs, type, hash: nodeHash(op, attrs, inputs) })
}

/** Builds a composite node; its type is its body's output type. */
export const mkComposite = (
  name: string,
  attrs: Readonly<Record<string, unknown>>,
  inputs: readonly Node[],
  body: Graph,
  vjp: Graph | undefined,
  error?: string,
): CompositeNode => {
  const out = body.outputs[0]
  // An invalid input comes first; then a body that failed to type carries its own error;
  // otherwise the composite's type is its body's.
  const type =
    out !== undefined && E.isLeft(out.type) && upstreamError(inputs) === undefined
      ? out.type
      : typeOrError(name, inputs, error, () =>
          out === undefined ? E.left('a composite body needs one output') : E.right({ shape: shapeOf(out) }),
        )
  const graphHash = (g: Graph | undefined) => (g === undefined ? '-' : g.outputs.map((o) => o.hash).join(','))
  return Object.freeze({
    kind: 'composite',
    op: 'composite',
    name,
    attrs,
    inputs,
    body,
    vjp,
    type,
    hash: nodeHash(`composite:${name}`, attrs, inputs, `${graphHash(body)}/${graphHash(vjp)}`),
  })
}

/** The shape of a valid node (callers check validity first). @example shapeOf(x) // [4] */
export const shapeOf = (n: Node): readonly number[] => (E.isRight(n.type) ? n.type.right.shape : [])

/** Whether a node (and so everything upstream of it) is well-typed. */
export const isValid = (n: Node): boolean => E.isRight(n.type)
