/**
 * VJP rules of the real FFT pair. The transposes are each other up to the
 * Hermitian weights: rfftᵀ(G) = irfft(G·n/w), irfftᵀ(g) = rfft(g)·w/n.
 *
 * @example
 * import { spectralVjps } from './spectral.vjp.js'
 * spectralVjps.irfft.linearIn // [[0]]
 */
import * as B from '../build.js'
import type { Node } from '../node.js'
import type { VjpRulesOf, VjpSpec } from '../primitive.js'
import { binsOf } from '../shape.js'
import type { SpectralOp } from './spectral.js'

/** Hermitian weights wₖ as a `[bins, 1]` constant: 1 at DC and Nyquist, 2 elsewhere. */
const hermitianWeights = (n: number, scale: (w: number) => number): Node => {
  const bins = binsOf(n)
  const w = Array.from({ length: bins }, (_, k) => (k === 0 || (n % 2 === 0 && k === bins - 1) ? 1 : 2))
  return B.constant(w.map(scale), [bins, 1])
}

const rfft: VjpSpec<'rfft'> = {
  vjp: (ct, { attrs: { n } }) => [B.irfft(B.mul(ct, hermitianWeights(n, (w) => n / w)), n)],
  linearIn: [[0]],
}

const irfft: VjpSpec<'irfft'> = {
  vjp: (ct, { attrs: { n } }) => [B.mul(B.rfft(ct, n), hermitianWeights(n, (w) => w / n))],
  linearIn: [[0]],
}

/** VJP rules of the spectral group. @example spectralVjps.rfft.vjp */
export const spectralVjps: VjpRulesOf<SpectralOp> = { rfft, irfft }
