import * as E from 'fp-ts/lib/Either.js'
import type * as tf from '@tensorflow/tfjs-core'
import { describe, expect, it } from 'vitest'
import { formatError } from '../../core/errors.js'
import { primitives } from '../../core/primitives/index.js'
import { reference, type RefTensor } from '../reference/index.js'
import { loadTfjsBackend } from '../load.js'
import type { TfjsBackend } from '../tfjs/backend.js'
import { firstScaledMismatch, TOL } from '../../../testing/tolerance.js'
import { describeAdapter, isSoftware } from './adapter.js'
import { swiftshaderIcd } from './swiftshader.js'
import { wgsl } from '../tfjs/scan-recurrence-webgpu.js'

describe('adapter lines and the SwiftShader ICD', () => {
  it('describes an adapter from what it reports', () => {
    expect(describeAdapter({ vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader driver 5.0.0' })).toBe('SwiftShader driver 5.0.0 (google swiftshader)')
    expect(describeAdapter({ vendor: 'nvidia', architecture: 'hopper' })).toBe('nvidia hopper')
    expect(describeAdapter(undefined)).toBe('unknown adapter')
    expect(isSoftware('SwiftShader driver 5.0.0')).toBe(true)
    expect(isSoftware('NVIDIA H100')).toBe(false)
  })
  it('finds the first installed ICD file', () => {
    expect(swiftshaderIcd((p) => p.includes('chromium-browser'))).toBe('/usr/lib/chromium-browser/vk_swiftshader_icd.json')
    expect(swiftshaderIcd(() => false)).toBeUndefined()
  })
  it('bakes k into the recurrence shader', () => {
    expect(wgsl(2)).toContain('array<f32, 2>')
  })
})

const loaded = await loadTfjsBackend('webgpu')
const skip = E.isLeft(loaded) ? `skipped — BackendUnavailable: ${formatError(loaded.left)}` : ''

/** Runs one primitive on the backend (async download: WebGPU in Node has no dataSync). */
const onBackend = async (b: TfjsBackend, op: 'recurrence', operands: readonly RefTensor[]): Promise<{ got: Float32Array; want64: Float64Array | Float32Array; want32: Float64Array | Float32Array }> => {
  const type = primitives[op].type(operands.map((o) => ({ shape: o.shape })), {} as never)
  if (E.isLeft(type)) throw new Error(String(type.left))
  const shape = type.right.shape
  const out = b.scope(() => {
    const ins = operands.map((o) => b.upload(o.data, o.shape))
    return (b.kernels[op] as (i: readonly tf.Tensor[], a: object, s: readonly number[]) => tf.Tensor)(ins, {}, shape)
  })
  const got = (await b.download(out)).data as Float32Array
  b.dispose(out)
  const run = (f: 'float32' | 'float64') => reference(f).kernels[op](operands.map((o) => ({ ...o, data: f === 'float32' ? Float32Array.from(o.data) : o.data })), {}, shape).data
  return { got, want64: run('float64'), want32: run('float32') }
}

const random = (n: number, seed: number, lo = -1, hi = 1): Float64Array => {
  let s = seed
  return Float64Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return lo + ((hi - lo) * s) / 2147483648
  })
}

describe.skipIf(E.isLeft(loaded))(`webgpu backend (Node, Dawn) ${skip}`, () => {
  const b = E.isRight(loaded) ? loaded.right : (undefined as never)
  it('chooses the device lowerings: real-ops FFT (tfjs’s is an O(n²) shader), the WGSL recurrence', () => {
    expect(b.caps).toMatchObject({ tfBackend: 'webgpu', fft: 'real-ops', recurrence: 'webgpu' })
    expect(b.caps.device ?? '').not.toBe('')
  })
  it.each([
    [1, 1, 1],
    [1, 300, 3],
    [2, 257, 2],
    [3, 50, 2],
  ])('recurrence k = %i, T = %i, batch %i: within TOL.backend of float64, within 1e-5 of the float32 sequential oracle', async (k, T, batch) => {
    const a = { data: random(batch * T * k * k, 3, -0.6 / k, 0.6 / k), shape: [batch, T, k, k] }
    const x = { data: random(batch * T * k, 5), shape: [batch, T, k] }
    const y0 = { data: random(batch * k, 9), shape: [batch, k] }
    const { got, want64, want32 } = await onBackend(b, 'recurrence', [a, x, y0])
    expect(firstScaledMismatch(TOL.backend, got, want64)).toBe(-1)
    expect(firstScaledMismatch({ rtol: 1e-5, atol: 1e-6, reason: 'same float32 loop, FMA contraction aside' }, got, want32)).toBe(-1)
  })
})

describe.skipIf(E.isLeft(loaded))(`webgpu sin and cos (our WGSL) ${skip}`, () => {
  const b = E.isRight(loaded) ? loaded.right : (undefined as never)
  it.each([
    ['sin', Math.PI],
    ['cos', Math.PI],
    ['sin', 1e4],
    ['cos', 1e4],
  ] as const)('%s on [−%d, %d]: within 2e-7 + 4 ulp-ish of Math (WGSL’s builtin: 1.9e-4 on SwiftShader)', async (op, r) => {
    const n = 20001
    const x = Float32Array.from({ length: n }, (_, i) => -r + (2 * r * i) / (n - 1))
    const out = b.scope(() => b.kernels[op]([b.upload(x, [n])], {} as never, [n]))
    const got = (await b.download(out)).data
    b.dispose(out)
    let worst = 0
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(got[i]! - Math[op](x[i]!)))
    expect(worst).toBeLessThan(r > 100 ? 1e-6 : 2.5e-7)
  })
})
