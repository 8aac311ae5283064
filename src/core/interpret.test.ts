import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference, type RefTensor } from '../backends/reference/index.js'
import type { Backend } from './backend.js'
import { composite } from './composite.js'
import { evaluateSync } from './interpret.js'
import { add, mul, sin, stopGradient } from './math.js'
import { compile } from './program-api.js'
import { input, type Signal } from './signal.js'

/** A reference backend that frees for real: double frees and reads of freed values throw. */
const strict = () => {
  const base = reference('float64')
  const freed = new Set<RefTensor>()
  const made = new Set<RefTensor>()
  const check = (xs: readonly RefTensor[]) => xs.forEach((x) => { if (freed.has(x)) throw new Error('read after free') })
  const kernels = Object.fromEntries(
    Object.entries(base.kernels).map(([op, k]) => [
      op,
      // stopGradient returns its input object itself: an alias the interpreter must not free twice
      op === 'stopGradient'
        ? (ins: readonly RefTensor[]) => (check(ins), ins[0]!)
        : (ins: readonly RefTensor[], a: never, s: readonly number[]) => {
            check(ins)
            const v = (k as (i: readonly RefTensor[], a: never, s: readonly number[]) => RefTensor)(ins, a, s)
            made.add(v)
            return v
          },
    ]),
  ) as unknown as Backend<RefTensor>['kernels'] // rebuilt from entries: the mapped type cannot be inferred
  const backend = {
    ...base,
    kernels,
    dispose: (x: RefTensor) => {
      if (freed.has(x)) throw new Error('double free')
      freed.add(x)
    },
  }
  return { backend, freed, made }
}

describe('execute frees each value once, after its last reader', () => {
  it('with kernels and composites that return their input unchanged', () => {
    const identity = composite('identity', (x: Signal<'audio'>) => x)
    const x = input('x', [4], 'audio')
    const a = sin(x)
    const y = add(identity(stopGradient(a)), mul(identity(a), identity(x)))
    const p = compile({ y, alsoA: a })
    const { backend, freed, made } = strict()
    const out = E.flatMap(p, (q) => evaluateSync(backend)(q, { x: [0.1, 0.2, 0.3, 0.4] }))
    expect(E.isRight(out) && out.right['y']!.data.length).toBe(4)
    expect(E.isRight(out) && out.right['alsoA']!.data[0]).toBeCloseTo(Math.sin(0.1), 12)
    // every value a kernel made was freed exactly once (the Set would have thrown on a second free)
    for (const v of made) expect(freed.has(v)).toBe(true)
  })
})
