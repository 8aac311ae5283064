/**
 * Scale functions and unit conversions of DDSP (`ddsp/core.py`): logistic and
 * softplus nonlinearities, the `exp_sigmoid` used for every amplitude-like
 * network output, MIDI ↔ Hz and decibel ↔ amplitude. All keep their input's rate.
 *
 * @example
 * import { expSigmoid, midiToHz } from 'ddsp-ts/dsp'
 * const amps = expSigmoid(input('raw', [1, 250, 60], 'control'))   // (1e-7, 2]
 * const f0 = midiToHz(input('pitch', [1, 250, 1], 'control'))      // Hz
 * // expSigmoid(0) = 2·0.5^ln10 + 1e-7 ≈ 0.4054
 */
import * as B from '../core/build.js'
import { composite } from '../core/composite.js'
import type { Node } from '../core/node.js'
import { withRate, type Rate, type Signal } from '../core/signal.js'

/** Lifts a node function to a rate-preserving signal function. */
const keepRate =
  (f: (x: Node) => Node) =>
  <R extends Rate>(x: Signal<R>): Signal<R> =>
    withRate(f(x.node), x.rate)
const k = B.scalar
const sig = (x: Node): Node => B.mul(B.add(B.tanh(B.mul(x, k(0.5))), k(1)), k(0.5))
const splus = (x: Node): Node => B.add(B.maximum(x, k(0)), B.log(B.add(B.exp(B.neg(B.abs(x))), k(1))))

/**
 * Logistic sigmoid σ(x) = 1/(1 + e^−x), computed as ½(1 + tanh(x/2)) (no overflow for any x).
 * @param x any signal (unitless)
 * @example sigmoid(x) // (0, 1)
 */
export const sigmoid = keepRate(sig)

/**
 * Softplus ln(1 + eˣ), computed as max(x, 0) + ln(1 + e^−|x|) (stable for large |x|).
 * @param x any signal (unitless)
 * @example softplus(x) // > 0
 */
export const softplus = keepRate(splus)

/**
 * DDSP's `exp_sigmoid`: maxValue · σ(x)^ln(exponent) + threshold, evaluated as
 * maxValue · exp(−ln(exponent) · softplus(−x)) + threshold (since ln σ(x) = −softplus(−x)),
 * so it neither underflows to NaN gradients nor overflows.
 * Ref: Engel et al., "DDSP", ICLR 2020, §B.5; magenta/ddsp `core.exp_sigmoid`.
 * @param x raw network output (unitless)  @param exponent 10  @param maxValue 2  @param threshold 1e-7
 * @example expSigmoid(x) // expSigmoid(0) ≈ 0.4053992
 */
export const expSigmoid = <R extends Rate>(x: Signal<R>, exponent = 10, maxValue = 2, threshold = 1e-7): Signal<R> =>
  composite(
    'dsp.expSigmoid',
    keepRate((n) => B.add(B.mul(B.exp(B.mul(splus(B.neg(n)), k(-Math.log(exponent)))), k(maxValue)), k(threshold))),
    { attrs: { exponent, maxValue, threshold } },
  )(x) as Signal<R>

/**
 * MIDI note to frequency: f = 440 · 2^((m − 69)/12) Hz.
 * @param x MIDI note number (fractional allowed)
 * @example midiToHz(x) // midiToHz(69) = 440 Hz
 */
export const midiToHz = keepRate((m) => B.mul(B.exp(B.mul(B.sub(m, k(69)), k(Math.LN2 / 12))), k(440)))

/**
 * Frequency to MIDI note: m = 69 + 12·log₂(f/440); f ≤ 0 gives 0 (DDSP `hz_to_midi`).
 * @param x frequency in Hz
 * @example hzToMidi(f0) // hzToMidi(440) = 69
 */
export const hzToMidi = keepRate((f) => {
  const m = B.add(B.mul(B.log(B.mul(B.maximum(f, k(1e-5)), k(1 / 440))), k(12 / Math.LN2)), k(69))
  return B.select(B.less(f, k(1e-30)), k(0), m)
})

/**
 * Decibels to linear amplitude: a = 10^(dB/20).
 * @param x level in dB
 * @example dbToAmplitude(x) // dbToAmplitude(−6) ≈ 0.501
 */
export const dbToAmplitude = keepRate((db) => B.exp(B.mul(db, k(Math.LN10 / 20))))

/**
 * Power to decibels with a floor on a graph node (for composite bodies), DDSP `power_to_db`:
 * L = max(10·log₁₀(max(p, 10^(−range/10))) − refDb, −range). The inner clamp keeps log finite on silence.
 * Ref: magenta/ddsp `spectral_ops.power_to_db`.
 * @param p power node (linear, ≥ 0)  @param refDb reference level (dB)  @param rangeDb floor below 0 dB (> 0)
 * @example powerToDbNode(meanPower, 0, 80) // −80 … dB
 */
export const powerToDbNode = (p: Node, refDb: number, rangeDb: number): Node => {
  const db = B.mul(B.log(B.maximum(p, k(10 ** (-rangeDb / 10)))), k(10 / Math.LN10))
  return B.maximum(B.sub(db, k(refDb)), k(-rangeDb))
}

/**
 * Linear amplitude to decibels with a floor, as DDSP `amplitude_to_db`: `powerToDbNode` of a²,
 * L = max(10·log₁₀(max(a², 10^(−range/10))) − refDb, −range).
 * @param amplitude linear amplitude (sign ignored)  @param rangeDb floor below 0 dB (80)  @param refDb reference level (0)
 * @example amplitudeToDb(x) // amplitudeToDb(1) = 0, amplitudeToDb(0) = −80
 */
export const amplitudeToDb = <R extends Rate>(amplitude: Signal<R>, rangeDb = 80, refDb = 0): Signal<R> =>
  keepRate((a) => powerToDbNode(B.mul(a, a), refDb, rangeDb))(amplitude)
