/**
 * The generic evaluation loop (the `eval_jaxpr` analogue) shared by every
 * backend: walks a Program's equations in order, calls the backend's kernel
 * (or fused lowering, or else the composite's body), and frees each
 * intermediate after its last use. Feeds are checked first, so bad input
 * comes back as an `EvalError` value and never reaches a kernel.
 *
 * @example
 * import { evaluate } from './interpret.js'
 * const out = await evaluate(reference())(program, { f0: new Float32Array(100) })
 * // Right({ out: { data, shape } }) or Left(EvalError)
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Backend, HostTensor, KernelOp } from './backend.js'
import { lowering } from './composite-names.js'
import type { EvalError } from './errors.js'
import type { OpAttrs } from './ops.js'
import { useCounts, type Program } from './program.js'
import { sizeOf, type Shape } from './shape.js'

/** One feed: a flat array (row-major, of the declared size), or a scalar. */
export type Feed = Float32Array | Float64Array | readonly number[] | number

/** Values for a program's inputs and params, by name. */
export type Feeds = Readonly<Record<string, Feed>>

/** Evaluated outputs by name. */
export type Outputs = Readonly<Record<string, HostTensor>>

/** Values already on the backend: inputs/params by name, and composite args. */
export interface Env<T> {
  readonly named: ReadonlyMap<string, T>
  readonly args: readonly T[]
}

/**
 * Runs a Program on backend values. Returns the output values (owned by the
 * caller); everything else is freed after its last use.
 */
export const execute = <T>(backend: Backend<T>, p: Program, env: Env<T>): E.Either<EvalError, Map<string, T>> => {
  const uses = useCounts(p)
  const values = new Map<number, T>()
  // Lifetimes are per value object, not per equation: a kernel or a composite body
  // may return one of its inputs, and then two equations share one value.
  const refs = new Map<T, number>() // remaining reads of each live value
  const owned = new Set<T>() // values this call created (feeds and args belong to the caller)
  const drop = (v: T, n: number) => {
    const left = (refs.get(v) ?? 0) - n
    refs.set(v, left)
    if (left <= 0 && owned.has(v)) {
      backend.dispose(v)
      owned.delete(v)
    }
  }
  const fed = new Set<T>([...env.named.values(), ...env.args])
  try {
    for (const e of p.eqns) {
      const ins = e.inputs.map((i) => values.get(i)!)
      let v: T
      if (e.op === 'input' || e.op === 'param') v = env.named.get((e.attrs as OpAttrs['input']).name)!
      else if (e.op === 'arg') v = env.args[(e.attrs as OpAttrs['arg']).index]!
      else if (e.op === 'composite') {
        const fused = lowering(backend.fused, e.name)
        if (fused !== undefined) v = fused(ins, e.attrs, e.shape)
        else {
          const r = execute(backend, e.body, { named: env.named, args: ins })
          if (E.isLeft(r)) return r
          v = r.right.get('0')!
        }
      } else {
        const kernel = backend.kernels[e.op as KernelOp] as (i: readonly T[], a: unknown, s: Shape) => T
        v = kernel(ins, e.attrs, e.shape)
      }
      if (!refs.has(v) && !fed.has(v)) owned.add(v) // a new value, not an alias of one we know
      values.set(e.id, v)
      refs.set(v, (refs.get(v) ?? 0) + (uses.get(e.id) ?? 0))
      e.inputs.forEach((i) => drop(values.get(i)!, 1))
      if ((uses.get(e.id) ?? 0) === 0) drop(v, 0)
    }
  } catch (err) {
    for (const v of owned) backend.dispose(v)
    return E.left({ _tag: 'KernelFailed', op: 'eval', message: err instanceof Error ? err.message : String(err) })
  }
  const out = new Map<string, T>()
  for (const o of p.outputs) out.set(o.name, values.get(o.id)!)
  return E.right(out)
}

