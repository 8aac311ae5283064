import { describe, expect, it } from 'vitest'
import { opNames } from '../../core/ops.js'
import { reference } from './index.js'

describe('reference backend', () => {
  it('has one kernel per non-fed op and describes itself', () => {
    const r = reference()
    expect(r.name).toBe('reference')
    expect(r.float).toBe('float64')
    expect(r.fused).toEqual({})
    const fed = ['input', 'param', 'arg']
    expect(Object.keys(r.kernels).sort()).toEqual(opNames.filter((op) => !fed.includes(op)).sort())
  })

  it('upload copies into the chosen float type', () => {
    const host = new Float64Array([0.1, 2])
    const x = reference('float32').upload(host, [2])
    expect(x.data).toBeInstanceOf(Float32Array)
    host[1] = 5
    expect(Array.from(x.data)).toEqual([Math.fround(0.1), 2])
    expect(() => reference().upload(host, [3])).toThrow()
  })

  it('download and readSync return copies of the data', async () => {
    const r = reference('float64')
    const x = r.upload(new Float64Array([1, 2, 3, 4]), [2, 2])
    const viaSync = r.readSync(x)
    const viaAsync = await r.download(x)
    expect(viaSync.shape).toEqual([2, 2])
    expect(Array.from(viaAsync.data)).toEqual([1, 2, 3, 4])
    viaSync.data[0] = 9
    expect(x.data[0]).toBe(1)
  })

  it('scope runs its function and dispose is a no-op', () => {
    const r = reference()
    expect(r.scope(() => 42)).toBe(42)
    expect(() => r.dispose(r.upload(new Float64Array(1), [1]))).not.toThrow()
  })
})
