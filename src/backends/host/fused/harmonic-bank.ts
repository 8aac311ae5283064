/**
 * Fused host lowering of `synth.harmonicBank` and its `.vjp`: the harmonic
 * oscillator bank rendered straight from frame-rate controls, without
 * materialising any `[B, T, K]` tensor.
 *
 *   f[t] = upsample_linear(f0)[t],  c[t] = Σ_{τ≤t} f[τ]/sr (mod 1),  θ = 2π·c
 *   y[t] = Σₖ Aₖ[t]·[rₖ·f[t] < sr/2]·sin(rₖθ[t]),   Aₖ = upsample(amps)
 *
 * For the harmonic series rₖ = k, sin(kθ) and cos(kθ) follow the Chebyshev
 * recurrence s_k = 2cosθ·s_{k−1} − s_{k−2} (two trig calls per sample, all in
 * float64, so the phase never drifts); other ratios keep one wrapped float64
 * phase per partial. The backward pass (same loops) gives
 *   ∂L/∂Aₖ[t] = g[t]·mask·sin(rₖθ)   (then the upsampling's transpose)
 *   ∂L/∂f[t]  = 2π/sr · Σ_{τ≥t} g[τ]·Σₖ rₖ·Aₖ[τ]·mask·cos(rₖθ[τ])
 * because φₖ = rₖ·2π·Σf/sr is linear in f (the wrap has zero gradient).
 * Ref: magenta/ddsp `core.oscillator_bank`; perf-peer RESULTS §6 (recurrence).
 *
 * @example
 * const y = harmonicBankForward([f0, amps], [[1, 250, 1], [1, 250, 60]], { samples: 64000, sampleRate: 16000, ratios, ampResample: 'window' }, [1, 64000])
 */
import type { HostKernel } from './kernel.js'
import type { Shape } from '../../../core/shape.js'
import { upsampleMethods, upsampleTable, type UpsampleTable } from '../../../host/upsample.js'
import { cachedPlan, needs, num, nums, oneOf } from './attrs.js'
import { output, scratch } from './arena.js'

interface Plan {
  readonly B: number
  readonly F: number
  readonly K: number
  readonly T: number
  readonly sr: number
  readonly ratios: Float64Array
  readonly series: boolean // ratios are exactly 1, 2, …, K
  readonly freq: UpsampleTable
  readonly amp: UpsampleTable
}

/** Attributes (as `synth.harmonicBank` records them): samples, sampleRate, ratios, ampResample; tables built once per attributes and shapes. */
const plan = (shapes: readonly Shape[], attrs: Readonly<Record<string, unknown>>): Plan =>
  cachedPlan('synth.harmonicBank', attrs, shapes, () => {
    const T = num(attrs, 'samples')
    const [B = 1, F = 1, K = 1] = shapes[1] ?? []
    const ratios = Float64Array.from(nums(attrs, 'ratios'))
    return {
      B, F, K, T, sr: num(attrs, 'sampleRate'), ratios,
      series: ratios.every((r, k) => r === k + 1),
      freq: upsampleTable('linear', F, T),
      amp: upsampleTable(oneOf(attrs, 'ampResample', upsampleMethods), F, T),
    }
  })

/** Linear interpolation exactly as the `upsample` decomposition writes it: a + (b − a)·w. */
const lerp = (x: Float32Array, i0: number, i1: number, w: number): number => x[i0]! + (x[i1]! - x[i0]!) * w

/**
 * Visits every sample of one batch row: the fundamental's wrapped phase θ (float64),
 * the interpolated f, and the amplitude rows/weight; `each` handles the partials.
 */
const sweep = (p: Plan, f0: Float32Array, b: number, each: (t: number, f: number, theta: number, a0: number, a1: number, wa: number) => void): void => {
  let cyc = 0
  for (let t = 0; t < p.T; t++) {
    const f = lerp(f0, b * p.F + p.freq.i0[t]!, b * p.F + p.freq.i1[t]!, p.freq.w1[t]!)
    cyc += f / p.sr
    cyc -= Math.floor(cyc)
    each(t, f, 2 * Math.PI * cyc, (b * p.F + p.amp.i0[t]!) * p.K, (b * p.F + p.amp.i1[t]!) * p.K, p.amp.w1[t]!)
  }
}

