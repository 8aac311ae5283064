/**
 * The DDSP voice's control frame, shaped from a spec's timbre and the live
 * levels (raw values, as the voice's `pushFrame` takes them):
 *   cₖ = expSigmoid(distₖ)·(k+1)^(−brightness)  →  distₖ' = expSigmoid⁻¹(cₖ),
 *   mₖ = expSigmoid(noiseₖ − 5)·s  →  noiseₖ' = expSigmoid⁻¹(mₖ) + 5 (the voice adds bias −5),
 *   amplitude' = expSigmoid⁻¹(a),
 * with expSigmoid(x) = 2σ(x)^ln10 + 1e−7 (DDSP `exp_sigmoid`, Engel et al.
 * 2020 §B) and expSigmoid⁻¹(a) = logit(((a − 1e−7)/2)^(1/ln10)). One frame
 * object is reused; nothing is allocated after construction.
 *
 * @example
 * const t = timbreFrame(spec); t.brighten(1); t.levels(0.3, 0.5, 220); voice.pushFrame(t.frame)
 */
import { expSigmoid } from '../src/host/sigmoid.js'
import type { DdspSpec } from './spec.js'

/**
 * Raw control for a linear exp-sigmoid output `a` (clamped to its range): logit(((a − 1e−7)/2)^(1/ln10)).
 * @param a the wanted exp-sigmoid output (linear)
 * @example inverseExpSigmoid(expSigmoid(0.5)) // ≈ 0.5
 */
export const inverseExpSigmoid = (a: number): number => {
  if (a <= 2e-7) return -40
  const s = Math.pow(Math.min(a - 1e-7, 1.999) / 2, 1 / Math.LN10)
  return Math.log(s / (1 - s))
}

/** The reusable frame and its setters. @example const t: TimbreFrame = timbreFrame(spec); voice.pushFrame(t.frame) */
export interface TimbreFrame {
  /** The frame to push (mutated in place). */
  readonly frame: { amplitude: number; f0: number; readonly distribution: Float64Array; readonly noise: Float64Array }
  /** Tilts the harmonic distribution by (k+1)^(−b). */
  readonly brighten: (b: number) => void
  /** Sets the amplitude a (linear), noise scale s (linear, recomputed only on change) and f0 (Hz). */
  readonly levels: (amplitude: number, noiseScale: number, f0: number) => void
}

/**
 * Creates the frame for a spec (brightness 0, silent).
 * @param spec distribution [K] and noise [M] raw values
 * @example timbreFrame(defaultDdsp(48000)).frame.distribution.length // 60
 */
export const timbreFrame = (spec: DdspSpec): TimbreFrame => {
  const baseC = Float64Array.from(spec.distribution, (x) => expSigmoid(x))
  const baseN = Float64Array.from(spec.noise, (x) => expSigmoid(x - 5))
  const frame = { amplitude: -40, f0: 0, distribution: new Float64Array(baseC.length), noise: new Float64Array(baseN.length) }
  const last = new Float64Array([Number.NaN])
  const brighten = (b: number): void => {
    for (let k = 0; k < baseC.length; k++) frame.distribution[k] = inverseExpSigmoid(baseC[k]! * Math.pow(k + 1, -b))
  }
  brighten(0)
  return {
    frame,
    brighten,
    levels: (amplitude, noiseScale, f0) => {
      frame.amplitude = inverseExpSigmoid(amplitude)
      frame.f0 = f0
      if (noiseScale === last[0]) return
      last[0] = noiseScale
      for (let k = 0; k < baseN.length; k++) frame.noise[k] = inverseExpSigmoid(baseN[k]! * noiseScale) + 5
    },
  }
}
