/**
 * A synth composed only from primitives, as the README composes them: a
 * 2-operator FM voice (modulator ratio 2, index 3) under a closed-form ADSR,
 * through a resonant two-pole low-pass written as a 2-state `recurrence`:
 *   φₘ[t] = 2π/sr·Σ_{τ≤t} 2f,  φ_c[t] = 2π/sr·Σ_{τ≤t} f,  x = env·sin(φ_c + I·sin φₘ)
 *   [y[t], y[t−1]] = A·[y[t−1], y[t−2]] + [g·x[t], 0],  A = [[2r·cos θ, −r²], [1, 0]]
 * (pole radius r, angle θ = 2π·fc/sr; g = 1 − 2r·cos θ + r² for unit DC gain).
 * The property suites stream it and the real-time benchmark times it.
 *
 * @example
 * const y = fmVoice(48000, 48000) // audio [1, 48000]
 */
import { add, mul, sin } from '../src/core/math.js'
import { constant, type Signal } from '../src/core/signal.js'
import { broadcastTo, concat, cumsum, recurrence, reshape, slice } from '../src/core/tensor.js'
import { adsr } from '../src/synths/adsr.js'
import { sampleCounts } from '../src/synths/time.js'

/**
 * The FM voice: n samples at sr, carrier f Hz (default 220), filter at fc Hz (default 1500) with pole radius 0.97.
 * @example fmVoice(400, 16000)
 */
export const fmVoice = (n: number, sr: number, f = 220, fc = 1500): Signal<'audio'> => {
  const zero = mul(0, sampleCounts(n)) // [1, n] zeros, a time source the stream folds over blocks
  const carrier = mul((2 * Math.PI * f) / sr, cumsum(add(zero, 1), 1))
  const modulator = mul(2, carrier)
  const env = adsr({ attack: 0.005, decay: 0.08, sustain: 0.5, release: 0.1, onset: 0, offset: (0.7 * n) / sr }, n, sr)
  const x = mul(env, sin(add(carrier, mul(3, sin(modulator)))))
  const [r, th] = [0.97, (2 * Math.PI * fc) / sr]
  const g = 1 - 2 * r * Math.cos(th) + r * r
  const a = broadcastTo(constant([2 * r * Math.cos(th), -r * r, 1, 0], [1, 1, 2, 2]), [1, n, 2, 2])
  const drive = concat([reshape(mul(g, x), [1, n, 1]), reshape(zero, [1, n, 1])], 2)
  const y = recurrence(a, drive, constant([0, 0], [1, 2]))
  return reshape(slice(y, [0, 0, 0], [1, n, 1]), [1, n])
}