/** Partial phases rₖ·θ for non-series ratios, wrapped per partial in float64. */
const partialPhases = (p: Plan) => {
  const cyc = new Float64Array(p.K)
  return (f: number, out: Float64Array): void => {
    for (let k = 0; k < p.K; k++) {
      const c = cyc[k]! + (p.ratios[k]! * f) / p.sr
      cyc[k] = c - Math.floor(c)
      out[k] = 2 * Math.PI * cyc[k]!
    }
  }
}

/** The harmonic-series forward pass as one flat loop (the hot path: no callbacks, partial count computed once per sample). */
const seriesForward = (p: Plan, f0: Float32Array, A: Float32Array): Float32Array => {
  const { B, F, K, T, sr } = p
  const fi0 = p.freq.i0, fi1 = p.freq.i1, fw = p.freq.w1, ai0 = p.amp.i0, ai1 = p.amp.i1, aw = p.amp.w1
  const nyq = sr / 2
  const y = output(B * T)
  for (let b = 0; b < B; b++) {
    let cyc = 0
    for (let t = 0; t < T; t++) {
      const fa = f0[b * F + fi0[t]!]!
      const f = fa + (f0[b * F + fi1[t]!]! - fa) * fw[t]!
      cyc += f / sr
      cyc -= Math.floor(cyc)
      const theta = 2 * Math.PI * cyc
      let n = 0 // partials k + 1 with (k + 1)·f < nyq, as the decomposition's mask
      while (n < K && (n + 1) * f < nyq) n++
      const a0 = (b * F + ai0[t]!) * K, a1 = (b * F + ai1[t]!) * K, wa = aw[t]!
      const c2 = 2 * Math.cos(theta)
      let s1 = 0, s = Math.sin(theta), acc = 0
      for (let k = 0; k < n; k++) {
        const x0 = A[a0 + k]!
        acc += (x0 + (A[a1 + k]! - x0) * wa) * s
        const next = c2 * s - s1
        s1 = s
        s = next
      }
      y[b * T + t] = acc
    }
  }
  return y
}

/** Forward: `[f0 [B,F,1], amps [B,F,K]]` → `[B, T]`. @example harmonicBankForward([f0, amps], shapes, attrs, [B, T]) */
export const harmonicBankForward: HostKernel = (inputs, shapes, attrs) => {
  const p = plan(shapes, attrs)
  const [f0, A] = inputs as [Float32Array, Float32Array]
  if (p.series) return seriesForward(p, f0, A)
  const y = output(p.B * p.T)
  const nyq = p.sr / 2
  const phases = new Float64Array(p.K)
  for (let b = 0; b < p.B; b++) {
    const advance = partialPhases(p)
    sweep(p, f0, b, (t, f, _theta, a0, a1, wa) => {
      let acc = 0
      advance(f, phases)
      for (let k = 0; k < p.K; k++)
        if (p.ratios[k]! * f < nyq) acc += (A[a0 + k]! + (A[a1 + k]! - A[a0 + k]!) * wa) * Math.sin(phases[k]!)
      y[b * p.T + t] = acc
    })
  }
  return y
}

/**
 * One sample of the backward pass, harmonic series: adds g·wᵢ·sin(kθ) into the two amplitude
 * rows and returns Σₖ k·Aₖ·cos(kθ) (both by the Chebyshev recurrence).
 */
