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
import type { TimeInputs } from '../src/stream/index.js'
import { rng } from '../testing/cases.js'
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

interface Ctx {
  readonly pool: readonly Node[]
  readonly d: Dims
  readonly r: ReturnType<typeof rng>
  readonly feeds: Record<string, Float64Array>
  readonly k: number
}

const pick = (c: Ctx): Node => c.pool[c.r.int(0, c.pool.length - 1)]!

/** Each step kind: a new `[B, T, C]` node from the pool (rules in a table keyed by kind). */
const steps: Readonly<Record<Step, (c: Ctx) => Node>> = {
  unary: (c) => [B.sin, B.tanh, B.neg][c.r.int(0, 2)]!(pick(c)),
  binary: (c) => [B.add, B.sub, B.mul][c.r.int(0, 2)]!(pick(c), pick(c)),
  param: (c) => {
    c.feeds[`p${c.k}`] = Float64Array.from(values(c.r, c.d.c))
    return B.mul(pick(c), B.param(`p${c.k}`, [1, 1, c.d.c]))
  },
  table: (c) => B.add(pick(c), B.constant(values(c.r, c.d.t), [1, c.d.t, 1])),
  noise: (c) => B.add(pick(c), B.mul(B.noise(c.r.int(0, 99), [c.d.b, c.d.t, c.d.c], c.r.bool() ? 'uniform' : 'normal', c.r.int(0, 5)), B.scalar(0.3))),
  cumsum: (c) => B.mul(B.cumsum(pick(c), 1), B.scalar(0.2)),
  cumsumEx: (c) => B.cumsum(pick(c), c.r.bool() ? 2 : 1, false, true),
  channels: ({ d, ...c }) => B.broadcast(B.reshape(B.sum(pick({ d, ...c }), [2]), [d.b, d.t, 1]), [d.b, d.t, d.c]),
  transpose: (c) => B.transpose(B.sin(B.transpose(pick(c), [0, 2, 1])), [0, 2, 1]),
  matmul: (c) => B.matmul(pick(c), B.constant(values(c.r, c.d.c * c.d.c, 0.7), [c.d.c, c.d.c])),
  recurrence: (c) => {
    const { b, t, c: ch } = c.d
    const a = B.broadcast(B.constant(values(c.r, ch * ch, 0.6 / ch), [1, 1, ch, ch]), [b, t, ch, ch])
    c.feeds[`y${c.k}`] = Float64Array.from(values(c.r, b * ch))
    return B.recurrence(a, pick(c), B.param(`y${c.k}`, [b, ch]))
  },
  delay: (c) => B.slice(B.pad(pick(c), [0, c.r.int(1, 4), 0], [0, 0, 0]), [0, 0, 0], [c.d.b, c.d.t, c.d.c]),
  prefix: (c) => {
    const n = c.r.int(1, 3)
    const { b, t, c: ch } = c.d
    return B.concat([B.constant(values(c.r, b * n * ch), [b, n, ch]), B.slice(pick(c), [0, 0, 0], [b, t - n, ch])], 1)
  },
  fir: (c) => {
    const m = c.r.int(1, 9)
    const mono = withRate(B.sum(pick(c), [2]), 'audio')
    const y = fftConvolve(mono, withRate(B.constant(values(c.r, m), [1, m]), 'static'), { padding: 'same', delayCompensation: 0 })
    return B.broadcast(B.reshape(y.node, [c.d.b, c.d.t, 1]), [c.d.b, c.d.t, c.d.c])
  },
  upsample: (c) =>
    B.add(pick(c), upsample(withRate(B.sin(B.input('u', [c.d.b, c.d.f, c.d.c])), 'control'), c.d.t, c.r.bool() ? 'linear' : 'window').node),
}

/**
 * Random streamable programs of 1…`maxSteps` steps.
 * @example fc.assert(fc.property(streamableProgram(), (c) => …))
 */
export const streamableProgram = (maxSteps = 6): fc.Arbitrary<StreamCase> =>
  fc
    .record({
      kinds: fc.array(fc.constantFrom(...STEPS), { minLength: 1, maxLength: maxSteps }),
      b: fc.integer({ min: 1, max: 2 }),
      c: fc.integer({ min: 1, max: 3 }),
      f: fc.integer({ min: 2, max: 5 }),
      hop: fc.integer({ min: 5, max: 12 }),
      seed: fc.integer({ min: 1, max: 2 ** 30 }),
    })
    .map(({ kinds, b, c, f, hop, seed }) => {
      const d = { b, c, f, t: f * hop }
      const r = rng(seed)
      const feeds: Record<string, Float64Array> = { x: Float64Array.from(values(r, b * d.t * c)), u: Float64Array.from(values(r, b * f * c)) }
      const pool: Node[] = [B.input('x', [b, d.t, c])]
      kinds.forEach((s, k) => pool.push(steps[s]({ pool, d, r, feeds, k })))
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
