import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import * as tf from '@tensorflow/tfjs-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadBackend } from '../load.js'
import { registerWasmHeapSlice } from './wasm-slice.js'

// a shape of rank 1–4, and a begin/size inside it
const slicing = fc
  .array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 })
  .chain((shape) =>
    fc.tuple(fc.constant(shape), ...shape.map((n) => fc.integer({ min: 0, max: n - 1 }).chain((b) => fc.tuple(fc.constant(b), fc.integer({ min: 0, max: n - b }))))),
  )

describe('wasm Slice reading the heap', () => {
  beforeAll(async () => {
    for (const name of ['wasm', 'tfjs-cpu'] as const) if (E.isLeft(await loadBackend(name))) throw new Error(`${name} unavailable`)
    registerWasmHeapSlice() // idempotent: loadBackend('wasm') already did
  })
  it('equals tfjs-cpu\'s slice for any rank, begin and size (float32 and int32)', async () => {
    fc.assert(
      fc.property(slicing, fc.constantFrom('float32' as const, 'int32' as const), ([shape, ...bs], dtype) => {
        const n = shape.reduce((a, b) => a * b, 1)
        const values = Array.from({ length: n }, (_, i) => i * 3 - 7)
        const begin = bs.map(([b]) => b), size = bs.map(([, s]) => s)
        const run = (backend: string) => {
          tf.setBackend(backend)
          return tf.tidy(() => Array.from(tf.slice(tf.tensor(values, shape, dtype), begin, size).dataSync()))
        }
        expect(run('wasm')).toEqual(run('cpu'))
      }),
      { numRuns: 200 },
    )
    await tf.setBackend('wasm')
  })
  it('a slice of a large tensor allocates no JS copy of it', async () => {
    await tf.setBackend('wasm')
    const x = tf.fill([4, 1 << 20], 1.5)
    tf.slice(x, [0, 0], [1, 8]).dispose() // warm
    const before = process.memoryUsage().arrayBuffers
    const parts = Array.from({ length: 8 }, (_, i) => tf.slice(x, [i % 4, 0], [1, 16]))
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1 << 20) // each copy would be 16 MiB
    expect(Array.from(parts[3]!.dataSync().slice(0, 2))).toEqual([1.5, 1.5])
    tf.dispose([x, ...parts])
  })
})
