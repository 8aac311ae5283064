/**
 * Every numerical tolerance of the property suites (and of the unit tests
 * that hold a backend to the reference), in one table, each with its reason.
 *
 * @example within(TOL.gradient, fd, ad) // true when the two agree
 */

/** A mixed tolerance: |a − b| ≤ atol + rtol · max(|a|, |b|). */
export interface Tolerance {
  readonly rtol: number
  readonly atol: number
  readonly reason: string
}

export const TOL = {
  gradient: {
    rtol: 1e-6,
    atol: 1e-8,
    reason:
      'float64 central differences with step 1e-6·(1+|x|): truncation O(h²)≈1e-12 and rounding O(ε/h)≈1e-10 relative; 1e-6 leaves room for ill-conditioned products (pow, recurrence)',
  },
  phaseGradient: {
    rtol: 1e-5,
    atol: 1e-8,
    reason:
      'sin∘phase: Σ wₜ·sin φₜ has O(1) terms of both signs whose directional derivative can cancel to ~1e-4; central differences carry an absolute rounding error ≈ ε·Σ|wₜ|/h ≈ 1e-9 (shrinks as h grows, so it is not a gradient bug), i.e. up to ~1e-5 relative (3e-5 seen in 1000 runs, all within atol).',
  },
  pieceGradient: {
    rtol: 1e-5,
    atol: 1e-8,
    reason:
      'piecewise composites (ADSR segments, note envelopes, wavetable and delay-line linear interpolation, the modulated SVF), checked at steps of 1e-7…1e-6 to stay inside one smooth piece: a breakpoint of the interpolation inside the step bends central differences by less than the smoothness test sees; largest relative errors over 300 runs: wavetableLookup 7.6e-6, renderNotes 6.1e-7, adsr 6.7e-8, modDelay 5.9e-8; a wrong rule is off by O(1)',
  },
  synthGradient: {
    rtol: 1e-4,
    atol: 1e-8,
    reason:
      'whole synths (808 voices): [0, 1] params map to wide physical ranges and phases run many cycles, so central differences carry ≈1e-5 relative error at any step (rounding at h = 1e-6, truncation at 1e-5; 1.1e-5 seen at 1000 runs); a wrong rule is off by O(1)',
  },
  spectralGradient: {
    rtol: 1e-4,
    atol: 1e-8,
    reason:
      'log-magnitude losses (multi-scale spectral, MR-STFT, log-mel): log|X| curves like 1/|X|² at bins near a spectral zero, and random 256-sample signals put some |X| near 1e-3, so central differences carry a heavy-tailed truncation error ~(h·|∂X|/|X|)² (2e-6 seen at h = 1e-6 on draws the smoothness test accepts, 8e-6 at 3e-8 from rounding). The rare draw with a bin near the 1e-8 power floor (mss auraloss at seed 244410353: 8.8e-4 at h = 1e-6) is checked again at 10×, 100× and 1000× smaller steps by agreesWithDifferences, where it agrees to 1.1e-8 (1000 runs also drew mrstft at seed 108126486: 8.9e-2 at h = 1e-6, 5.8e-3 at 1e-7, 1.8e-7 at 1e-8; mss auraloss at 751897450: 3.6e-4, 2.0e-4, 9.3e-8; mss ddsp at 208010492, a bin within 1e-8 of safe_log’s max(x, eps) kink: 4.3e-4 down to h = 1e-8, 3.2e-7 at 1e-9; the same on the code before this change); a wrong rule is off by O(1) at every step',
  },
  transpose: {
    rtol: 1e-10,
    atol: 1e-12,
    reason: 'exact identity ⟨Ax, y⟩ = ⟨x, Aᵀy⟩ evaluated in float64; only summation-order rounding (≈1e-13 relative) separates the sides',
  },
  roundTrip: {
    rtol: 1e-10,
    atol: 1e-10,
    reason: 'float64 radix-2 / direct DFT round trip: error ≈ n·ε·log n',
  },
  law: {
    rtol: 1e-9,
    atol: 1e-9,
    reason: 'algebraic laws (linearity, time invariance, monoid) in float64; rounding of at most a few hundred operations',
  },
  identical: { rtol: 0, atol: 0, reason: 'same program on the same backend: results must be bit-identical' },
  backend: {
    rtol: 2e-4,
    atol: 2e-5,
    reason:
      'float32 tfjs backends vs the float64 reference: ε₃₂ ≈ 6e-8 per rounding, compounded over chains of ≤ 6 ops, sums, FFTs (≈ ε·log n) and log-step scans (≈ ε·log T); atol is multiplied by the output scale max(1, ‖ref‖∞) (withinScaled) because cancellation leaves an error relative to the operands, not to each small result',
  },
  fused: {
    rtol: 1e-4,
    atol: 1e-5,
    reason:
      'a host fused lowering (float32 in and out, float64 inside) vs the float64 reference of its decomposition: float32 rounding of inputs and outputs (ε₃₂ ≈ 6e-8) amplified by sums over ≤ 64 partials or FFT bins and by the phase (the fused phase is float64, the decomposition’s float32 on tfjs); atol scaled by max(1, ‖ref‖∞)',
  },
  float32Conditioning: {
    rtol: 0,
    atol: 4,
    reason:
      'whole synths on a float32 backend: atol is a factor on the float32 reference’s own largest deviation from float64 (a synth that is ill-conditioned in float32, e.g. high harmonics of a float32 phase, deviates that much on any float32 implementation); TOL.backend still applies where that deviation is smaller',
  },
  stream: {
    rtol: 1e-9,
    atol: 1e-10,
    reason:
      'streaming vs offline, both float64 reference kernels: the same operations except that carried state re-associates sums (a cumsum carry plus a block cumsum vs one pass; the phase wrapped by a per-block carry vs the offline chunk hierarchy; a convolution tail summed directly vs by FFT), ≈ T·ε relative to the partial sums; atol scaled by max(1, ‖offline‖∞)',
  },
  compiledStream: {
    rtol: 1e-9,
    atol: 1e-10,
    reason:
      'the block compiler (generated float64 loops over the arena) vs the offline float64 reference: the reference scalar functions in the same order, except that the phase is wrapped per sample (vs the offline chunk hierarchy), a convolution is summed directly (vs by FFT) and reductions run in loop order, ≈ T·ε relative to the partial sums, as TOL.stream; atol scaled by max(1, ‖offline‖∞)',
  },
  compiledLowered: {
    rtol: 1e-5,
    atol: 1e-6,
    reason:
      'the block compiler with the real-time lowerings (the partitioned convolver: float32 input, IR and output, float64 spectra) vs the offline float64 reference: one float32 rounding of x, h and y (ε₃₂ ≈ 6e-8) amplified by the FFT sums over ≤ 2·10⁴ taps (≈ ε₃₂·log n per bin); atol scaled by max(1, ‖offline‖∞)',
  },
  gpuBackend: {
    rtol: 2e-4,
    atol: 2e-5,
    reason:
      'float32 GPU backends (webgpu; webgl) vs the float64 reference: the same bound as TOL.backend, and it holds because sin/cos are our WGSL polynomials (a few ulp): WGSL’s builtins only promise 2⁻¹¹ absolute on [−π, π] (SwiftShader: 1.9e-4 measured, 7.9e-4 on [−1e4, 1e4]), which failed 5 of 14 synths at this bound; exp/log/tanh measured within 1e-6 absolute; FMA contraction and the recurrence’s float32 state (a sequential float32 filter: 1.0–1.4× the float32 oracle in bench:filter-accuracy) stay far inside it. atol scaled by max(1, ‖ref‖∞)',
  },
} as const satisfies Record<string, Tolerance>

