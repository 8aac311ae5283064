/**
 * The TR-808-style snare of timbreremap (`Snare808`), exactly: two sines with
 * a shared pitch envelope, each with its own decay envelope and dB gain; white
 * noise with a decay envelope through a high-pass biquad, clipped to [−1, 1],
 * and a dB gain; the sum through a tanh waveshaper with an input gain in dB.
 *   y = tanh(10^(t/20)·(g1·sin₁·e1 + g2·sin₂·e2 + gn·clip(HPF(noise·en), −1, 1)))
 * The clip is timbreremap's too: its `Biquad` filters with
 * `torchaudio.functional.lfilter(x, a, b, batching=True)`, whose `clamp`
 * argument defaults to True (`torch.clamp(output, -1, 1)` after the
 * recursion), so the high-passed noise is clipped before its gain.
 * Its 14 parameters are in [0, 1], in timbreremap's order and ranges
 * (`snare808Params`); `snare808Presets` holds the five presets.
 *
 * @example
 * const y = snare808(constant(presetVector('808_snare_1', 44100), [1, 14]), 44100, 44100)
 */
import { add, clip, mul, tanh } from '../../core/math.js'
import { noise, type Signal } from '../../core/signal.js'
import { broadcastTo } from '../../core/tensor.js'
import { biquad, highpassCoefficients } from '../../dsp/biquad.js'
import { column, dbGain, DECAY_MS, expDecayEnvelope, fromUnit, pitchedSine, toUnit, type Range } from './modules.js'

/** The 14 parameters: name and physical range, in timbreremap's order. */
export const snare808Params = (sampleRate: number): ReadonlyArray<readonly [string, Range]> => [
  ['osc1.freq', { min: 20, max: 2000 }],
  ['osc1.mod', { min: -1, max: 2 }],
  ['osc2.freq', { min: 20, max: 2000 }],
  ['osc2.mod', { min: -1, max: 2 }],
  ['freq_env.decay', DECAY_MS],
  ['osc1_env.decay', DECAY_MS],
  ['osc2_env.decay', DECAY_MS],
  ['noise_env.decay', DECAY_MS],
  ['noise_filter.freq', { min: 20, max: Math.floor(sampleRate / 2) }],
  ['noise_filter.q', { min: 0.5, max: 10 }],
  ['osc1_gain.gain', { min: -60, max: 6 }],
  ['osc2_gain.gain', { min: -60, max: 6 }],
  ['noise_gain.gain', { min: -60, max: 6 }],
  ['tanh.in_gain', { min: -24, max: 24 }],
]

/** timbreremap's presets (`cfg/presets/*.json`), physical units, in parameter order. */
export const snare808Presets = {
  '808_snare_1': [180, 0.4, 240, 0.3, 50, 200, 150, 200, 2500, 2.0, -6, -12, -4, -12],
  '808_snare_2': [179, 0.1, 366, 0.34, 21.59, 133, 106.5, 108, 2295, 0.5, -18, -20, -10, 1],
  '808_snare_3': [173, 0.66, 351, 0.24, 33.19, 152.07, 91.15, 269, 1500, 1.0, -14, -13, -44, -3.5],
  '808_open_snare': [135, 0.43, 236, 0.53, 119, 558, 43, 100, 10000, 1.2, -10, -14, -53, -3],
  '808_noisy_snare': [500, 0.42, 700, 1.0, 787, 100, 200, 1949, 3915, 6.0, -50, -50, -25, 13],
} as const satisfies Record<string, readonly number[]>

/** A preset's [0, 1] parameter vector at a sample rate. @example presetVector('808_snare_2', 44100) */
export const presetVector = (name: keyof typeof snare808Presets, sampleRate: number): number[] =>
  snare808Presets[name].map((v, i) => toUnit(v, snare808Params(sampleRate)[i]![1]))

/**
 * Renders the snare.
 * @param params static `[B, 14]` in [0, 1]  @param n samples  @param sampleRate Hz
 * @param seed seed of the noise buffer (one buffer shared by the batch, as timbreremap's `buffer_noise`)
 * @returns audio `[B, n]`
 * @example snare808(param('snare', [1, 14]), 44100, 44100)
 */
export const snare808 = (params: Signal<'static'>, n: number, sampleRate: number, seed = 808): Signal<'audio'> => {
  const ranges = snare808Params(sampleRate)
  const p = (i: number) => fromUnit(column(params, i), ranges[i]![1])
  const unit = (i: number) => column(params, i)
  const batch = params.shape?.[0] ?? 1
  const fenv = expDecayEnvelope(unit(4), n, sampleRate)
  const y1 = mul(mul(pitchedSine(p(0), fenv, p(1), sampleRate), dbGain(p(10))), expDecayEnvelope(unit(5), n, sampleRate))
  const y2 = mul(mul(pitchedSine(p(2), fenv, p(3), sampleRate), dbGain(p(11))), expDecayEnvelope(unit(6), n, sampleRate))
  const white = broadcastTo(noise(seed, [1, n]), [batch, n])
  const filtered = biquad(mul(white, expDecayEnvelope(unit(7), n, sampleRate)), highpassCoefficients(p(8), p(9), sampleRate))
  const hissed = clip(filtered, -1, 1) // torchaudio lfilter's default clamp=True
  const mix = add(add(y1, y2), mul(hissed, dbGain(p(12))))
  return tanh(mul(dbGain(p(13)), mix))
}
