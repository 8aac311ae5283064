/**
 * A real-time f0 + loudness tracker for timbre transfer (microphone → synth):
 * YIN on the last W input samples every `every` hops (de Cheveigné &
 * Kawahara, "YIN, a fundamental frequency estimator", JASA 111(4) 2002):
 *   d(τ) = Σ_{j<N} (x_j − x_{j+τ})²,  d'(τ) = d(τ)·τ / Σ_{s=1..τ} d(s),
 * the first τ with d'(τ) < threshold, descended to its local minimum and
 * refined by parabolic interpolation; f0 = sr/τ, confidence = 1 − d'(τ).
 * Loudness is the RMS of the last hop (linear; the DDSP amplitude control
 * follows it). All buffers are allocated at construction.
 *
 * @example
 * const tr = pitchTracker({ sampleRate: 48000, hop: 192 })
 * tr.push(micBlock128); if (tr.confidence > 0.5) use(tr.f0, tr.rms)
 */

/** Options of the tracker. @example const o: PitchOptions = { sampleRate: 48000, hop: 192, minHz: 80 } */
export interface PitchOptions {
  readonly sampleRate: number
  /** Samples per loudness frame (the synth's control hop). */
  readonly hop: number
  /** Lowest and highest f0 tracked, Hz (default 60…1000). */
  readonly minHz?: number
  readonly maxHz?: number
  /** YIN absolute threshold (default 0.15, the paper's). */
  readonly threshold?: number
  /** Run YIN every this many hops (default 4; the cost is N·τmax per run). */
  readonly every?: number
}

/** The tracker's live state. @example tr.push(block); if (tr.confidence > 0.5) show(tr.f0) */
export interface PitchTracker {
  /** Last f0 estimate, Hz (held while unvoiced). */
  readonly f0: number
  /** 1 − d'(τ) of the last estimate, 0 when unvoiced. */
  readonly confidence: number
  /** RMS of the last complete hop. */
  readonly rms: number
  /** [f0, confidence, rms] as a typed array (reading it allocates nothing, unlike the getters' boxed numbers). */
  readonly state: Float64Array
  /** Feeds input samples (any length). */
  readonly push: (x: Float32Array) => void
}

/**
 * Creates a tracker.
 * @param o sample rate (Hz), hop (samples), f0 range (Hz)
 * @example pitchTracker({ sampleRate: 16000, hop: 64, minHz: 80 })
 */
export const pitchTracker = (o: PitchOptions): PitchTracker => {
  const tauMax = Math.ceil(o.sampleRate / (o.minHz ?? 60))
  const tauMin = Math.max(2, Math.floor(o.sampleRate / (o.maxHz ?? 1000)))
  const n = tauMax // integration window N
  const win = new Float32Array(n + tauMax + 1) // the last N + τmax + 1 samples, oldest first
  const d = new Float64Array(tauMax + 2)
  const threshold = o.threshold ?? 0.15
  const every = o.every ?? 4
  const out = new Float64Array(3) // f0, confidence, rms
  const st = { sq: 0, inHop: 0, hops: 0 }
  const analyse = (): void => {
    const r = yinLag(win, d, n, tauMin, tauMax, threshold)
    out[1] = r > 0 ? Math.max(0, 1 - d[Math.round(r)]!) : 0
    if (r > 0) out[0] = o.sampleRate / r
  }
  const push = (x: Float32Array): void => {
    const len = win.length
    const k = Math.min(x.length, len)
    win.copyWithin(0, k)
    win.set(k === x.length ? x : x.subarray(x.length - k), len - k)
    for (let i = 0; i < x.length; i++) {
      st.sq += x[i]! * x[i]!
      if (++st.inHop < o.hop) continue
      out[2] = Math.sqrt(st.sq / o.hop)
      st.sq = 0
      st.inHop = 0
      if (++st.hops % every === 0) analyse()
    }
  }
  return {
    get f0() {
      return out[0]!
    },
    get confidence() {
      return out[1]!
    },
    get rms() {
      return out[2]!
    },
    state: out,
    push,
  }
}

/**
 * YIN's lag (steps 2–5 of de Cheveigné & Kawahara 2002): fills d with the cumulative-mean-normalised
 * difference d'(τ) and returns the refined lag of the first dip under the threshold, or −1 (unvoiced).
 * @param x samples, at least n + τmax + 1  @param d scratch of τmax + 2  @param n integration window (samples)
 * @param tauMin shortest lag  @param tauMax longest lag (samples)  @param threshold absolute threshold on d'
 * @example yinLag(window, scratch, 800, 48, 800, 0.15) // ≈ 218.2 for 220 Hz at 48 kHz
 */
export const yinLag = (x: Float32Array, d: Float64Array, n: number, tauMin: number, tauMax: number, threshold: number): number => {
  let cum = 0
  let found = -1
  for (let tau = 1; tau <= tauMax + 1; tau++) {
    let s = 0
    for (let j = 0; j < n; j++) {
      const e = x[j]! - x[j + tau]!
      s += e * e
    }
    cum += s
    d[tau] = cum > 0 ? (s * tau) / cum : 1
    if (found < 0 && tau > tauMin && tau <= tauMax && d[tau]! < threshold) found = tau
    if (found > 0 && tau > found && d[tau]! >= d[tau - 1]!) break
  }
  if (found < 0) return -1
  let t = found
  while (t < tauMax && d[t + 1]! < d[t]!) t++
  const a = d[t - 1]!
  const b = d[t]!
  const c = d[t + 1]!
  const den = a - 2 * b + c
  const shift = den > 0 ? (0.5 * (a - c)) / den : 0 // vertex of the parabola through (t−1, t, t+1)
  return t + Math.max(-1, Math.min(1, shift))
}
