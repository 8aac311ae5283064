/**
 * Fused host lowering of `dsp.stft` and its `.vjp`: framing, windowing and
 * the real FFT in one pass per frame, with no `[B, F, nFft]` frame tensor.
 *
 *   X[b, f, k] = Σₗ w[l]·x̃[b, f·hop + l]·e^{−2πikl/n}      (x̃: x with the centre padding)
 *   ∂L/∂x̃[b, f·hop + l] += w[l]·Σₖ (Gᵣ[k]·cos(2πkl/n) − Gᵢ[k]·sin(2πkl/n))
 * The adjoint sum is n·irfft(G') with G'ₖ = Gₖ/2 except at DC and Nyquist
 * (NumPy's irfft doubles the interior bins), so both directions use the
 * host real FFT. Samples outside the signal read as 0 and get no gradient.
 *
 * @example
 * const X = stftForward([x], [[1, 16000]], { nFft: 1024, hop: 256, window: 'hann', center: false, padEnd: false }, [1, 59, 513, 2])
 */
import type { HostKernel } from './kernel.js'
import type { Shape } from '../../../core/shape.js'
import { realFft } from '../../../host/fft.js'
import { frameCount } from '../../../host/frame.js'
import { windowNames, windowTable } from '../../../host/window.js'
import { cachedPlan, flag, num, oneOf } from './attrs.js'
import { output } from './arena.js'

/** Attributes (as `dsp.stft` records them): nFft, hop, window, center, padEnd. */
const plan = (shapes: readonly Shape[], attrs: Readonly<Record<string, unknown>>) =>
  cachedPlan('dsp.stft', attrs, shapes, () => {
    const nFft = num(attrs, 'nFft'), hop = num(attrs, 'hop')
    const [B = 1, N = 1] = shapes[0] ?? []
    const half = flag(attrs, 'center') ? Math.floor(nFft / 2) : 0
    const frames = frameCount(N + 2 * half, nFft, hop, flag(attrs, 'padEnd') ? 'end' : 'none')
    const w = Float64Array.from(windowTable(oneOf(attrs, 'window', windowNames), nFft))
    return { nFft, hop, B, N, half, frames, width: 2 * (Math.floor(nFft / 2) + 1), w }
  })

/** Forward: `x [B, N]` → `[B, F, bins, 2]`. @example stftForward([x], [[B, N]], attrs, shape) */
export const stftForward: HostKernel = (inputs, shapes, attrs) => {
  const p = plan(shapes, attrs)
  const x = inputs[0]!
  const fft = realFft(p.nFft)
  const buf = new Float64Array(p.nFft)
  const { B, N, nFft, hop, half, frames, width, w } = p
  const out = output(B * frames * width)
  for (let b = 0; b < B; b++)
    for (let f = 0; f < frames; f++) {
      const start = f * hop - half
      const lo = Math.max(0, -start), hi = Math.min(nFft, N - start) // taps inside the signal
      buf.fill(0)
      for (let l = lo, i = b * N + start + lo; l < hi; l++, i++) buf[l] = x[i]! * w[l]!
      fft.forward(buf, 0, out, (b * frames + f) * width)
    }
  return out
}

/** Backward: `[x [B, N], G [B, F, bins, 2]]` → `∂x` (packed, `[B·N]`). @example stftVjp([x, g], shapes, attrs, [B * N]) */
export const stftVjp: HostKernel = (inputs, shapes, attrs) => {
  const p = plan(shapes, attrs)
  const g = inputs[1]!
  const n = p.nFft
  const fft = realFft(n)
  const spec = new Float64Array(p.width)
  const buf = new Float64Array(n)
  const { B, N, hop, half, frames, width, w } = p
  const dx = output(B * N)
  for (let b = 0; b < B; b++)
    for (let f = 0; f < frames; f++) {
      const o = (b * frames + f) * width
      for (let k = 0; k < width / 2; k++) {
        const scale = k === 0 || 2 * k === n ? n : n / 2
        spec[2 * k] = g[o + 2 * k]! * scale
        spec[2 * k + 1] = g[o + 2 * k + 1]! * scale
      }
      fft.inverse(spec, 0, buf, 0)
      const start = f * hop - half
      const lo = Math.max(0, -start), hi = Math.min(n, N - start)
      for (let l = lo, i = b * N + start + lo; l < hi; l++, i++) dx[i]! += buf[l]! * w[l]!
    }
  return dx
}
