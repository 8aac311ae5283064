/**
 * Cumulative sum and the real FFT pair. Complex values are a trailing axis of
 * 2 (re, im), because tfjs-wasm has no complex dtype.
 *
 * rfft: `X[k] = Σₜ x[t]·e^{−2πikt/n}` for k = 0…⌊n/2⌋ (last axis of length n).
 * irfft: `x[t] = (1/n)·Σₖ wₖ·(Re Xₖ cos θ − Im Xₖ sin θ)`, θ = 2πkt/n, with
 * wₖ = 1 at DC and (n even) Nyquist, 2 elsewhere: NumPy's irfft, which ignores
 * the imaginary parts of DC and Nyquist. The transposes are each other up to
 * the Hermitian weights: rfftᵀ(G) = irfft(G·n/w), irfftᵀ(g) = rfft(g)·w/n.
 * cumsumᵀ is the cumsum in the other direction (JAX).
 *
 * @example
 * import * as B from '../build.js'
 * const x = B.input('x', [2, 16])
 * B.irfft(B.rfft(x, 16), 16) // x again
 */
import * as E from 'fp-ts/lib/Either.js'
import * as B from '../build.js'
import type { Node } from '../node.js'
import type { PrimitiveSpec } from '../primitive.js'
import { binsOf, showShape } from '../shape.js'
import { checkAxes, sameAsInput } from './rules.js'

export const cumsum: PrimitiveSpec<'cumsum'> = {
  arity: 1,
  type: (ins, a) => E.flatMap(checkAxes([a.axis], ins[0]!.shape.length, 'axis'), () => sameAsInput(ins)),
  vjp: (ct, { attrs }) => [B.cumsum(ct, attrs.axis, !attrs.reverse, attrs.exclusive)],
  linearIn: [[0]],
}

/** Hermitian weights wₖ as a `[bins, 1]` constant: 1 at DC and Nyquist, 2 elsewhere. */
const hermitianWeights = (n: number, scale: (w: number) => number): Node => {
  const bins = binsOf(n)
  const w = Array.from({ length: bins }, (_, k) => (k === 0 || (n % 2 === 0 && k === bins - 1) ? 1 : 2))
  return B.constant(w.map(scale), [bins, 1])
}

const validN = (n: number) => Number.isInteger(n) && n >= 1

export const rfft: PrimitiveSpec<'rfft'> = {
  arity: 1,
  type: ([x], { n }) => {
    const s = x!.shape
    if (!validN(n)) return E.left(`fft length must be a positive integer, got ${n}`)
    if (s.length < 1 || s.at(-1) !== n) return E.left(`rfft(n=${n}) needs a last axis of ${n}, got ${showShape(s)}`)
    return E.right({ shape: [...s.slice(0, -1), binsOf(n), 2] })
  },
  vjp: (ct, { attrs: { n } }) => [B.irfft(B.mul(ct, hermitianWeights(n, (w) => n / w)), n)],
  linearIn: [[0]],
}

export const irfft: PrimitiveSpec<'irfft'> = {
  arity: 1,
  type: ([x], { n }) => {
    const s = x!.shape
    if (!validN(n)) return E.left(`fft length must be a positive integer, got ${n}`)
    if (s.length < 2 || s.at(-1) !== 2 || s.at(-2) !== binsOf(n))
      return E.left(`irfft(n=${n}) needs shape [..., ${binsOf(n)}, 2], got ${showShape(s)}`)
    return E.right({ shape: [...s.slice(0, -2), n] })
  },
  vjp: (ct, { attrs: { n } }) => [B.mul(B.rfft(ct, n), hermitianWeights(n, (w) => w / n))],
  linearIn: [[0]],
}
