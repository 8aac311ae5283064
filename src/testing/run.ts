/**
 * Test helpers shared by the unit tests (not part of the library build):
 * compile signals, evaluate them on the reference backend, and compare arrays.
 *
 * @example
 * const out = run({ y: sin(input('x', [3])) }, { x: [0, 1, 2] })   // { y: number[] }
 * close(out['y'], [0, Math.sin(1), Math.sin(2)], 1e-12)
 */
import * as E from 'fp-ts/lib/Either.js'
import { expect } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { evaluateSync, type Feeds, type Outputs } from '../core/interpret.js'
import { compile } from '../core/program-api.js'
import type { Rate, Signal } from '../core/signal.js'

/** Compiles and evaluates on the reference backend; throws with the errors if either fails (tests only). */
export const evaluateOrThrow = (outs: Record<string, Signal<Rate>>, feeds: Feeds = {}, dtype: 'float32' | 'float64' = 'float64'): Outputs => {
  const r = E.flatMap(compile(outs), (p) => evaluateSync(reference(dtype))(p, feeds))
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

/** `evaluateOrThrow` with each output as a plain array. */
export const run = (outs: Record<string, Signal<Rate>>, feeds: Feeds = {}, dtype: 'float32' | 'float64' = 'float64'): Record<string, number[]> =>
  Object.fromEntries(Object.entries(evaluateOrThrow(outs, feeds, dtype)).map(([k, v]) => [k, Array.from(v.data)]))

/** Asserts two arrays have equal length and agree elementwise within `tol`. */
export const close = (a: readonly number[] | undefined, b: readonly number[], tol: number): void => {
  expect(a?.length).toBe(b.length)
  b.forEach((v, i) => expect(Math.abs(a![i]! - v)).toBeLessThanOrEqual(tol))
}
