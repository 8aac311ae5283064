/**
 * Fused host lowering of `dsp.frameConvolve` and its `.vjp`: per frame k the
 * segment x_k = x[k·S … k·S+S) is linearly convolved with h_k by FFT (n the
 * next power of two ≥ S+M−1), overlap-added at hop S, then cropped to
 * [start, start+length). The adjoints are correlations, also by FFT:
 *   y_k = x_k ∗ h_k,   ∂x_k[τ] = Σₘ h_k[m]·g_k[τ+m] = irfft(G_k·H̄_k)[τ],   ∂h_k[m] = irfft(G_k·X̄_k)[m]
 * with g_k = g[k·S … k·S+S+M−1) the cotangent of the uncropped sum (no
 * circular wrap since S+M−1 ≤ n). Broadcast batch axes (x or h of batch 1)
 * sum their cotangents. Ref: Oppenheim & Schafer §8.7; magenta/ddsp `fft_convolve`.
 *
 * @example
 * const y = frameConvolveForward([x, h], [[1, 16000], [1, 250, 128]], { hop: 64, start: 64, length: 16000 }, [1, 16000])
 */
import type { HostKernel } from './kernel.js'
import type { Shape } from '../../../core/shape.js'
import { nextPow2, realFft } from '../../../host/fft.js'
import { needs, num } from './attrs.js'
import { output, scratch as kept } from './arena.js'

const plan = (shapes: readonly Shape[], attrs: Readonly<Record<string, unknown>>) => {
  const a = { hop: num(attrs, 'hop'), start: num(attrs, 'start'), length: num(attrs, 'length') } // as `dsp.frameConvolve` records them
  const [bx = 1, N = 1] = shapes[0] ?? []
  const [bh = 1, F = 1, M = 1] = shapes[1] ?? []
  const L = a.hop + M - 1
  const n = Math.max(4, nextPow2(L)) // ≥ 4: the radix-2 real FFT's smallest size
  // short frames and IRs: direct convolution beats three FFTs per frame (≤ 2¹⁴ multiply-adds)
  return { ...a, bx, bh, B: Math.max(bx, bh), N, F, M, L, n, full: (F - 1) * a.hop + L, width: n + 2, direct: a.hop * M <= 16384 }
}

/** Scratch for one frame: time buffers and spectra. */
const scratch = (n: number) => ({ t: new Float64Array(n), X: new Float64Array(n + 2), H: new Float64Array(n + 2), G: new Float64Array(n + 2), P: new Float64Array(n + 2) })

/** The FFT plan and its scratch rows, for the spectral path only (the direct path needs neither). */
const spectralPath = (p: { readonly direct: boolean; readonly n: number }) => (p.direct ? undefined : { fft: realFft(p.n), s: scratch(p.n) })

/** Loads `len` values of `src` at `off` into the zero-padded buffer and transforms it into `spec`. */
const load = (fft: ReturnType<typeof realFft>, buf: Float64Array, src: Float32Array | Float64Array, off: number, len: number, limit: number, spec: Float64Array): void => {
  buf.fill(0)
  for (let i = 0; i < len && off + i < limit; i++) buf[i] = src[off + i]!
  fft.forward(buf, 0, spec, 0)
}

/** P = A·B (conj: A·B̄), interleaved complex. */
const product = (A: Float64Array, Bs: Float64Array, P: Float64Array, conj: boolean): void => {
  const s = conj ? -1 : 1
  for (let k = 0; k < P.length; k += 2) {
    const ar = A[k]!, ai = A[k + 1]!, br = Bs[k]!, bi = s * Bs[k + 1]!
    P[k] = ar * br - ai * bi
    P[k + 1] = ar * bi + ai * br
  }
}

/** full[o + i + m] += x[xo + i]·h[ho + m]: one frame's linear convolution, directly. */
const directFrame = (x: Float32Array, xo: number, len: number, h: Float32Array, ho: number, M: number, full: Float64Array, o: number): void => {
  // output-major, so each sum stays in a register: y[n] = Σᵢ x[i]·h[n − i], max(0, n−M+1) ≤ i ≤ min(n, len−1)
  for (let n = 0; n < len + M - 1; n++) {
    let acc = 0
    const lo = n - M + 1 > 0 ? n - M + 1 : 0
    const hi = n < len - 1 ? n : len - 1
    for (let i = lo, q = ho + n - lo; i <= hi; i++, q--) acc += x[xo + i]! * h[q]!
    full[o + n]! += acc
  }
}