/**
 * A tolerance relative to a float32 oracle: `got` may be `factor` × as far from
 * float64 as the oracle is on the same draw, plus `floor` (both relative RMS).
 * @example const ok = err <= ORACLE_TOL.nearUnitCircle.factor * oracleErr + ORACLE_TOL.nearUnitCircle.floor
 */
export interface OracleTolerance {
  readonly factor: number
  readonly floor: number
  readonly reason: string
}

/** Tolerances measured against the float32 oracle (the reference interpreter in float32), each with its reason. */
export const ORACLE_TOL = {
  nearUnitCircle: {
    factor: 8,
    floor: 5e-5,
    reason:
      'recurrences with poles within 1e-5 of z = 1 on float32 backends: the error is set by the conditioning, not by the lowering. The float32 coefficients (a rounded by ε₃₂ ≈ 6e-8 moves a pole at distance δ from 1 by ε/δ relative: 6e-3 at δ = 1e-5) make any float32 filter deviate from the float64 one by an amount the float32 oracle (the reference interpreter in float32, sequential, one rounding per step) measures on the same draw. A backend may be `factor` × as far off as the oracle’s largest error on the draw (forward and every gradient): its sin/cos/tan are polynomial approximations a few ulp from the oracle’s correctly rounded Math functions, so its coefficients and their derivatives are other float32 neighbours, and a scalar gradient (∂/∂fc, a sum over T samples) takes that error linearly (5.3× seen at 1000 runs on the unfused wasm path), plus `floor`: on a well-conditioned draw the oracle is near ε₃₂ while a float32 backend’s own elementary functions bound it (∂/∂fc through tan’s derivative chain, summed over T samples: 2.8e-5 seen at fc 1 kHz, Q 0.65 where the oracle is 3.1e-6; TOL.backend allows 2e-4 per element); relative RMS over the whole output. The former log-step scan is 10²–10⁶ × the oracle here (npm run bench:filter-accuracy)',
  },
} as const satisfies Record<string, OracleTolerance>

/**
 * Whether `a` and `b` agree within `t`, plus an absolute `slack` known from the computation
 * (a central difference's rounding bound, `Directional.noise`).
 */
export const within = (t: Tolerance, a: number, b: number, slack = 0): boolean =>
  Math.abs(a - b) <= t.atol + slack + t.rtol * Math.max(Math.abs(a), Math.abs(b))

/** The first index where two arrays disagree beyond `t`, or −1. */
export const firstMismatch = (t: Tolerance, a: ArrayLike<number>, b: ArrayLike<number>): number => {
  if (a.length !== b.length) return 0
  for (let i = 0; i < a.length; i++) if (!within(t, a[i]!, b[i]!)) return i
  return -1
}

/**
 * Whether `a` and `b` agree within `t`, the absolute part scaled by the
 * magnitude `scale` of the whole output (float32 error is relative to the
 * operands, so near-zero entries of a large output carry absolute error).
 */
export const withinScaled = (t: Tolerance, a: number, b: number, scale: number): boolean =>
  (Number.isNaN(a) && Number.isNaN(b)) || a === b || Math.abs(a - b) <= t.atol * Math.max(1, scale) + t.rtol * Math.max(Math.abs(a), Math.abs(b))

/** The first index where `got` differs from `want` beyond `t` at the scale of `want`, or −1. */
export const firstScaledMismatch = (t: Tolerance, got: ArrayLike<number>, want: ArrayLike<number>): number => {
  if (got.length !== want.length) return 0
  let scale = 0
  for (let i = 0; i < want.length; i++) if (Number.isFinite(want[i]!)) scale = Math.max(scale, Math.abs(want[i]!))
  for (let i = 0; i < got.length; i++) if (!withinScaled(t, got[i]!, want[i]!, scale)) return i
  return -1
}
