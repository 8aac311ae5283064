/**
 * Fused host lowering of `dsp.frequencyImpulseResponse` and its `.vjp`:
 * per row, the zero-phase IR h₀ = irfft(m) (m real, L = 2(M−1)), then the
 * design's taps and window, ir[k] = win[k]·h₀[idx[k]] (tables from
 * `dsp/fir.ts`). The adjoint of the real-input irfft is a forward rfft:
 *   h₀[t] = (1/L)·Σₖ wₖ·mₖ·cos(2πkt/L)  ⇒  ∂mₖ = (wₖ/L)·Re(rfft(g₀))ₖ
 * with wₖ = 1 at DC and Nyquist, else 2, and g₀ the cotangent scattered back
 * through the taps (g₀[idx[k]] += win[k]·g[k]).
 *
 * @example
 * const ir = firForward([mags], [[1, 250, 65]], { windowSize: 257, ddspCompat: false }, [1, 250, 128])
 */
import type { HostKernel } from './kernel.js'
import { sizeOf, type Shape } from '../../../core/shape.js'
import { realFft } from '../../../host/fft.js'
import { firTable } from '../../../host/fir.js'
import { cachedPlan, flag, num } from './attrs.js'
import { output } from './arena.js'

const plan = (shapes: readonly Shape[], attrs: Readonly<Record<string, unknown>>) =>
  cachedPlan('dsp.frequencyImpulseResponse', attrs, shapes, () => {
    const shape = shapes[0] ?? [1]
    const M = shape[shape.length - 1]!
    const t = firTable(M, num(attrs, 'windowSize'), flag(attrs, 'ddspCompat'))
    return { rows: sizeOf(shape) / M, M, L: 2 * (M - 1), idx: Int32Array.from(t.idx), win: Float64Array.from(t.win) }
  })

/** Forward: magnitudes `[..., M]` → IRs `[..., taps]`. @example firForward([m], [[2, 65]], { windowSize: 0 }, [2, 128]) */
export const firForward: HostKernel = (inputs, shapes, attrs) => {
  const { rows, M, L, idx, win } = plan(shapes, attrs)
  const m = inputs[0]!
  const fft = realFft(L)
  const spec = new Float64Array(2 * M)
  const h0 = new Float64Array(L)
  const taps = idx.length
  const out = output(rows * taps)
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < M; k++) spec[2 * k] = m[r * M + k]!
    fft.inverse(spec, 0, h0, 0)
    for (let k = 0; k < taps; k++) out[r * taps + k] = win[k]! * h0[idx[k]!]!
  }
  return out
}

/** Backward: `[m, g]` → `∂m`. @example firVjp([m, g], [[2, 65], [2, 128]], { windowSize: 0 }, [2 * 65]) */
export const firVjp: HostKernel = (inputs, shapes, attrs) => {
  const { rows, M, L, idx, win } = plan(shapes, attrs)
  const g = inputs[1]!
  const fft = realFft(L)
  const g0 = new Float64Array(L)
  const spec = new Float64Array(2 * M)
  const taps = idx.length
  const out = output(rows * M)
  for (let r = 0; r < rows; r++) {
    g0.fill(0)
    for (let k = 0; k < taps; k++) g0[idx[k]!]! += win[k]! * g[r * taps + k]!
    fft.forward(g0, 0, spec, 0)
    for (let k = 0; k < M; k++) out[r * M + k] = ((k === 0 || k === M - 1 ? 1 : 2) / L) * spec[2 * k]!
  }
  return out
}
