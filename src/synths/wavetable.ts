/**
 * Wavetable lookup with linear interpolation, ddsp's `linear_lookup`
 * semantics in O(T) instead of its dense O(T·N):
 *   the table of N points is closed by appending its first sample (points at
 *   0, 1/N, …, 1); for phase φ (cycles, wrapped to [0, 1)), p = φ·N, i = ⌊p⌋,
 *   y = (1 − (p − i))·table[i] + (p − i)·table[i + 1]
 * which equals Σᵢ relu(1 − |φ − i/N|·N)·table[i], ddsp's dense form.
 * Differentiable in the table (gradients scatter back) and in the phase.
 * Tables may be static per batch item `[B, N]` or time-varying `[B, T, N]`.
 *
 * @example
 * const sineTable = constant(Array.from({ length: 2048 }, (_, i) => Math.sin((2 * Math.PI * i) / 2048)), [1, 2048])
 * const y = wavetableLookup(sineTable, phaseInCycles)
 */
import { add, floor, mul, sub } from '../core/math.js'
import { withRate, type Rate, type Signal } from '../core/signal.js'
import { concat, gather, reshape, slice } from '../core/tensor.js'
import { phase } from '../dsp/phase.js'
import type { UpsampleMethod } from '../host/upsample.js'
import { upsample } from '../dsp/resample.js'

/**
 * Reads `table` at `phase`.
 * @param table `[B, N]` (static) or `[B, T, N]` (one table per sample)
 * @param phase cycles, audio `[B, T]` (any real value; wrapped)
 * @returns audio `[B, T]`
 * @example wavetableLookup(param('table', [1, 512]), phase)
 */
export const wavetableLookup = (table: Signal<Rate>, phase: Signal<'audio'>): Signal<'audio'> => {
  const ts = table.shape ?? [1, 1]
  const N = ts[ts.length - 1]!
  const axis = ts.length - 1
  const closed = concat([table, slice(table, ts.map(() => 0), [...ts.slice(0, -1), 1])], axis) // [..., N + 1]
  const wrapped = sub(phase, floor(phase))
  const p = mul(wrapped, N)
  const i0 = floor(p)
  const frac = sub(p, i0)
  const at = (i: Signal<'audio'>) => withRate(gather(closed, i, axis, axis).node, 'audio')
  return add(mul(sub(1, frac), at(i0)), mul(frac, at(add(i0, 1))))
}

/** Options of the wavetable synth. */
export interface WavetableOptions {
  readonly samples: number
  readonly sampleRate: number
  /** Amplitude upsampling (default 'window', as ddsp). */
  readonly ampResample?: UpsampleMethod
}

/**
 * The ddsp wavetable synthesizer (`core.wavetable_synthesis`): amplitudes
 * upsampled with windows, f0 linearly, tables (if per frame) linearly; phase
 * = exclusive cumsum of f/sr (so it starts at 0), wrapped; audio = lookup·amp.
 * @param amplitudes control `[B, F, 1]`  @param f0 Hz, control `[B, F, 1]`
 * @param tables static `[B, N]` (learnable) or control `[B, F, N]` (time-varying)
 * @returns audio `[B, samples]`
 * @example wavetableSynth(amp, f0, param('table', [1, 2048]), { samples: 64000, sampleRate: 16000 })
 */
export const wavetableSynth = (
  amplitudes: Signal<'control'>,
  f0: Signal<'control'>,
  tables: Signal<'static'> | Signal<'control'>,
  o: WavetableOptions,
): Signal<'audio'> => {
  const [B] = f0.shape ?? [1]
  const amp = reshape(upsample(amplitudes, o.samples, o.ampResample ?? 'window'), [B!, o.samples])
  const f = reshape(upsample(f0, o.samples, 'linear'), [B!, o.samples])
  // exclusive phase (φ[0] = 0) from the accurate, wrapped inclusive phase: Σ_{τ<t} f/sr = Σ_{τ≤t} f/sr − f[t]/sr
  const cycles = sub(mul(phase(f, o.sampleRate), 1 / (2 * Math.PI)), mul(f, 1 / o.sampleRate))
  const table = tables.rate === 'control' ? upsample(tables as Signal<'control'>, o.samples, 'linear') : tables
  return mul(wavetableLookup(table, cycles), amp)
}
