/**
 * Every numerical tolerance of the property suites, in one table, each with
 * its reason.
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
      'sin∘phase: Σ wₜ·sin φₜ has O(1) terms of both signs whose directional derivative can cancel to ~1e-4; central differences carry an absolute rounding error ≈ ε·Σ|wₜ|/h ≈ 1e-9 (shrinks as h grows, so it is not a gradient bug), i.e. up to ~1e-5 relative (3e-5 seen in 1000 runs, all within atol)',
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
} as const satisfies Record<string, Tolerance>

/** Whether `a` and `b` agree within `t`. */
export const within = (t: Tolerance, a: number, b: number): boolean =>
  Math.abs(a - b) <= t.atol + t.rtol * Math.max(Math.abs(a), Math.abs(b))

/** The first index where two arrays disagree beyond `t`, or −1. */
export const firstMismatch = (t: Tolerance, a: ArrayLike<number>, b: ArrayLike<number>): number => {
  if (a.length !== b.length) return 0
  for (let i = 0; i < a.length; i++) if (!within(t, a[i]!, b[i]!)) return i
  return -1
}
