/**
 * Reverbs by convolution with an impulse response (ddsp `effects.Reverb`,
 * `ExpDecayReverb`, `FilteredNoiseReverb`):
 *   wet = causal linear convolution of audio with ir (ir[0] set to 0: no dry
 *   path inside the IR), cropped to the input length; out = wet + audio.
 * IRs: learnable (any signal), exponentially decaying noise
 *   ir(t) = expSigmoid(gain)·exp(−(2 + exp(decay))·t)·U(−1, 1),  t = linspace(0, 1, L)
 * or filtered noise shaped by time-varying band magnitudes.
 *
 * @example
 * const wet = reverb(dry, expDecayIr(param('gain', [1, 1]), param('decay', [1, 1]), 16000))
 */
import { add, exp, mul, neg } from '../core/math.js'
import { constant, noise, withRate, type Rate, type Signal } from '../core/signal.js'
import { concat, slice } from '../core/tensor.js'
import { fftConvolve } from '../dsp/convolve.js'
import { expSigmoid } from '../dsp/scale.js'
import { filteredNoise } from './filtered-noise.js'

/** The IR with its first tap zeroed (ddsp `_mask_dry_ir`). */
const maskDry = (ir: Signal<Rate>): Signal<Rate> => {
  const [B, L] = ir.shape ?? [1, 1]
  return concat([withRate(constant(0, [B!, 1]).node, ir.rate), slice(ir, [0, 1], [B!, L! - 1])], 1)
}

/**
 * Convolves audio `[B, N]` with an IR `[B or 1, L]` and adds the dry signal.
 * @param addDry add the input to the wet signal (default true)
 * @example reverb(x, param('ir', [1, 16000]))
 */
export const reverb = (audio: Signal<'audio'>, ir: Signal<Rate>, addDry = true): Signal<'audio'> => {
  const wet = fftConvolve(audio, maskDry(ir), { padding: 'same', delayCompensation: 0 })
  return addDry ? add(wet, audio) : wet
}

/**
 * An exponentially decaying noise IR `[B, L]`.
 * @param gain static `[B, 1]` (through exp-sigmoid)  @param decay static `[B, 1]`: rate 2 + e^decay per IR length
 * @example expDecayIr(constant(2, [1, 1]), constant(4, [1, 1]), 48000)
 */
export const expDecayIr = (gain: Signal<'static'>, decay: Signal<'static'>, length: number, seed = 1): Signal<'static'> => {
  const t = constant(Array.from({ length }, (_, i) => (length === 1 ? 0 : i / (length - 1))), [1, length])
  const envelope = exp(mul(neg(add(2, exp(decay))), t))
  return mul(mul(expSigmoid(gain), envelope), noise(seed, [1, length], 'static'))
}

/**
 * A filtered-noise IR `[B, L]` from band magnitudes over its length.
 * @param magnitudes control `[B, F, bands]` (F must divide L)
 * @example filteredNoiseIr(param('bands', [1, 100, 16], 'control'), 24000)
 */
export const filteredNoiseIr = (magnitudes: Signal<'control'>, length: number, seed = 2): Signal<'static'> =>
  withRate(filteredNoise(magnitudes, { samples: length, seed, initialBias: -3 }).node, 'static')
