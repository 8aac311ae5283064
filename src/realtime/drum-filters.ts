/**
 * The filters of the real-time 808 voices, as typed state records: `biquad`
 * (direct form I, torchaudio `lfilter`; timbreremap's high-pass) and `svf`
 * (TPT state-variable filter, Simper), each filtering a block in place with
 * its coefficients and state in locals (tested against the offline graph's
 * `dsp/biquad` and `dsp/filters` `svf`, and for any block partition).
 *
 * @example
 * const f = biquadState(); setHighpass(f, 2500, 2, 48000); biquadBlock(f, x, 128)
 */

/** Biquad coefficients and state [b0, b1, b2, a1, a2, x1, x2, y1, y2] (a0 = 1). */
export type Biquad = Float64Array

/** An all-zero biquad. @example const f = biquadState() */
export const biquadState = (): Biquad => new Float64Array(9)

/**
 * Sets timbreremap's high-pass (as `dsp/biquad` `highpassCoefficients`) and clears the state:
 * K = tan(π·min(fc, sr/2 − 1000)/sr), norm = 1/(1 + K/Q + K²), b = norm·(1, −2, 1), a1 = 2(K² − 1)·norm, a2 = (1 − K/Q + K²)·norm.
 * @example setHighpass(f, 2500, 2, 48000)
 */
export const setHighpass = (f: Biquad, cutoff: number, q: number, sampleRate: number): void => {
  const k = Math.tan((Math.PI / sampleRate) * Math.min(cutoff, sampleRate / 2 - 1000))
  const norm = 1 / (1 + k / q + k * k)
  f.fill(0)
  f[0] = norm
  f[1] = -2 * norm
  f[2] = norm
  f[3] = 2 * (k * k - 1) * norm
  f[4] = (1 - k / q + k * k) * norm
}

/** SVF responses, as numbers for the typed state: low 0, band 1, high 2. */
export const SVF_MODE = { low: 0, band: 1, high: 2 } as const

/**
 * TPT state-variable filter [k, a1, a2, a3, ic1, ic2, mode, m11, m12, n1, m21, m22, n2]: Simper's
 * coefficients, its two integrator states, the response, and the state update as a matrix (below).
 */
export type Svf = Float64Array

/** An all-zero SVF. @example const f = svfState() */
export const svfState = (): Svf => new Float64Array(14)

/**
 * Sets the coefficients as `dsp/filters` `svf` and clears the state: g = tan(π·min(fc, 0.49·sr)/sr),
 * k = 1/Q, a1 = 1/(1 + g(g + k)), a2 = g·a1, a3 = g·a2; and the update matrix of `svfBlock`.
 * @example setSvf(f, 1200, 1.2, 48000, 'band')
 */
export const setSvf = (f: Svf, cutoff: number, q: number, sampleRate: number, mode: keyof typeof SVF_MODE): void => {
  const w = (Math.PI / sampleRate) * Math.min(cutoff, 0.49 * sampleRate)
  const g = Math.sin(w) / Math.cos(w)
  const a1 = 1 / (1 + g * (g + 1 / q))
  const a2 = g * a1
  const a3 = g * a2
  f[0] = 1 / q
  f[1] = a1
  f[2] = a2
  f[3] = a3
  f[4] = 0
  f[5] = 0
  f[6] = SVF_MODE[mode]
  f[7] = 2 * a1 - 1
  f[8] = -2 * a2
  f[9] = 2 * a2
  f[10] = 2 * a2
  f[11] = 1 - 2 * a3
  f[12] = 2 * a3
}

/**
 * Filters x in place through a biquad: y[n] = b0·x[n] + b1·x[n−1] + b2·x[n−2] − a2·y[n−2] − a1·y[n−1],
 * summed in that order (y[n−1] enters last, so one multiply and one subtract separate consecutive outputs).
 * @example biquadBlock(f, x, 128)
 */
export const biquadBlock = (f: Biquad, x: Float64Array, count: number): void => {
  const b0 = f[0]!
  const b1 = f[1]!
  const b2 = f[2]!
  const a1 = f[3]!
  const a2 = f[4]!
  let x1 = f[5]!
  let x2 = f[6]!
  let y1 = f[7]!
  let y2 = f[8]!
  for (let i = 0; i < count; i++) {
    const xi = x[i]!
    const y = b0 * xi + b1 * x1 + b2 * x2 - a2 * y2 - a1 * y1
    x2 = x1
    x1 = xi
    y2 = y1
    y1 = y
    x[i] = y
  }
  f[5] = x1
  f[6] = x2
  f[7] = y1
  f[8] = y2
}

/**
 * Filters x in place through Simper's TPT SVF: v1 = a1·ic1 + a2·(x − ic2), v2 = ic2 + a2·ic1 + a3·(x − ic2);
 * low v2, band v1, high x − k·v1 − v2; then ic ← 2v − ic, written out as ic1 ← m11·ic1 + m12·ic2 + n1·x,
 * ic2 ← m21·ic1 + m22·ic2 + n2·x (m11 = 2a1 − 1, m12 = −2a2, n1 = 2a2, m21 = 2a2, m22 = 1 − 2a3, n2 = 2a3):
 * the same filter, with a multiply and two adds between consecutive states instead of five operations.
 * @example svfBlock(f, x, 128)
 */
export const svfBlock = (f: Svf, x: Float64Array, count: number): void => {
  const k = f[0]!
  const a1 = f[1]!
  const a2 = f[2]!
  const a3 = f[3]!
  const mode = f[6]!
  const m11 = f[7]!
  const m12 = f[8]!
  const n1 = f[9]!
  const m21 = f[10]!
  const m22 = f[11]!
  const n2 = f[12]!
  let ic1 = f[4]!
  let ic2 = f[5]!
  for (let i = 0; i < count; i++) {
    const xi = x[i]!
    const v1 = a1 * ic1 + a2 * (xi - ic2)
    const v2 = ic2 + a2 * ic1 + a3 * (xi - ic2)
    const next1 = n1 * xi + m12 * ic2 + m11 * ic1
    ic2 = n2 * xi + m21 * ic1 + m22 * ic2
    ic1 = next1
    x[i] = mode === 0 ? v2 : mode === 1 ? v1 : xi - k * v1 - v2
  }
  f[4] = ic1
  f[5] = ic2
}
