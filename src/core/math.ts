/**
 * Elementwise combinators on signals: arithmetic, transcendental functions,
 * comparison and selection. Binary combinators are dual: `add(a, b)` or, in a
 * pipe, `a.pipe(add(b))`. Operands of audio and control rate do not mix.
 *
 * @example
 * import { sin, mul, add } from 'ddsp-ts'
 * const y = add(mul(sin(phase), 0.5), 0.1)
 * const z = phase.pipe(sin, mul(0.5))
 */
import * as B from './build.js'
import { mk, type Node } from './node.js'
import { joinRates, lift, rateOf, Signal, type Compatible, type Join, type JoinOf, type Operand, type Rate, type RateOf } from './signal.js'

/**
 * A dual binary combinator: data-first with two arguments, data-last with one.
 * The first overloads keep a signal's rate `R` when the other operand is a
 * number, a static signal or a signal of the same `R` (so rate-generic library
 * code type-checks); the general form joins rates and rejects audio + control.
 */
export interface BinaryCombinator {
  <R extends Rate>(a: Signal<R>, b: number | Signal<'static'> | Signal<NoInfer<R>>): Signal<R>
  <R extends Rate>(a: number | Signal<'static'>, b: Signal<R>): Signal<R>
  <A extends Operand, B extends Operand>(a: A, b: B & Compatible<A, B>): Signal<JoinOf<A, B>>
  (b: number | Signal<'static'>): <R extends Rate>(a: Signal<R>) => Signal<R>
  <B extends Operand>(b: B): <A extends Operand>(a: A & Compatible<A, B>) => Signal<JoinOf<A, B>>
}

type ElementwiseOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'maximum' | 'minimum' | 'atan2' | 'less' | 'select'

/** Applies an elementwise op to operands; a rate clash (checked at run time too) gives an invalid node naming it. */
const combine = (op: ElementwiseOp, operands: readonly Operand[]): Signal<Rate> => {
  const rates = operands.map(rateOf)
  const rate = joinRates(rates)
  const error =
    rate === undefined ? `cannot combine ${rates.join(' and ')} signals; upsample the control-rate signal first` : undefined
  return new Signal(mk(op, operands.map(lift), {}, error), rate ?? 'static')
}

const binary = (op: ElementwiseOp): BinaryCombinator =>
  ((...args: Operand[]) =>
    args.length >= 2 ? combine(op, [args[0]!, args[1]!]) : (a: Operand) => combine(op, [a, args[0]!])) as BinaryCombinator

/** a + b. @example add(x, 1) */
export const add = binary('add')
/** a − b. @example sub(x, y) */
export const sub = binary('sub')
/** a · b. @example mul(x, 0.5) */
export const mul = binary('mul')
/** a / b. @example div(x, 2) */
export const div = binary('div')
/** aᵇ (gradient w.r.t. b taken as 0 where a ≤ 0). @example pow(2, x) */
export const pow = binary('pow')
/** Elementwise maximum. @example max(x, 0) */
export const max = binary('maximum')
/** Elementwise minimum. @example min(x, 1) */
export const min = binary('minimum')
/** atan2(y, x) in (−π, π]. @example atan2(im, re) */
export const atan2 = binary('atan2')
/** 1 where a < b, else 0 (no gradient). @example less(x, 0) */
export const less = binary('less')

const unary =
  (build: (x: Node) => Node) =>
  <R extends Rate>(x: Signal<R>): Signal<R> =>
    new Signal(build(x.node), x.rate)

/** −x */ export const neg = unary(B.neg)
/** eˣ */ export const exp = unary(B.exp)
/** ln x */ export const log = unary(B.log)
/** sin x (radians) */ export const sin = unary(B.sin)
/** cos x (radians) */ export const cos = unary(B.cos)
/** √x */ export const sqrt = unary(B.sqrt)
/** tanh x */ export const tanh = unary(B.tanh)
/** |x| */ export const abs = unary(B.abs)
/** sign x ∈ {−1, 0, 1} (no gradient) */ export const sign = unary(B.sign)
/** ⌊x⌋ (no gradient) */ export const floor = unary(B.floor)
/** x, but no gradient flows through it. @example stopGradient(norm) */
export const stopGradient = unary(B.stopGradient)

/**
 * `mask ≠ 0 ? a : b`, elementwise with broadcasting; the gradient flows to the chosen branch.
 * @example select(less(x, 0), neg(x), x) // |x|
 */
export const select = <M extends Operand, A extends Operand, C extends Operand>(
  mask: M,
  a: A & Compatible<M, A>,
  b: C & Compatible<Signal<JoinOf<M, A>>, C>,
): Signal<Join<JoinOf<M, A>, RateOf<C>>> => combine('select', [mask, a, b]) as Signal<Join<JoinOf<M, A>, RateOf<C>>>

/**
 * Clamps x to [lo, hi] elementwise, as `torch.clamp`/`torch.clip` (lo ≤ hi):
 *   clip(x) = lo where x < lo, hi where x > hi, else x;
 *   ∂clip/∂x = 1 where lo ≤ x ≤ hi (the bounds included), else 0,
 * and the cotangent of a clipped element goes to the bound it was clipped to
 * (so a signal bound gets ∂/∂lo = 1 where x < lo). Built from `less` and
 * `select`, not `min(max(x, lo), hi)`: those split the cotangent evenly at a
 * tie, which would halve the gradient at x = ±1 where torch passes it whole.
 * NaN passes through (neither comparison holds). Data-first with three
 * arguments; `clip(lo, hi)` is its data-last form for `pipe`.
 *
 * @example
 * const y = clip(hissed, -1, 1)        // torchaudio lfilter's clamp=True
 * const z = x.pipe(mul(4), clip(-1, 1))
 */
export function clip<R extends Rate>(x: Signal<R>, lo: number | Signal<'static'>, hi: number | Signal<'static'>): Signal<R>
export function clip(lo: number | Signal<'static'>, hi: number | Signal<'static'>): <R extends Rate>(x: Signal<R>) => Signal<R>
export function clip(...args: Operand[]): Signal<Rate> | (<R extends Rate>(x: Signal<R>) => Signal<R>) {
  if (args.length < 3) return <R extends Rate>(x: Signal<R>): Signal<R> => clip(x, args[0] as number | Signal<'static'>, args[1] as number | Signal<'static'>)
  const [x, lo, hi] = args as [Signal<Rate>, Operand, Operand]
  // select(x < lo, lo, select(hi < x, hi, x)): both masks are 0 on the bounds, so x (and its gradient) passes there
  const clipped = combine('select', [combine('less', [x, lo]), lo, combine('select', [combine('less', [hi, x]), hi, x])])
  return new Signal(clipped.node, x.rate)
}
