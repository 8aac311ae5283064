/**
 * A zero-phase low-pass on host arrays: an RBJ second-order Butterworth
 * section (Q = 1/√2; R. Bristow-Johnson, "Audio EQ Cookbook"),
 *   K = tan(π·fc/sr), norm = 1/(1 + K/Q + K²),
 *   b = (K², 2K², K²)·norm,  a1 = 2(K² − 1)·norm,  a2 = (1 − K/Q + K²)·norm,
 * run forward then backward (filtfilt: phase cancels, 24 dB/octave overall).
 *
 * @example
 * const y = zeroPhaseLowpass(x, 200, 22050) // the part of x under about 200 Hz
 */

/**
 * Low-passes `x` at `cutoffHz` forward and backward.
 * @param x samples  @param cutoffHz −6 dB point of the pair (each pass −3 dB), clamped under 0.45·sr  @param sampleRate Hz
 * @returns a new Float64Array
 * @example zeroPhaseLowpass(Float64Array.of(1, 0, 0, 0), 1000, 16000)
 */
export const zeroPhaseLowpass = (x: ArrayLike<number>, cutoffHz: number, sampleRate: number): Float64Array => {
  const K = Math.tan((Math.PI * Math.min(cutoffHz, 0.45 * sampleRate)) / sampleRate)
  const Q = Math.SQRT1_2
  const norm = 1 / (1 + K / Q + K * K)
  const b0 = K * K * norm, b1 = 2 * b0, b2 = b0
  const a1 = 2 * (K * K - 1) * norm, a2 = (1 - K / Q + K * K) * norm
  const y = Float64Array.from(x)
  const pass = (from: number, to: number, step: number) => {
    let x1 = 0, x2 = 0, y1 = 0, y2 = 0
    for (let i = from; i !== to; i += step) {
      const v = y[i]!
      const out = b0 * v + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
      x2 = x1; x1 = v; y2 = y1; y1 = out
      y[i] = out
    }
  }
  pass(0, y.length, 1)
  pass(y.length - 1, -1, -1)
  return y
}
