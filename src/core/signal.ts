/**
 * `Signal<R>`: the public, immutable, rate-typed value of ddsp-ts. A signal
 * wraps a graph node; `R` is its rate: `'audio'` (one value per sample),
 * `'control'` (one per frame) or `'static'` (no time axis: params, constants,
 * spectra). Combinators demand compatible rates (static joins either), so
 * adding an audio signal to a control signal fails to compile; crossing rates
 * is an explicit `upsample` (in `dsp/`). Plain numbers lift to constants.
 *
 * @example
 * import { input, param, sin, mul, compile } from 'ddsp-ts'
 * const phase = input('phase', [1, 16000], 'audio')
 * const y = mul(sin(phase), param('gain', []))   // Signal<'audio'>
 * compile({ out: y })                           // Either<errors, Program>
 */
import type { Monoid } from 'fp-ts/lib/Monoid.js'
import * as E from 'fp-ts/lib/Either.js'
import * as B from './build.js'
import type { Node } from './node.js'
import type { Shape } from './shape.js'

/** How often a signal has a value. */
export type Rate = 'audio' | 'control' | 'static'

/** A typed, immutable signal of rate `R`. */
export class Signal<R extends Rate = Rate> {
  /** @param node the graph node  @param rate the rate, checked again at run time */
  constructor(
    readonly node: Node,
    readonly rate: R,
  ) {
    Object.freeze(this)
  }
  /** The static shape, or `undefined` if the signal is invalid (see `compile` for why). */
  get shape(): Shape | undefined {
    return E.isRight(this.node.type) ? this.node.type.right.shape : undefined
  }
  /** Applies functions left to right: `s.pipe(f, g)` is `g(f(s))`. */
  pipe<A>(ab: (s: this) => A): A
  pipe<A, B>(ab: (s: this) => A, bc: (a: A) => B): B
  pipe<A, B, C>(ab: (s: this) => A, bc: (a: A) => B, cd: (b: B) => C): C
  pipe<A, B, C, D>(ab: (s: this) => A, bc: (a: A) => B, cd: (b: B) => C, de: (c: C) => D): D
  pipe<A, B, C, D, F>(ab: (s: this) => A, bc: (a: A) => B, cd: (b: B) => C, de: (c: C) => D, ef: (d: D) => F): F
  pipe(...fns: ReadonlyArray<(x: never) => unknown>): unknown {
    return fns.reduce<unknown>((acc, f) => (f as (x: unknown) => unknown)(acc), this)
  }
}

/** A signal or a plain number (lifted to a static constant). */
export type Operand = Signal<Rate> | number

/** The rate of an operand type. */
export type RateOf<S> = S extends Signal<infer R> ? R : 'static'

/** The rate of combining two rates: static joins anything; audio and control do not join (`never`). */
export type Join<A extends Rate, B extends Rate> = A extends 'static' ? B : B extends 'static' ? A : A extends B ? A : never

/** The joined rate of two operand types. */
export type JoinOf<A, B> = Join<RateOf<A>, RateOf<B>>

/** `unknown` when two operands' rates join; otherwise a type no signal has, so the call fails to compile. */
export type Compatible<A, B> = [JoinOf<A, B>] extends [never]
  ? { readonly 'cannot mix audio-rate and control-rate signals: upsample the control signal first': never }
  : unknown

/** The node of an operand (numbers become scalar constants). */
export const lift = (x: Operand): Node => (typeof x === 'number' ? B.scalar(x) : x.node)

/** The rate of an operand at run time. */
export const rateOf = (x: Operand): Rate => (typeof x === 'number' ? 'static' : x.rate)

/** Joins rates at run time; `undefined` when audio meets control. */
export const joinRates = (rates: readonly Rate[]): Rate | undefined => {
  const timed = [...new Set(rates.filter((r) => r !== 'static'))]
  return timed.length === 0 ? 'static' : timed.length === 1 ? timed[0] : undefined
}

/** Wraps a node as a signal of rate `r`. Library code uses it to state a composite's output rate. */
export const withRate = <R extends Rate>(node: Node, rate: R): Signal<R> => new Signal(node, rate)

// ---------------------------------------------------------------- sources

/**
 * A named input, fed at evaluation time, at a rate (default 'static').
 * @param name unique name  @param shape static shape
 * @example input('f0_hz', [1, 250], 'control')
 */
export function input(name: string, shape: Shape): Signal<'static'>
export function input<R extends Rate>(name: string, shape: Shape, rate: R): Signal<R>
export function input(name: string, shape: Shape, rate: Rate = 'static'): Signal<Rate> {
  return new Signal(B.input(name, shape), rate)
}

/**
 * A named trainable parameter, fed at evaluation time and differentiated by `valueAndGrad`.
 * @example param('gain', [])
 */
export function param(name: string, shape: Shape): Signal<'static'>
export function param<R extends Rate>(name: string, shape: Shape, rate: R): Signal<R>
export function param(name: string, shape: Shape, rate: Rate = 'static'): Signal<Rate> {
  return new Signal(B.param(name, shape), rate)
}

/**
 * A constant from one fill value or all values (row-major).
 * @example constant([0, 0.5, 1], [3])
 */
export const constant = (data: number | readonly number[], shape: Shape = []): Signal<'static'> =>
  new Signal(B.constant(data, shape), 'static')

/**
 * Seeded noise, identical on every backend: uniform in [−1, 1) or standard normal, from an offset (the counter of the
 * first value, for streaming; default 0).
 * @param seed integer seed  @param shape static shape
 * @example noise(1, [1, 16000], 'audio')
 */
export function noise(seed: number, shape: Shape): Signal<'audio'>
export function noise<R extends Rate>(seed: number, shape: Shape, rate: R, dist?: 'uniform' | 'normal', offset?: number): Signal<R>
export function noise(seed: number, shape: Shape, rate: Rate = 'audio', dist: 'uniform' | 'normal' = 'uniform', offset = 0): Signal<Rate> {
  return new Signal(B.noise(seed, shape, dist, offset), rate)
}

/**
 * Mixing as a monoid: `concat` adds (broadcasting), `empty` is silence.
 * @example mixMonoid('audio').concat(a, b)
 */
export const mixMonoid = <R extends Rate>(rate: R): Monoid<Signal<R>> => ({
  concat: (a, b) => new Signal(B.add(a.node, b.node), rate),
  empty: new Signal(B.scalar(0), rate),
})
