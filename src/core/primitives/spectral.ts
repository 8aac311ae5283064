/**
 * Type rules of the real FFT pair. Complex values are a trailing axis of 2
 * (re, im), because tfjs-wasm has no complex dtype. VJP rules in
 * `spectral.vjp.ts`.
 *
 * rfft: `X[k] = Σₜ x[t]·e^{−2πikt/n}` for k = 0…⌊n/2⌋ (last axis of length n).
 * irfft: `x[t] = (1/n)·Σₖ wₖ·(Re Xₖ cos θ − Im Xₖ sin θ)`, θ = 2πkt/n, with
 * wₖ = 1 at DC and (n even) Nyquist, 2 elsewhere: NumPy's irfft, which ignores
 * the imaginary parts of DC and Nyquist.
 *
 * @example
 * import * as B from '../build.js'
 * const x = B.input('x', [2, 16])
 * B.irfft(B.rfft(x, 16), 16) // x again
 */
import * as E from 'fp-ts/lib/Either.js'
import type { TypeRule, TypeRulesOf } from '../type-rule.js'
import { binsOf, showShape } from '../shape.js'

/** The spectral group. */
export type SpectralOp = 'rfft' | 'irfft'

const validN = (n: number) => Number.isInteger(n) && n >= 1

const rfft: TypeRule<'rfft'> = {
  arity: 1,
  type: ([x], { n }) => {
    const s = x!.shape
    if (!validN(n)) return E.left(`fft length must be a positive integer, got ${n}`)
    if (s.length < 1 || s.at(-1) !== n) return E.left(`rfft(n=${n}) needs a last axis of ${n}, got ${showShape(s)}`)
    return E.right({ shape: [...s.slice(0, -1), binsOf(n), 2] })
  },
}

const irfft: TypeRule<'irfft'> = {
  arity: 1,
  type: ([x], { n }) => {
    const s = x!.shape
    if (!validN(n)) return E.left(`fft length must be a positive integer, got ${n}`)
    if (s.length < 2 || s.at(-1) !== 2 || s.at(-2) !== binsOf(n))
      return E.left(`irfft(n=${n}) needs shape [..., ${binsOf(n)}, 2], got ${showShape(s)}`)
    return E.right({ shape: [...s.slice(0, -2), n] })
  },
}

/** Type rules of the spectral group. @example spectralTypes.rfft.arity // 1 */
export const spectralTypes: TypeRulesOf<SpectralOp> = { rfft, irfft }