/** out[oo + τ] += Σⱼ a[ao + j]·g[go + τ + j] for τ < n: the adjoint of `directFrame` with respect to the other operand. */
const directCorrelate = (a: Float32Array, ao: number, la: number, g: Float64Array, go: number, out: Float32Array, oo: number, n: number): void => {
  for (let tau = 0; tau < n; tau++) {
    let acc = 0
    for (let j = 0, q = go + tau; j < la; j++, q++) acc += a[ao + j]! * g[q]!
    out[oo + tau]! += acc
  }
}

/** Forward: `[x [Bx, N], h [Bh, F, M]]` → `[B, length]`. @example frameConvolveForward([x, h], shapes, attrs, [B, N]) */
export const frameConvolveForward: HostKernel = (inputs, shapes, attrs) => {
  const p = plan(shapes, attrs)
  const [x, h] = inputs as [Float32Array, Float32Array]
  const spectral = spectralPath(p)
  const full = kept('dsp.frameConvolve full', p.full)
  const out = output(p.B * p.length)
  for (let b = 0; b < p.B; b++) {
    full.fill(0)
    const xb = (p.bx === 1 ? 0 : b) * p.N
    const hb = (p.bh === 1 ? 0 : b) * p.F * p.M
    for (let k = 0; k < p.F; k++) {
      if (spectral === undefined) {
        directFrame(x, xb + k * p.hop, Math.min(p.hop, p.N - k * p.hop), h, hb + k * p.M, p.M, full, k * p.hop)
        continue
      }
      const { fft, s } = spectral
      load(fft, s.t, x, xb + k * p.hop, p.hop, xb + p.N, s.X)
      load(fft, s.t, h, hb + k * p.M, p.M, hb + (k + 1) * p.M, s.H)
      product(s.X, s.H, s.P, false)
      fft.inverse(s.P, 0, s.t, 0)
      for (let i = 0; i < p.L; i++) full[k * p.hop + i]! += s.t[i]!
    }
    for (let i = 0; i < p.length; i++) out[b * p.length + i] = full[p.start + i]!
  }
  return out
}

/**
 * Backward: `[x, h, g [B, length]]` → packed `[∂x (Bx·N), ∂h (Bh·F·M)]`; a cotangent the
 * `needs` attribute marks unneeded (e.g. of the noise) stays 0 and costs nothing.
 * @example frameConvolveVjp([x, h, g], shapes, attrs, [Bx * N + Bh * F * M])
 */
export const frameConvolveVjp: HostKernel = (inputs, shapes, attrs) => {
  const p = plan(shapes, attrs)
  const [x, h, g] = inputs as [Float32Array, Float32Array, Float32Array]
  const spectral = spectralPath(p)
  const full = kept('dsp.frameConvolve.vjp full', p.full)
  const out = output(p.bx * p.N + p.bh * p.F * p.M)
  const dh = out.subarray(p.bx * p.N)
  const needX = needs(attrs, 0), needH = needs(attrs, 1)
  for (let b = 0; b < p.B; b++) {
    full.fill(0)
    for (let i = 0; i < p.length; i++) full[p.start + i] = g[b * p.length + i]!
    const xb = (p.bx === 1 ? 0 : b) * p.N
    const hb = (p.bh === 1 ? 0 : b) * p.F * p.M
    for (let k = 0; k < p.F; k++) {
      if (spectral === undefined) {
        const len = Math.min(p.hop, p.N - k * p.hop)
        if (needX) directCorrelate(h, hb + k * p.M, p.M, full, k * p.hop, out, xb + k * p.hop, len)
        if (needH) directCorrelate(x, xb + k * p.hop, len, full, k * p.hop, dh, hb + k * p.M, p.M)
        continue
      }
      const { fft, s } = spectral
      load(fft, s.t, full, k * p.hop, p.L, p.full, s.G)
      if (needX) {
        load(fft, s.t, h, hb + k * p.M, p.M, hb + (k + 1) * p.M, s.H)
        product(s.G, s.H, s.P, true)
        fft.inverse(s.P, 0, s.t, 0)
        for (let i = 0; i < p.hop && k * p.hop + i < p.N; i++) out[xb + k * p.hop + i]! += s.t[i]!
      }
      if (needH) {
        load(fft, s.t, x, xb + k * p.hop, p.hop, xb + p.N, s.X)
        product(s.G, s.X, s.P, true)
        fft.inverse(s.P, 0, s.t, 0)
        for (let m = 0; m < p.M; m++) dh[hb + k * p.M + m]! += s.t[m]!
      }
    }
  }
  return out
}
