/**
 * A generic gradient check for functions of named params: build a signal from
 * params drawn at a random point, reduce it to ⟨f(p), w⟩ with random weights w,
 * and compare reverse mode with float64 central differences along a random
 * direction (via `directional`, which also reports whether the step is smooth).
 *
 * @example
 * const { fd, ad } = gradCheck((p) => expSigmoid(p['x']!), { x: { shape: [2, 3], rate: 'control' } }, 42)
 */
import fc from 'fast-check'
import * as B from '../src/core/build.js'
import { compileNodes } from '../src/core/compile.js'
import { constant, param, type Rate, type Signal } from '../src/core/signal.js'
import { sizeOf, type Shape } from '../src/core/shape.js'
import { operand, rng } from '../testing/cases.js'
import { directional, recordError, type Directional } from './directional.js'
import { ok } from './harness.js'
import { type Tolerance, within } from '../testing/tolerance.js'

/** One differentiable parameter: its shape, rate and the interval its values are drawn from. */
export interface ParamSpec {
  readonly shape: Shape
  readonly rate: Rate
  readonly lo?: number
  readonly hi?: number
}

/**
 * Directional derivative of ⟨f(params), w⟩ by reverse mode and by central differences.
 * @param f builds the output from params `p[name]`  @param specs the params  @param seed random point, direction and w
 * @param label name under which `directional` records the worst error  @param h finite-difference step
 */
export const gradCheck = (
  f: (p: Readonly<Record<string, Signal<Rate>>>) => Signal<Rate>,
  specs: Readonly<Record<string, ParamSpec>>,
  seed: number,
  label = '',
  h = 1e-6,
): Directional => {
  const r = rng(seed)
  const p = Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, param(k, s.shape, s.rate)]))
  const out = f(p)
  const shape = out.shape ?? []
  const w = constant([...operand(r, shape).values], shape)
  const loss = B.sum(B.mul(out.node, w.node), shape.map((_, i) => i))
  const scale = B.sum(B.abs(B.mul(out.node, w.node)), shape.map((_, i) => i))
  const prog = ok(compileNodes({ loss, scale }))
  const draw = (s: ParamSpec) => Float64Array.from({ length: sizeOf(s.shape) }, () => (s.lo ?? -1) + ((s.hi ?? 1) - (s.lo ?? -1)) * r.next())
  const at = Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, draw(s)]))
  const dir = Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, draw({ ...s, lo: -1, hi: 1 })]))
  return directional(prog, at, dir, h, label === '' ? undefined : label)
}

/**
 * Whether the VJP of `f` agrees with central differences within `tol` at `seed` (draws the smoothness test
 * rejects are skipped with `fc.pre`). When the default step misses, it checks again at steps 10×, 100× and 1000× smaller (each only if the last missed):
 * a kink of max/clip (flux rectifier, floors, roll-off bin) or a bin near a spectral zero inside the step bends
 * central differences by less than the smoothness test sees, and that truncation error falls as h², while a
 * wrong rule fails at every step. The accepted attempt's error is recorded under `label` (a failing draw's first).
 * @example fc.property(fc.integer(), (seed) => agreesWithDifferences(f, specs, seed, 'loss mss', TOL.spectralGradient))
 */
export const agreesWithDifferences = (
  f: (p: Readonly<Record<string, Signal<Rate>>>) => Signal<Rate>,
  specs: Readonly<Record<string, ParamSpec>>,
  seed: number,
  label: string,
  tol: Tolerance,
): boolean => {
  const first = gradCheck(f, specs, seed)
  fc.pre(first.smooth)
  const passes = (d: Directional) => d.smooth && within(tol, d.fd, d.ad, d.noise)
  // smaller steps only when needed, lazily: the truncation error of a kink or a near-zero bin falls as h²
  const retry = (h: number) => () => gradCheck(f, specs, seed, '', h)
  const accepted = passes(first) ? first : [retry(1e-7), retry(1e-8), retry(1e-9)].reduce<Directional | undefined>((hit, g) => hit ?? [g()].find(passes), undefined)
  const shown = accepted ?? first // a failing draw reports its default-step error
  recordError(label, shown.fd, shown.ad)
  return accepted !== undefined
}
