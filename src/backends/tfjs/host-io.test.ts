import * as E from 'fp-ts/lib/Either.js'
import * as tf from '@tensorflow/tfjs-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadBackend } from '../load.js'
import { output } from '../host/fused/arena.js'
import { copyIo, hostIo, wasmHeapIo } from './host-io.js'

// y = 2x + z, written into the lowering's output array
const twice = (data: readonly Float32Array[]): Float32Array => {
  const [x, z] = data as [Float32Array, Float32Array]
  const y = output(x.length)
  for (let i = 0; i < x.length; i++) y[i] = 2 * x[i]! + z[i]!
  return y
}

describe('host lowering I/O per tfjs backend', () => {
  beforeAll(async () => {
    for (const name of ['wasm', 'tfjs-cpu'] as const) if (E.isLeft(await loadBackend(name))) throw new Error(`${name} unavailable`)
  })

  it('wasm copies what tf.tensor is given (a reused array would be safe); tfjs-cpu keeps the very array (it must not be reused)', async () => {
    for (const [backend, aliased] of [['wasm', false], ['cpu', true]] as const) {
      await tf.setBackend(backend)
      const a = Float32Array.of(1, 2, 3)
      const t = tf.tensor(a, [3], 'float32')
      a[0] = 99
      expect(t.dataSync()[0]).toBe(aliased ? 99 : 1)
      t.dispose()
    }
  })

  it('on wasm the result lives in its own tensor: equal to the copying path, inputs untouched, earlier results kept, no leak', async () => {
    await tf.setBackend('wasm')
    const n = 50_000
    const x = tf.tensor(Float32Array.from({ length: n }, (_, i) => i), [n])
    const z = tf.tensor(Float32Array.from({ length: n }, (_, i) => -i / 2), [n])
    const before = tf.memory().numTensors
    const y1 = wasmHeapIo([x, z], [n], twice)
    const y2 = wasmHeapIo([y1, z], [n], twice)
    const ref = copyIo([x, z], [n], twice)
    expect(Array.from(y1.dataSync())).toEqual(Array.from(ref.dataSync()))
    expect(y2.dataSync()[10]).toBe(2 * (2 * 10 - 5) - 5)
    expect(y1.dataSync()[10]).toBe(15) // not overwritten by the second call
    expect(x.dataSync()[10]).toBe(10)
    expect(z.dataSync()[10]).toBe(-5)
    tf.dispose([y1, y2, ref])
    expect(tf.memory().numTensors).toBe(before)
    tf.dispose([x, z])
  })

  it('on wasm a lowering that returns its own array (a scalar, or an input) still works', async () => {
    await tf.setBackend('wasm')
    const x = tf.tensor(Float32Array.of(1, 2, 3), [3])
    const s = wasmHeapIo([x], [], ([d]) => Float32Array.of(d!.reduce((a, b) => a + b, 0)))
    expect(s.dataSync()[0]).toBe(6)
    const same = wasmHeapIo([x], [3], ([d]) => d!)
    expect(Array.from(same.dataSync())).toEqual([1, 2, 3])
    tf.dispose([x, s, same])
  })

  it('output() outside an adapter, and on tfjs-cpu, is a fresh array every call', async () => {
    expect(output(4)).not.toBe(output(4))
    await tf.setBackend('cpu')
    const x = tf.tensor(Float32Array.of(1, 2), [2])
    const a = hostIo('cpu')([x, x], [2], twice)
    const b = hostIo('cpu')([x, x], [2], twice)
    expect(a.dataSync()).not.toBe(b.dataSync())
    expect(Array.from(a.dataSync())).toEqual([3, 6])
    tf.dispose([x, a, b])
  })
})
