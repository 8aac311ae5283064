import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { benchCommand } from './bench.js'

const flags = { runs: '1', backends: 'wasm,reference', torch: false, threads: '1', fused: true, seconds: '0.256', batch: '1' }

describe('ddsp bench', () => {
  it('times both cases on each backend and agrees on the loss across backends', async () => {
    const r = await benchCommand({ ...flags, json: true }, () => undefined)
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    const report = JSON.parse(r.right)
    expect(report.workload.samples).toBe(4096)
    const [wasm, ref] = report.backends
    for (const b of [wasm, ref]) {
      expect(b.available).toBe(true)
      expect(b.cases.forward.median_ms).toBeGreaterThan(0)
      expect(b.cases.train.median_ms).toBeGreaterThan(0)
      expect(b.cases.train.minor_faults).toBeGreaterThanOrEqual(0)
    }
    expect(wasm.fused).toBe(true)
    expect(Math.abs(wasm.loss - ref.loss)).toBeLessThan(1e-3 * ref.loss)
    // every control gets a gradient, and wasm's (fused) agrees with the reference's (decompositions)
    for (const k of ['f0', 'amp', 'dist', 'noise']) {
      expect(ref.grad_norms[k]).toBeGreaterThan(0)
      expect(Math.abs(wasm.grad_norms[k] - ref.grad_norms[k])).toBeLessThan(1e-2 * ref.grad_norms[k])
    }
    expect(report.torch.available).toBe(false)
    // 4096 samples are not whole 160-sample frames: the autoencoder case says so instead of running
    expect(report.autoencoder).toMatchObject({ available: false })
  }, 60_000)
  it('prints a table, and rejects an unknown backend as a usage error', async () => {
    const t = await benchCommand({ ...flags, backends: 'wasm' }, () => undefined)
    expect(E.isRight(t) && t.right).toMatch(/\(b\) synth \+ loss \+ backward/)
    expect(E.isRight(t) && t.right).toMatch(/faults\/step/)
    const bad = await benchCommand({ ...flags, backends: 'wasm,tpu' }, () => undefined)
    expect(E.isLeft(bad) && bad.left).toMatchObject({ _tag: 'Usage' })
    const alloc = await benchCommand({ ...flags, torchAllocator: 'tcmalloc' }, () => undefined)
    expect(E.isLeft(alloc) && alloc.left).toMatchObject({ _tag: 'Usage' })
  }, 60_000)
})
