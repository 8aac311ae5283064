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
import { reference } from '../src/backends/reference/index.js'
import { evaluateSync, type Feeds, type Outputs } from '../src/core/interpret.js'
import { compile } from '../src/core/program-api.js'
import { input, type Rate, type Signal } from '../src/core/signal.js'

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

/**
 * A deterministic uniform generator in [0, 1) (LCG, Numerical Recipes constants) for test inputs.
 * @example const next = lcg(7); next() // 0.2387…
 */
export const lcg = (seed: number): (() => number) => {
  let s = seed >>> 0
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32
}

/** n values of uniform noise in [−1, 1) from `lcg(seed)`. @example lcgNoise(4, 1) */
export const lcgNoise = (n: number, seed: number): number[] => {
  const next = lcg(seed)
  return Array.from({ length: n }, () => next() * 2 - 1)
}

/**
 * Evaluates a loss of (prediction, target) audio batches [B][N] on the reference backend.
 * @example pairLoss((p, t) => l1Loss(p, t), [[0, 1]], [[0, 0]]) // 0.5
 */
export const pairLoss = (loss: (p: Signal<'audio'>, t: Signal<'audio'>) => Signal<Rate>, pred: readonly number[][], target: readonly number[][]): number => {
  const shape = [pred.length, pred[0]!.length]
  return run({ loss: loss(input('p', shape, 'audio'), input('t', shape, 'audio')) }, { p: pred.flat(), t: target.flat() })['loss']![0]!
}