const seriesBack = (A: Float32Array, dA: Float32Array, a0: number, a1: number, wa: number, gt: number, theta: number, f: number, nyq: number, K: number, needF: boolean, needA: boolean): number => {
  const cos = Math.cos(theta)
  const g0 = gt * (1 - wa), g1 = gt * wa
  let s1 = 0, s = Math.sin(theta), c1 = 1, c = cos, acc = 0
  if (!needF) {
    for (let k = 0; k < K && (k + 1) * f < nyq; k++) {
      dA[a0 + k]! += g0 * s
      dA[a1 + k]! += g1 * s
      const sn = 2 * cos * s - s1
      s1 = s; s = sn
    }
    return 0
  }
  if (!needA) {
    for (let k = 0; k < K && (k + 1) * f < nyq; k++) {
      const x0 = A[a0 + k]!
      acc += (k + 1) * (x0 + (A[a1 + k]! - x0) * wa) * c
      const cn = 2 * cos * c - c1
      c1 = c; c = cn
    }
    return acc
  }
  for (let k = 0; k < K && (k + 1) * f < nyq; k++) {
    const x0 = A[a0 + k]!
    acc += (k + 1) * (x0 + (A[a1 + k]! - x0) * wa) * c
    dA[a0 + k]! += g0 * s
    dA[a1 + k]! += g1 * s
    const sn = 2 * cos * s - s1, cn = 2 * cos * c - c1
    s1 = s; s = sn; c1 = c; c = cn
  }
  return acc
}

/** `seriesBack` for free ratios: the partial phases are given; as there, only the wanted cotangents are computed. */
const freeBack = (A: Float32Array, dA: Float32Array, a0: number, a1: number, wa: number, gt: number, phases: Float64Array, f: number, nyq: number, ratios: Float64Array, needF: boolean, needA: boolean): number => {
  let acc = 0
  for (let k = 0; k < ratios.length; k++) {
    if (!(ratios[k]! * f < nyq)) continue
    if (needF) acc += ratios[k]! * (A[a0 + k]! + (A[a1 + k]! - A[a0 + k]!) * wa) * Math.cos(phases[k]!)
    if (needA) {
      const s = Math.sin(phases[k]!)
      dA[a0 + k]! += gt * s * (1 - wa)
      dA[a1 + k]! += gt * s * wa
    }
  }
  return acc
}

/** Adds the linear upsampling's transpose of `g` (per sample) into the frame-rate `out` row of batch b. */
const scatterLinear = (tab: UpsampleTable, g: Float64Array, out: Float32Array, base: number): void => {
  for (let t = 0; t < g.length; t++) {
    const w = tab.w1[t]!
    out[base + tab.i0[t]!]! += g[t]! * (1 - w)
    out[base + tab.i1[t]!]! += g[t]! * w
  }
}

/**
 * Backward: `[f0, amps, g [B,T]]` → packed `[∂f0 (B·F), ∂amps (B·F·K)]` (the `fusible` layout).
 * @example harmonicBankVjp([f0, amps, g], shapes, attrs, [B * F * (K + 1)])
 */
export const harmonicBankVjp: HostKernel = (inputs, shapes, attrs) => {
  const p = plan(shapes, attrs)
  const [f0, A, g] = inputs as [Float32Array, Float32Array, Float32Array]
  const out = output(p.B * p.F * (p.K + 1))
  const dA = out.subarray(p.B * p.F)
  const h = scratch('synth.harmonicBank.vjp h', p.T)
  const nyq = p.sr / 2
  const phases = new Float64Array(p.K)
  const needF = needs(attrs, 0), needA = needs(attrs, 1)
  for (let b = 0; b < p.B; b++) {
    const advance = p.series ? undefined : partialPhases(p)
    sweep(p, f0, b, (t, f, theta, a0, a1, wa) => {
      const gt = g[b * p.T + t]!
      if (!p.series) advance!(f, phases) // the partial phases advance every sample
      h[t] = gt === 0 ? 0 : gt * (p.series ? seriesBack(A, dA, a0, a1, wa, gt, theta, f, nyq, p.K, needF, needA) : freeBack(A, dA, a0, a1, wa, gt, phases, f, nyq, p.ratios, needF, needA))
    })
    if (!needF) continue
    // ∂L/∂f[t] = 2π/sr · Σ_{τ≥t} h[τ] (reverse cumsum), then the linear upsampling's transpose.
    let run = 0
    for (let t = p.T - 1; t >= 0; t--) {
      run += h[t]!
      h[t] = (2 * Math.PI * run) / p.sr
    }
    scatterLinear(p.freq, h, out, b * p.F)
  }
  return out
}
