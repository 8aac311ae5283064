/**
 * The directional-derivative check shared by the synth gradient properties:
 * for a program with a scalar output `loss`, compare reverse mode with float64
 * central differences along a direction in the params, and report whether the
 * function is smooth across the step (one-sided slopes agree), so a draw whose
 * step straddles a kink can be discarded with `fc.pre`.
 *
 * @example
 * const { fd, ad, smooth } = directional(program, at, dir)
 */
import { valueAndGrad, gradName } from '../src/core/autodiff/vjp.js'
import type { Program } from '../src/core/program.js'
import { dot, ok, run } from './harness.js'

type Point = Readonly<Record<string, Float64Array>>

/** The largest relative gradient error seen per label in this test file (printed by properties/report.ts). */
export const worstByLabel = new Map<string, number>()

/**
 * Records |fd − ad| / max(|fd|, |ad|) under `label` in `worstByLabel` if it is the largest seen.
 * @example recordError('loss mss', fd, ad)
 */
export const recordError = (label: string, fd: number, ad: number): void => {
  const rel = Math.abs(fd - ad) / Math.max(Math.abs(fd), Math.abs(ad), 1e-300)
  worstByLabel.set(label, Math.max(worstByLabel.get(label) ?? 0, rel))
}

/**
 * Rounding gain κ of a central difference: each evaluation of the loss carries an absolute rounding
 * error of about κ·ε·S, where S = Σ|wᵢ·fᵢ| is the magnitude of the summed terms (the program's
 * `scale` output, else |loss|) and κ counts the roundings along a term's chain of operations, so
 * (f(x+h) − f(x−h))/2h carries ≤ κ·ε·S/h (Numerical Recipes §5.7, "ε_f·|f|/h"). Outputs measured in
 * hertz (centroid, bandwidth) make S ≈ 1e4 and this error ≈ 1e-5 relative at h = 1e-6, above
 * TOL.gradient (CI failed once on it: bandwidth, seed 475796892, 7e-6); it shrinks as h grows, so it is
 * not a gradient bug. κ = 8 is 8× the largest ratio |fd − ad|·h/(ε·S), 0.96, seen over 400 draws each
 * of centroid, bandwidth and roll-off; a wrong rule is off by O(1), far above κ·ε·S/h ≈ 1e-4 relative.
 */
export const ROUNDING_GAIN = 8

/** Reverse mode `ad` vs central differences `fd`; `smooth` when the one-sided slopes agree; `noise` bounds fd's rounding error. */
export interface Directional {
  readonly fd: number
  readonly ad: number
  readonly smooth: boolean
  readonly noise: number
}

/** `at + s·h·dir`, for the params in `dir` (other feeds unchanged). */
const step = (at: Point, dir: Point, s: number): Point =>
  Object.fromEntries(Object.entries(at).map(([k, v]) => [k, dir[k] === undefined ? v : v.map((x, i) => x + s * dir[k]![i]!)]))

/**
 * Reverse-mode vs central-difference directional derivative of `loss`.
 * @param at feeds (inputs and params)  @param dir a direction for some params  @param h step
 * @param label records the worst relative error under this name (smooth draws only)
 */
export const directional = (p: Program, at: Point, dir: Point, h = 1e-7, label?: string): Directional => {
  const scaled = Object.fromEntries(Object.entries(dir).map(([k, v]) => [k, v.map((x) => x * h)]))
  const outs = [1, 0, -1].map((s) => run(p, step(at, scaled, s)))
  const [up, mid, down] = outs.map((o) => o['loss']!.data[0]!) as [number, number, number]
  const fd = (up - down) / (2 * h)
  const scale = Math.max(...outs.map((o) => Math.abs((o['scale'] ?? o['loss']!).data[0]!)))
  const noise = (ROUNDING_GAIN * Number.EPSILON * scale) / h
  const smooth = Math.abs((up - mid) / h - (mid - down) / h) <= 1e-3 * (1 + Math.abs(fd))
  const g = run(ok(valueAndGrad(p, 'loss', Object.keys(dir))), at)
  const ad = Object.entries(dir).reduce((s, [k, v]) => s + dot(g[gradName(k)]!.data, v), 0)
  if (label !== undefined && smooth) recordError(label, fd, ad)
  return { fd, ad, smooth, noise }
}
