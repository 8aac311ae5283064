import { beforeAll, describe, expect, it } from 'vitest'
import { binsOf } from '../../core/shape.js'
import { firstScaledMismatch, TOL } from '../../../testing/tolerance.js'
import type { TfjsBackend } from './backend.js'
import { fftKernels } from './spectral.js'
import { againstReference, testBackends } from '../../../testing/tfjs.js'

let backends: readonly TfjsBackend[] = []
beforeAll(async () => {
  backends = await testBackends()
})

const random = (n: number, seed: number): Float64Array => {
  let s = seed
  return Float64Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return (2 * s) / 2147483648 - 1
  })
}

const sizes = [1, 2, 3, 5, 8, 12, 16, 64, 256, 1024, 2048]

describe.each(['wasm', 'tfjs-cpu'])('%s fft equals the reference', (name) => {
  it.each(sizes)('rfft n = %i', (n) => {
    const b = backends.find((x) => x.name === name)!
    const { got, want } = againstReference(b, 'rfft', [{ data: random(3 * n, n), shape: [3, n] }], { n })
    const at = firstScaledMismatch(TOL.backend, got, want)
    expect(at, `bin ${at >> 1}: ${got[at]} vs ${want[at]}`).toBe(-1)
  })
  it.each(sizes)('irfft n = %i (NumPy: DC/Nyquist imaginary parts ignored)', (n) => {
    const b = backends.find((x) => x.name === name)!
    // random spectra, including non-zero imaginary parts at DC and Nyquist
    const { got, want } = againstReference(b, 'irfft', [{ data: random(3 * 2 * binsOf(n), n + 1), shape: [3, binsOf(n), 2] }], { n })
    const at = firstScaledMismatch(TOL.backend, got, want)
    expect(at, `sample ${at}: ${got[at]} vs ${want[at]}`).toBe(-1)
  })
})

// wasm and tfjs-cpu pick the host lowering, so the other two are exercised here directly:
// native (tf.spectral) and real-ops (DFT matmul, Stockham stages for powers of two > LEAF)
describe.each(['native', 'real-ops'] as const)('%s lowering on tfjs-cpu equals the reference', (lowering) => {
  it.each(sizes)('rfft and irfft n = %i', (n) => {
    const b = backends.find((x) => x.name === 'tfjs-cpu')!
    const native = fftKernels(lowering)
    const x = random(2 * n, n)
    const X = random(2 * 2 * binsOf(n), n + 1)
    const [y, z] = b.scope(() => {
      const [xv, Xv] = [b.upload(x, [2, n]), b.upload(X, [2, binsOf(n), 2])]
      return [native.rfft([xv], { n }, [2, binsOf(n), 2]), native.irfft([Xv], { n }, [2, n])] as const
    })
    const want = againstReference(b, 'rfft', [{ data: x, shape: [2, n] }], { n }).want
    const wantInv = againstReference(b, 'irfft', [{ data: X, shape: [2, binsOf(n), 2] }], { n }).want
    expect(firstScaledMismatch(TOL.backend, b.readSync(y).data, want)).toBe(-1)
    expect(firstScaledMismatch(TOL.backend, b.readSync(z).data, wantInv)).toBe(-1)
    b.dispose(y)
    b.dispose(z)
  })
})

