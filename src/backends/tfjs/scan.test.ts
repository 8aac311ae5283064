import { beforeAll, describe, expect, it } from 'vitest'
import { firstScaledMismatch, TOL } from '../../../testing/tolerance.js'
import type { TfjsBackend } from './backend.js'
import { scanKernels } from './scan.js'
import { againstReference, testBackends } from '../../../testing/tfjs.js'

let backends: readonly TfjsBackend[] = []
beforeAll(async () => {
  backends = await testBackends()
})

const random = (n: number, seed: number, lo = -1, hi = 1): Float64Array => {
  let s = seed
  return Float64Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return lo + ((hi - lo) * s) / 2147483648
  })
}

describe.each(['wasm', 'tfjs-cpu'])('%s cumsum equals the reference', (name) => {
  it.each([[false, false], [true, false], [false, true], [true, true]])('cumsum reverse=%s exclusive=%s, native and scan lowering', (reverse, exclusive) => {
    const b = backends.find((x) => x.name === name)!
    const x = { data: random(3 * 1000 * 2, 4), shape: [3, 1000, 2] }
    const attrs = { axis: 1, reverse, exclusive }
    const { got, want } = againstReference(b, 'cumsum', [x], attrs)
    expect(firstScaledMismatch(TOL.backend, got, want)).toBe(-1)
    const viaScan = b.scope(() => {
      const v = b.upload(x.data, x.shape)
      const y = scanKernels('scan').cumsum([v], attrs, x.shape)
      b.dispose(v)
      return y
    })
    expect(firstScaledMismatch(TOL.backend, b.readSync(viaScan).data, want)).toBe(-1)
    b.dispose(viaScan)
  })
})
