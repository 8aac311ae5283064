/**
 * The 808's metallic voices: banks of band-limited square oscillators through
 * a resonant band-pass, with exp-decay envelopes.
 * - hat: the six 808 "metal" frequencies 205.3, 304.4, 369.6, 522.7, 540 and
 *   800 Hz, summed, band-passed at `tone`, high-passed at 6 kHz; closed and open
 *   differ by their decay (`hat808Presets`).
 * - cowbell: squares at 540 and 800 Hz (times a pitch ratio), band-passed,
 *   with a 15 ms transient over a longer decay.
 * 4 parameters each, in [0, 1].
 *
 * @example
 * const y = hat808(constant(hat808Presets.closed(), [1, 4]), 22050, 44100)
 */
import { add, mul } from '../../core/math.js'
import { constant, type Operand, type Signal } from '../../core/signal.js'
import { broadcastTo } from '../../core/tensor.js'
import { svf } from '../../dsp/filters.js'
import { bandlimited } from '../bandlimited.js'
import { sampleCounts } from '../time.js'
import { column, dbGain, DECAY_MS, delayedDecay, fromUnit, toUnit, type Range } from './modules.js'

/** The 808's metal oscillator frequencies, Hz. */
export const METAL_HZ = [205.3, 304.4, 369.6, 522.7, 540, 800] as const

/** A sum of band-limited squares at `freqs` (Hz, numbers or static `[B, 1]`), each 1/len loud. */
const squareBank = (freqs: readonly Operand[], lowest: number, n: number, sr: number): Signal<'audio'> => {
  const t = mul(1 / sr, add(sampleCounts(n), -1)) // sample start times, s
  const harmonics = Math.max(1, Math.floor(sr / 2 / lowest))
  return freqs
    .map((f) => mul(1 / freqs.length, bandlimited('square', mul(t, f) as Signal<'audio'>, f, sr, harmonics)))
    .reduce((a, b) => add(a, b))
}

/** Hat parameters. */
export const hat808Params: ReadonlyArray<readonly [string, Range]> = [
  ['tone.freq', { min: 3000, max: 12000 }],
  ['tone.q', { min: 0.5, max: 10 }],
  ['amp_env.decay', DECAY_MS],
  ['gain', { min: -60, max: 6 }],
]

/** Closed (40 ms) and open (450 ms) hats. */
export const hat808Presets = {
  closed: () => [8000, 1.5, 40, -6].map((v, i) => toUnit(v, hat808Params[i]![1])),
  open: () => [8000, 1.5, 450, -8].map((v, i) => toUnit(v, hat808Params[i]![1])),
}

/** Renders a hat. @param params static `[B, 4]` in [0, 1] @example hat808(param('hat', [1, 4]), n, 44100) */
export const hat808 = (params: Signal<'static'>, n: number, sampleRate: number): Signal<'audio'> => {
  const p = (i: number) => fromUnit(column(params, i), hat808Params[i]![1])
  // the oscillators are fixed, so the bank has batch 1: give it the parameters' batch
  const metal = broadcastTo(squareBank(METAL_HZ, METAL_HZ[0], n, sampleRate), [params.shape?.[0] ?? 1, n])
  const toned = svf(svf(metal, p(0), p(1), sampleRate, 'band'), 6000, 0.7071, sampleRate, 'high')
  return mul(mul(toned, delayedDecay(sampleCounts(n), 0, p(2), sampleRate)), dbGain(p(3)))
}

/** Cowbell parameters. */
export const cowbell808Params: ReadonlyArray<readonly [string, Range]> = [
  ['pitch.ratio', { min: 0.5, max: 2 }],
  ['tone.freq', { min: 1000, max: 5000 }],
  ['amp_env.decay', DECAY_MS],
  ['gain', { min: -60, max: 6 }],
]

/** The classic 808 cowbell. */
export const cowbell808Preset = (): number[] => [1, 2640, 300, -6].map((v, i) => toUnit(v, cowbell808Params[i]![1]))

/** Renders the cowbell. @param params static `[B, 4]` in [0, 1] @example cowbell808(param('cb', [1, 4]), n, 44100) */
export const cowbell808 = (params: Signal<'static'>, n: number, sampleRate: number): Signal<'audio'> => {
  const p = (i: number) => fromUnit(column(params, i), cowbell808Params[i]![1])
  const bank = squareBank([mul(540, p(0)), mul(800, p(0))], 540 * 0.5, n, sampleRate)
  const toned = svf(bank, p(1), 2, sampleRate, 'band')
  const c = sampleCounts(n)
  const env = add(mul(0.6, delayedDecay(c, 0, constant(15), sampleRate)), mul(0.4, delayedDecay(c, 0, p(2), sampleRate)))
  return mul(mul(toned, env), dbGain(p(3)))
}
