/**
 * An 808-style clap: band-passed noise under four quick bursts (the "hands")
 * spaced `spacing` apart, each decaying in 10 ms, followed by a reverberant
 * tail from the last burst:
 *   env(c) = Σ_{i<4} D₁₀(c − i·Δ) + ½·D_tail(c − 3Δ),  D_d a −60 dB-in-d decay from 0
 * 5 parameters in [0, 1]; differentiable in all (the burst onsets move
 * continuously with Δ, except at the onset samples themselves).
 *
 * @example
 * const y = clap808(constant(clap808Preset(), [1, 5]), 22050, 44100)
 */
import { add, mul } from '../../core/math.js'
import { constant, noise, type Signal } from '../../core/signal.js'
import { broadcastTo } from '../../core/tensor.js'
import { svf } from '../../dsp/filters.js'
import { sampleCounts } from '../time.js'
import { column, dbGain, DECAY_MS, delayedDecay, fromUnit, toUnit, type Range } from './modules.js'

/** Clap parameters. */
export const clap808Params: ReadonlyArray<readonly [string, Range]> = [
  ['tone.freq', { min: 500, max: 5000 }],
  ['tone.q', { min: 0.5, max: 10 }],
  ['burst.spacing_ms', { min: 2, max: 30 }],
  ['tail.decay', DECAY_MS],
  ['gain', { min: -60, max: 6 }],
]

/** A dry, bright clap. */
export const clap808Preset = (): number[] => [1200, 1.2, 11, 220, -3].map((v, i) => toUnit(v, clap808Params[i]![1]))

/** Renders the clap. @param params static `[B, 5]` in [0, 1] @example clap808(param('clap', [1, 5]), n, 44100) */
export const clap808 = (params: Signal<'static'>, n: number, sampleRate: number, seed = 39): Signal<'audio'> => {
  const p = (i: number) => fromUnit(column(params, i), clap808Params[i]![1])
  const c = sampleCounts(n)
  const spacing = mul(p(2), sampleRate / 1000) // samples
  const bursts = [0, 1, 2, 3].map((i) => delayedDecay(c, mul(i, spacing), constant(10), sampleRate)).reduce((a, b) => add(a, b))
  const env = add(bursts, mul(0.5, delayedDecay(c, mul(3, spacing), p(3), sampleRate)))
  const white = broadcastTo(noise(seed, [1, n]), [params.shape?.[0] ?? 1, n])
  return mul(mul(svf(white, p(0), p(1), sampleRate, 'band'), env), dbGain(p(4)))
}
