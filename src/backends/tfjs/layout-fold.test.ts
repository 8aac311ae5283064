import * as tf from '@tensorflow/tfjs-core'
import '@tensorflow/tfjs-backend-cpu'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { padFolded, reverseFolded } from './layout.js'

const shapes = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 7 })

describe('folded pad and reverse (the WebGPU rank-5 workarounds) equal tf.pad and tf.reverse', () => {
  it('reverse, any axes, rank 1–7', async () => {
    await tf.setBackend('cpu')
    fc.assert(
      fc.property(shapes.chain((s) => fc.tuple(fc.constant(s), fc.subarray(s.map((_, i) => i)))), ([s, axes]) => {
        const x = tf.reshape(tf.range(0, s.reduce((a, b) => a * b, 1)), s)
        const want = axes.length === 0 ? x : tf.reverse(x, axes)
        expect(Array.from(tf.reshape(reverseFolded(x, axes), s).dataSync())).toEqual(Array.from(want.dataSync()))
      }),
      { numRuns: 200 },
    )
  })
  it('pad, any paddings, rank 1–7', async () => {
    await tf.setBackend('cpu')
    const pads = (n: number) => fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), { minLength: n, maxLength: n })
    fc.assert(
      fc.property(shapes.chain((s) => fc.tuple(fc.constant(s), pads(s.length))), ([s, p]) => {
        const x = tf.reshape(tf.range(1, 1 + s.reduce((a, b) => a * b, 1)), s)
        const want = tf.pad(x, p as Array<[number, number]>)
        expect(Array.from(tf.reshape(padFolded(x, p), want.shape).dataSync())).toEqual(Array.from(want.dataSync()))
      }),
      { numRuns: 200 },
    )
  })
})
