import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { KernelOp } from '../../core/backend.js'
import { opNames } from '../../core/ops.js'
import { isExcluded, opCases, type OpCase } from '../../../testing/cases.js'
import { firstScaledMismatch, TOL } from '../../../testing/tolerance.js'
import type { TfjsBackend } from './backend.js'
import { againstReference, testBackends } from '../../../testing/tfjs.js'

let backends: readonly TfjsBackend[] = []
beforeAll(async () => {
  backends = await testBackends()
})

const kernelOps = opNames.filter((op): op is KernelOp => op !== 'input' && op !== 'param' && op !== 'arg')
const sampled = kernelOps.flatMap((op) => {
  const gen = opCases[op]
  return isExcluded(gen) ? [] : [[op, fc.sample(gen as fc.Arbitrary<OpCase>, { numRuns: 25, seed: 7 })] as const]
})

const check = (b: TfjsBackend, c: { op: string; operands: readonly { shape: readonly number[]; values: Float64Array }[]; attrs: unknown }) => {
  const { got, want } = againstReference(b, c.op as KernelOp, c.operands.map((o) => ({ data: o.values, shape: o.shape })), c.attrs as never)
  const at = firstScaledMismatch(TOL.backend, got, want)
  expect(at, `${b.name} ${c.op} ${JSON.stringify(c.operands.map((o) => o.shape))} ${JSON.stringify(c.attrs)}: got ${got[at]}, want ${want[at]}`).toBe(-1)
}

describe('tfjs kernels equal the float64 reference', () => {
  for (const name of ['wasm', 'tfjs-cpu']) {
    describe(name, () => {
      it.each(sampled.map(([op, cases]) => [op, cases] as const))('%s on 25 random cases', (_op, cases) => {
        const b = backends.find((x) => x.name === name)!
        for (const c of cases) check(b, c)
      })
      it('stopGradient, constant and noise', () => {
        const b = backends.find((x) => x.name === name)!
        const x = { data: new Float64Array([1.5, -2, 3]), shape: [3] }
        check(b, { op: 'stopGradient', operands: [{ shape: x.shape, values: x.data }], attrs: {} })
        check(b, { op: 'constant', operands: [], attrs: { shape: [2, 3], data: [1, 2, 3, 4, 5, 6] } })
        check(b, { op: 'constant', operands: [], attrs: { shape: [2, 2], data: [0.25] } })
        for (const dist of ['uniform', 'normal'] as const)
          check(b, { op: 'noise', operands: [], attrs: { seed: 11, shape: [5, 7], dist, offset: 3 } })
      })
      it('matmul broadcasts batch axes like NumPy ([3,3,1,3]·[3,1,3,3]), where tfjs alone pairs batches modulo', () => {
        const b = backends.find((x) => x.name === name)!
        const vals = (n: number, k: number) => Float64Array.from({ length: n }, (_, i) => Math.sin(i * k))
        check(b, { op: 'matmul', operands: [{ shape: [3, 3, 1, 3], values: vals(27, 1) }, { shape: [3, 1, 3, 3], values: vals(27, 2) }], attrs: { transposeA: false, transposeB: false } })
        check(b, { op: 'matmul', operands: [{ shape: [2, 1, 2, 2], values: vals(8, 3) }, { shape: [3, 2, 2], values: vals(12, 4) }], attrs: { transposeA: true, transposeB: false } })
      })
      it('gather with batchDims 1 and an axis after it (wrong in tfjs-wasm own batchDims path)', () => {
        const b = backends.find((x) => x.name === name)!
        const x = Float64Array.from({ length: 24 }, (_, i) => i)
        check(b, { op: 'gather', operands: [{ shape: [3, 4, 2], values: x }, { shape: [3, 4], values: Float64Array.from({ length: 12 }, (_, i) => (i * 5) % 3) }], attrs: { axis: 2, batchDims: 1 } })
      })
      it('gather rounds halves up and reads 0 out of range; scatterAdd drops them', () => {
        const b = backends.find((x) => x.name === name)!
        const x = { values: new Float64Array([10, 20, 30, 40]), shape: [4] }
        const idx = { values: new Float64Array([-0.5, 0.5, 2.5, 3.49, 3.5, -1, 1.4999]), shape: [7] }
        const g = againstReference(b, 'gather', [{ data: x.values, shape: x.shape }, { data: idx.values, shape: idx.shape }], { axis: 0, batchDims: 0 })
        expect([...g.got]).toEqual([10, 20, 40, 40, 0, 0, 20])
        expect([...g.got]).toEqual([...g.want])
        const u = { data: new Float64Array([1, 2, 3, 4, 5, 6, 7]), shape: [7] }
        const s = againstReference(b, 'scatterAdd', [u, { data: idx.values, shape: idx.shape }], { axis: 0, batchDims: 0, size: 4 })
        expect([...s.got]).toEqual([1, 2 + 7, 0, 3 + 4])
        expect([...s.got]).toEqual([...s.want])
      })
    })
  }
})
