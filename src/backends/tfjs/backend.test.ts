import * as tf from '@tensorflow/tfjs-core'
import * as E from 'fp-ts/lib/Either.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { valueAndGrad } from '../../core/autodiff/vjp.js'
import * as B from '../../core/build.js'
import { compileNodes } from '../../core/compile.js'
import { formatError } from '../../core/errors.js'
import { evaluate, evaluateSync } from '../../core/interpret.js'
import type { Program } from '../../core/program.js'
import { reference } from '../reference/index.js'
import { backendFromEnv, loadBackend, loadTfjsBackend } from '../load.js'
import { firstScaledMismatch, TOL } from '../../../testing/tolerance.js'
import type { TfjsBackend } from './backend.js'
import { probe } from './capabilities.js'
import { testBackends } from '../../../testing/tfjs.js'

let backends: readonly TfjsBackend[] = []
beforeAll(async () => {
  backends = await testBackends()
})

/** A training step touching every family of kernels: fft, scans, indexing, matmul, reductions. */
const trainStep = (): Program => {
  const w = B.param('w', [4, 64])
  const m = B.param('m', [64, 64])
  const x = B.input('x', [4, 64])
  const h = B.matmul(B.tanh(B.mul(w, x)), m)
  const back = B.irfft(B.mul(B.rfft(h, 64), B.scalar(0.5)), 64)
  const cs = B.cumsum(back, 1, false, false)
  const rec = B.recurrence(B.constant(0.9, [4, 64, 1, 1]), B.reshape(cs, [4, 64, 1]), B.zeros([4, 1]))
  const idx = B.constant([0, 3, 7, 63, 64, -1, 12.4], [7])
  const g = B.gather(B.reshape(rec, [4, 64]), idx, 1)
  const s = B.scatterAdd(g, idx, 1, 64)
  const loss = B.sum(B.add(B.mul(g, g), B.reshape(B.reduceMax(s, [1]), [4, 1])), [0, 1])
  const p = compileNodes({ loss })
  const vg = E.flatMap(p, (q) => valueAndGrad(q, 'loss'))
  if (E.isLeft(vg)) throw new Error(vg.left.map(formatError).join('\n'))
  return vg.right
}

const feeds = {
  w: Float64Array.from({ length: 256 }, (_, i) => Math.sin(i) * 0.5),
  m: Float64Array.from({ length: 4096 }, (_, i) => Math.cos(i * 0.37) * 0.1),
  x: Float64Array.from({ length: 256 }, (_, i) => Math.cos(i * 1.3)),
}

describe('tfjs Backend', () => {
  it('probes capabilities: host FFT on wasm and tfjs-cpu (tensors in host memory); Cumsum native on both', () => {
    expect(probe('wasm')).toEqual(E.right({ tfBackend: 'wasm', fft: 'host', cumsum: 'native', recurrence: 'host' }))
    expect(probe('cpu')).toEqual(E.right({ tfBackend: 'cpu', fft: 'host', cumsum: 'native', recurrence: 'host' }))
    const none = probe('no-such-backend')
    expect(E.isLeft(none) && none.left.reason).toMatch(/cannot lower every primitive: constant needs kernel Fill/)
  })

  it('scope switches the active tfjs backend and keeps outputs held in a Map', () => {
    for (const b of backends) {
      const before = tf.memory().numTensors
      const out = b.scope(() => {
        const t = b.upload(new Float32Array([1, 2]), [2])
        const y = b.kernels.exp([t], {}, [2])
        b.dispose(t)
        return E.right(new Map([['y', y]]))
      })
      expect(tf.getBackend()).toBe(b.caps.tfBackend)
      const y = E.isRight(out) ? out.right.get('y')! : undefined
      expect(y?.isDisposed).toBe(false)
      expect(tf.memory().numTensors).toBe(before + 1)
      y?.dispose()
    }
  })

  it.each(['wasm', 'tfjs-cpu'])('%s: a training step equals the reference, and 200 steps do not grow memory', async (name) => {
    const b = backends.find((x) => x.name === name)!
    const p = trainStep()
    const want = evaluateSync(reference('float64'))(p, feeds)
    const first = await evaluate(b)(p, feeds)
    if (E.isLeft(first) || E.isLeft(want)) throw new Error(formatError(E.isLeft(first) ? first.left : (want as E.Left<never>).left))
    for (const k of Object.keys(want.right)) expect(firstScaledMismatch(TOL.backend, first.right[k]!.data, want.right[k]!.data), k).toBe(-1)
    const { numTensors, numBytes } = tf.memory()
    for (let i = 0; i < 200; i++) {
      const r = await evaluate(b)(p, feeds)
      expect(E.isRight(r)).toBe(true)
    }
    expect(tf.memory().numTensors).toBe(numTensors)
    expect(tf.memory().numBytes).toBe(numBytes)
  })
})

describe('loadBackend', () => {
  it('cuda is BackendUnavailable here, naming the install command and requirements', async () => {
    const r = await loadBackend('cuda')
    expect(E.isLeft(r)).toBe(true)
    if (E.isLeft(r)) {
      expect(r.left._tag).toBe('BackendUnavailable')
      expect(r.left.backend).toBe('cuda')
      expect(r.left.remedy).toContain('npm install @tensorflow/tfjs-node-gpu@4.22.0')
      expect(r.left.remedy).toMatch(/CUDA 11\.2.*cuDNN 8\.1/)
    }
  })
  it('tfjs-node is BackendUnavailable here too', async () => {
    const r = await loadTfjsBackend('tfjs-node')
    expect(E.isLeft(r) && r.left.remedy).toContain('npm install @tensorflow/tfjs-node@4.22.0')
  })
  it('backendFromEnv reads DDSP_BACKEND, defaulting to wasm, and rejects unknown names', async () => {
    const dflt = await backendFromEnv({})
    expect(E.isRight(dflt) && dflt.right.name).toBe('wasm')
    const ref = await backendFromEnv({ DDSP_BACKEND: 'reference' })
    expect(E.isRight(ref) && ref.right.name).toBe('reference')
    const bad = await backendFromEnv({ DDSP_BACKEND: 'tpu' })
    expect(E.isLeft(bad) && bad.left.reason).toBe("unknown backend 'tpu'")
  })
})