/** Checks a feed against its declaration and converts it to the backend's float type. */
const checkFeed = (
  name: string,
  feed: Feed,
  shape: Shape,
  float: 'float32' | 'float64',
): E.Either<EvalError, Float32Array | Float64Array> => {
  const n = sizeOf(shape)
  const values: ArrayLike<number> = typeof feed === 'number' ? [feed] : feed
  if (values.length !== n) return E.left({ _tag: 'FeedShapeMismatch', name, expected: shape, got: values.length })
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!
    if (typeof v !== 'number' || !Number.isFinite(v)) return E.left({ _tag: 'NonFiniteFeed', name, index: i, value: v })
  }
  return E.right(float === 'float64' ? Float64Array.from(values) : Float32Array.from(values))
}

/** Validates all feeds of a program: every declaration fed, nothing unknown, sizes and values sound. */
export const checkFeeds = (
  p: Program,
  feeds: Feeds,
  float: 'float32' | 'float64',
): E.Either<EvalError, Array<readonly [string, Float32Array | Float64Array, Shape]>> => {
  const decls = [...p.inputs.map((d) => ({ ...d, kind: 'input' as const })), ...p.params.map((d) => ({ ...d, kind: 'param' as const }))]
  const known = decls.map((d) => d.name)
  const unknown = Object.keys(feeds).find((k) => !known.includes(k))
  if (unknown !== undefined) return E.left({ _tag: 'UnknownFeed', name: unknown, known })
  const out: Array<readonly [string, Float32Array | Float64Array, Shape]> = []
  for (const d of decls) {
    const f = feeds[d.name]
    if (f === undefined) return E.left({ _tag: 'MissingFeed', name: d.name, kind: d.kind })
    const r = checkFeed(d.name, f, d.shape, float)
    if (E.isLeft(r)) return r
    out.push([d.name, r.right, d.shape])
  }
  return E.right(out)
}

/** Uploads checked feeds and runs the program, inside the backend's scope; outputs stay on the backend. */
export const runOnBackend = <T>(backend: Backend<T>, p: Program, feeds: Feeds): E.Either<EvalError, Map<string, T>> =>
  E.flatMap(checkFeeds(p, feeds, backend.float), (checked) =>
    backend.scope(() => {
      const named = new Map(checked.map(([name, data, shape]) => [name, backend.upload(data, shape)] as const))
      const r = execute(backend, p, { named, args: [] })
      // An output may be a feed itself (e.g. a gradient equal to the seed): keep those.
      const returned = new Set<T>(E.isRight(r) ? r.right.values() : [])
      for (const v of named.values()) if (!returned.has(v)) backend.dispose(v)
      return r
    }),
  )

/**
 * Evaluates a Program: checks feeds, runs every equation, downloads outputs.
 * @example await evaluate(backend)(program, { x: [1, 2, 3] })
 */
export const evaluate =
  <T>(backend: Backend<T>) =>
  async (p: Program, feeds: Feeds): Promise<E.Either<EvalError, Outputs>> => {
    const r = runOnBackend(backend, p, feeds)
    if (E.isLeft(r)) return r
    const out: Record<string, HostTensor> = {}
    for (const [name, v] of r.right) out[name] = await backend.download(v)
    // Two outputs may name one value: free each value once, after every download.
    for (const v of new Set(r.right.values())) backend.dispose(v)
    return E.right(out)
  }

/**
 * Synchronous evaluation for backends that can read values synchronously (the reference).
 * @example evaluateSync(reference('float64'))(program, { x: [1, 2, 3] })
 */
export const evaluateSync =
  <T>(backend: Backend<T> & { readonly readSync: (x: T) => HostTensor }) =>
  (p: Program, feeds: Feeds): E.Either<EvalError, Outputs> =>
    E.map((values: Map<string, T>) => {
      const out: Record<string, HostTensor> = {}
      for (const [name, v] of values) out[name] = backend.readSync(v)
      for (const v of new Set(values.values())) backend.dispose(v)
      return out
    })(runOnBackend(backend, p, feeds))

