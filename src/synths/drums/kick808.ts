/**
 * An 808-style kick in timbreremap's architecture: a sine with an
 * exponential pitch envelope (f·(1 + mod·env)), an exp-decay amplitude
 * envelope, a short noise click, a tanh drive and an output gain.
 *   y = 10^(o/20)·tanh(10^(t/20)·(sin·e_amp + 10^(c/20)·noise·e_click))
 * 8 parameters in [0, 1] (`kick808Params`).
 *
 * @example
 * const y = kick808(constant(kick808Preset(44100), [1, 8]), 44100, 44100)
 */
import { add, mul, tanh } from '../../core/math.js'
import { noise, type Signal } from '../../core/signal.js'
import { broadcastTo } from '../../core/tensor.js'
import { column, dbGain, DECAY_MS, expDecayEnvelope, fromUnit, pitchedSine, toUnit, type Range } from './modules.js'

/** The 8 parameters and their physical ranges. */
export const kick808Params: ReadonlyArray<readonly [string, Range]> = [
  ['osc.freq', { min: 30, max: 200 }],
  ['osc.mod', { min: 0, max: 8 }],
  ['freq_env.decay', DECAY_MS],
  ['amp_env.decay', DECAY_MS],
  ['click.gain', { min: -60, max: 6 }],
  ['click_env.decay', DECAY_MS],
  ['tanh.in_gain', { min: -24, max: 24 }],
  ['out.gain', { min: -60, max: 6 }],
]

/** A deep 808 kick: 50 Hz falling from 175 Hz, 600 ms decay, a faint click. */
export const kick808Preset = (): number[] =>
  [50, 2.5, 45, 600, -26, 12, 3, -3].map((v, i) => toUnit(v, kick808Params[i]![1]))

/**
 * Renders the kick. @param params static `[B, 8]` in [0, 1]
 * @example kick808(param('kick', [1, 8]), 22050, 44100)
 */
export const kick808 = (params: Signal<'static'>, n: number, sampleRate: number, seed = 36): Signal<'audio'> => {
  const p = (i: number) => fromUnit(column(params, i), kick808Params[i]![1])
  const unit = (i: number) => column(params, i)
  const body = mul(pitchedSine(p(0), expDecayEnvelope(unit(2), n, sampleRate), p(1), sampleRate), expDecayEnvelope(unit(3), n, sampleRate))
  const click = mul(mul(broadcastTo(noise(seed, [1, n]), [params.shape?.[0] ?? 1, n]), expDecayEnvelope(unit(5), n, sampleRate)), dbGain(p(4)))
  return mul(dbGain(p(7)), tanh(mul(dbGain(p(6)), add(body, click))))
}
