/**
 * YIN on host arrays for one frame (de Cheveigné & Kawahara, JASA 111(4),
 * 2002, steps 2–5) with the difference normalised by the energy of both
 * windows, as McLeod & Wyvill's NSDF (ICMC 2005) does:
 *   d(τ) = Σ_{j<W} (x[s+j] − x[s+j+τ])² / Σ_{j<W} (x[s+j]² + x[s+j+τ]²)
 * (on a decaying partial a·e^{−Dt} the plain sum's dip slides toward shorter
 * lags, 30 cents sharp for a 98 Hz tone with T60 = 0.3 s; normalised it does
 * not), then the cumulative mean normalised d'(τ) = d(τ)·τ / Σ_{i≤τ} d(i), the first dip of d'
 * under `threshold` followed to its local minimum (else the global minimum),
 * and a parabola through d around it. Direct O(W·maxLag) sums: meant for the
 * few dozen frames of a hit's first 200 ms (`features/yin.ts` is the graph form).
 *
 * @example
 * yinFrame(x, 0, 22050, { fMin: 30, fMax: 1500 }) // { f0Hz: 220.1, aperiodicity: 0.02 }
 */

/** Search range and threshold. @example const o: YinFrameOptions = { fMin: 30, fMax: 1500 } */
export interface YinFrameOptions {
  readonly fMin: number
  readonly fMax: number
  /** dip threshold on d' (default 0.15) */
  readonly threshold?: number
}

/** One frame's estimate. @example const r: YinFrame = { f0Hz: 55, aperiodicity: 0.03 } */
export interface YinFrame {
  readonly f0Hz: number
  /** d' at the chosen lag: 0 for a periodic frame, about 1 for noise */
  readonly aperiodicity: number
}

/**
 * The f0 of the frame starting at sample `start` (window W = ⌈sr/fMin⌉, lags up to W).
 * @param x samples  @param start first sample of the frame  @param sampleRate Hz  @param o range and threshold
 * @returns the estimate, or undefined when the frame runs past the signal
 * @example yinFrame(sine, 0, 16000, { fMin: 50, fMax: 1000 })?.f0Hz // ≈ the sine's frequency
 */
export const yinFrame = (x: ArrayLike<number>, start: number, sampleRate: number, o: YinFrameOptions): YinFrame | undefined => {
  const maxLag = Math.ceil(sampleRate / o.fMin)
  const minLag = Math.max(2, Math.floor(sampleRate / o.fMax))
  const W = maxLag
  if (start < 0 || start + W + maxLag + 1 > x.length) return undefined
  const d = new Float64Array(maxLag + 2)
  let e0 = 0
  for (let j = 0; j < W; j++) e0 += x[start + j]! ** 2
  for (let tau = 1; tau <= maxLag + 1; tau++) {
    let s = 0, e = 0
    for (let j = 0; j < W; j++) {
      const v = x[start + j]! - x[start + j + tau]!
      s += v * v
      e += x[start + j + tau]! ** 2
    }
    d[tau] = e0 + e > 0 ? s / (e0 + e) : 0
  }
  const dn = new Float64Array(maxLag + 2)
  dn[0] = 1
  let run = 0
  for (let tau = 1; tau <= maxLag + 1; tau++) {
    run += d[tau]!
    dn[tau] = run > 0 ? (d[tau]! * tau) / run : 1
  }
  const th = o.threshold ?? 0.15
  let best = -1
  for (let tau = minLag; tau <= maxLag; tau++) {
    if (dn[tau]! < th) {
      while (tau + 1 <= maxLag && dn[tau + 1]! < dn[tau]!) tau++
      best = tau
      break
    }
  }
  if (best < 0) {
    best = minLag
    for (let tau = minLag; tau <= maxLag; tau++) if (dn[tau]! < dn[best]!) best = tau
  }
  // parabolic interpolation of d around the lag (step 5)
  const a = d[best - 1]!, b = d[best]!, c = d[best + 1]!
  const den = a - 2 * b + c
  const shift = den > 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / den)) : 0
  return { f0Hz: sampleRate / (best + shift), aperiodicity: dn[best]! }
}
