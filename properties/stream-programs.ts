/**
 * Random streamable programs for the streaming law: a chain of steps over an
 * audio input x `[B, T, C]` (and control frames u `[B, F, C]` upsampled to
 * audio), each step drawn from time-local ops (unary, binary with earlier
 * values, static params or a constant table spanning T, sums over channels,
 * transposes, matmul over channels, noise) and stateful ones (cumsum along
 * time, recurrence, delays by pad/slice and by static-prefix concat, causal
 * FIR by fftConvolve, linear/window upsampling).
 *
 * @example
 * fc.sample(streamableProgram(), 1)[0] // { program, feeds, inputs, T }
 */
import fc from 'fast-check'
import * as B from '../src/core/build.js'
import { compileNodes } from '../src/core/compile.js'
import type { Node } from '../src/core/node.js'
import type { Program } from '../src/core/program.js'
import { withRate } from '../src/core/signal.js'
import { fftConvolve } from '../src/dsp/convolve.js'
import { upsample } from '../src/dsp/resample.js'
import type { TimeInputs } from '../src/realtime/stream/plan.js'
import { rng } from './cases.js'
import { ok } from './harness.js'

/** A random streamable program with its feeds. */
export interface StreamCase {
  readonly program: Program
  readonly feeds: Record<string, Float64Array>
  readonly inputs: TimeInputs
  readonly T: number
}

/** Step kinds, each a function of the pool of `[B, T, C]` values. */
export const STEPS = ['unary', 'binary', 'param', 'table', 'noise', 'cumsum', 'cumsumEx', 'channels', 'transpose', 'matmul', 'recurrence', 'delay', 'prefix', 'fir', 'upsample'] as const

type Step = (typeof STEPS)[number]

interface Dims {
  readonly b: number
  readonly t: number
  readonly c: number
  readonly f: number
}

const values = (r: ReturnType<typeof rng>, n: number, scale = 1): number[] => Array.from({ length: n }, () => scale * (2 * r.next() - 1))

/** One step: a new `[B, T, C]` node from the pool. */
const step = (s: Step, pool: Node[], d: Dims, r: ReturnType<typeof rng>, feeds: Record<string, Float64Array>, k: number): Node => {
  const x = pool[r.int(0, pool.length - 1)]!
  const shape = [d.b, d.t, d.c]
  switch (s) {
    case 'unary':
      return [B.sin, B.tanh, B.neg][r.int(0, 2)]!(x)
    case 'binary':
      return [B.add, B.sub, B.mul][r.int(0, 2)]!(x, pool[r.int(0, pool.length - 1)]!)
    case 'param':
      feeds[`p${k}`] = Float64Array.from(values(r, d.c))
      return B.mul(x, B.param(`p${k}`, [1, 1, d.c]))
    case 'table':
      return B.add(x, B.constant(values(r, d.t), [1, d.t, 1]))
    case 'noise':
      return B.add(x, B.mul(B.noise(r.int(0, 99), shape, r.bool() ? 'uniform' : 'normal', r.int(0, 5)), B.scalar(0.3)))
    case 'cumsum':
      return B.mul(B.cumsum(x, 1), B.scalar(0.2))
    case 'cumsumEx':
      return B.cumsum(x, r.bool() ? 2 : 1, false, true)
    case 'channels':
      return B.broadcast(B.reshape(B.sum(x, [2]), [d.b, d.t, 1]), shape)
    case 'transpose':
      return B.transpose(B.sin(B.transpose(x, [0, 2, 1])), [0, 2, 1])
    case 'matmul':
      return B.matmul(x, B.constant(values(r, d.c * d.c, 0.7), [d.c, d.c]))
    case 'recurrence': {
      const a = B.broadcast(B.constant(values(r, d.c * d.c, 0.6 / d.c), [1, 1, d.c, d.c]), [d.b, d.t, d.c, d.c])
      feeds[`y${k}`] = Float64Array.from(values(r, d.b * d.c))
      return B.recurrence(a, x, B.param(`y${k}`, [d.b, d.c]))
    }
    case 'delay': {
      const n = r.int(1, 4)
      return B.slice(B.pad(x, [0, n, 0], [0, 0, 0]), [0, 0, 0], shape)
    }
    case 'prefix': {
      const n = r.int(1, 3)
      return B.concat([B.constant(values(r, d.b * n * d.c), [d.b, n, d.c]), B.slice(x, [0, 0, 0], [d.b, d.t - n, d.c])], 1)
    }
    case 'fir': {
      const m = r.int(1, 9)
      const mono = withRate(B.sum(x, [2]), 'audio')
      const y = fftConvolve(mono, withRate(B.constant(values(r, m), [1, m]), 'static'), { padding: 'same', delayCompensation: 0 })
      return B.broadcast(B.reshape(y.node, [d.b, d.t, 1]), shape)
    }
    case 'upsample':
      return B.add(x, upsample(withRate(B.sin(B.input('u', [d.b, d.f, d.c])), 'control'), d.t, r.bool() ? 'linear' : 'window').node)
  }
}

/**
 * Random streamable programs of 1…`maxSteps` steps.
 * @example fc.assert(fc.property(streamableProgram(), (c) => …))
 */
export const streamableProgram = (maxSteps = 6): fc.Arbitrary<StreamCase> =>
  fc
    .record({
      steps: fc.array(fc.constantFrom(...STEPS), { minLength: 1, maxLength: maxSteps }),
      b: fc.integer({ min: 1, max: 2 }),
      c: fc.integer({ min: 1, max: 3 }),
      f: fc.integer({ min: 2, max: 5 }),
      hop: fc.integer({ min: 5, max: 12 }),
      seed: fc.integer({ min: 1, max: 2 ** 30 }),
    })
    .map(({ steps, b, c, f, hop, seed }) => {
      const d = { b, c, f, t: f * hop }
      const r = rng(seed)
      const feeds: Record<string, Float64Array> = { x: Float64Array.from(values(r, b * d.t * c)), u: Float64Array.from(values(r, b * f * c)) }
      const pool: Node[] = [B.input('x', [b, d.t, c])]
      steps.forEach((s, k) => pool.push(step(s, pool, d, r, feeds, k)))
      const program = ok(compileNodes({ y: pool.at(-1)! }))
      const used = new Set([...program.inputs, ...program.params].map((x) => x.name))
      const inputs: TimeInputs = Object.fromEntries((['x', 'u'] as const).filter((n) => used.has(n)).map((n) => [n, n === 'x' ? 'audio' : 'control']))
      return { program, feeds: Object.fromEntries(Object.entries(feeds).filter(([n]) => used.has(n))), inputs, T: d.t }
    })

/**
 * Random block partitions of T samples (blocks of 1 and unequal sizes included).
 * @example fc.sample(partition(64), 1)[0] // e.g. [1, 17, 3, 43]
 */
export const partition = (T: number): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: 1, max: T }), { minLength: 1, maxLength: 8 }).map((cuts) => {
    const out: number[] = []
    let left = T
    for (const c of cuts) {
      if (left === 0) break
      const n = Math.min(c % 3 === 0 ? 1 : c, left)
      out.push(n)
      left -= n
    }
    if (left > 0) out.push(left)
    return out
  })
