/**
 * The page's bundled synths, built from the library at build time: the 808
 * kit at its presets, and a DDSP preset (no trained checkpoint needed) with a
 * sawtooth-like harmonic distribution cₖ ∝ 1/k, noise bands falling
 * 0.01·e^(−k/12), and the reverb `synths/reverb.expDecayIr` (0.6 s, rendered
 * with the float64 reference backend).
 *
 * @example
 * const ddsp = defaultDdsp(48000)    // DdspSpec, JSON-ready
 */
import * as E from 'fp-ts/lib/Either.js'
import { reference } from '../src/backends/reference/index.js'
import { evaluateSync } from '../src/core/interpret.js'
import { compile } from '../src/core/program-api.js'
import { constant } from '../src/core/signal.js'
import { expDecayIr } from '../src/synths/reverb.js'
import { inverseExpSigmoid } from './timbre.js'
import { SYNTH_FORMAT, type DdspSpec, type KitSpec } from './spec.js'

/**
 * The reverb IR `expDecayIr(gain, decay, L)` as numbers.
 * @param length taps  @param gain raw gain (exp-sigmoid)  @param decay rate 2 + e^decay per IR length
 * @example presetIr(24000, -2, 2).length // 24000
 */
export const presetIr = (length: number, gain: number, decay: number): number[] => {
  const r = E.flatMap((p: Parameters<ReturnType<typeof evaluateSync>>[0]) => evaluateSync(reference('float64'))(p, {}))(
    E.mapLeft((e) => e as never)(compile({ ir: expDecayIr(constant(gain, [1, 1]), constant(decay, [1, 1]), length) })),
  )
  if (E.isLeft(r)) throw new Error(`expDecayIr failed: ${JSON.stringify(r.left)}`)
  return Array.from(r.right['ir']!.data)
}

/**
 * The DDSP preset.
 * @param sampleRate Hz  @param harmonics K (default 60)  @param reverbSeconds IR length (default 0.6 s; 0 = dry)
 * @example defaultDdsp(48000).hop // 192
 */
export const defaultDdsp = (sampleRate: number, harmonics = 60, reverbSeconds = 0.6): DdspSpec => ({
  format: SYNTH_FORMAT,
  kind: 'ddsp',
  name: 'DDSP preset (saw-like, breathy, room)',
  sampleRate,
  hop: Math.round(sampleRate / 250),
  distribution: Array.from({ length: harmonics }, (_, k) => inverseExpSigmoid(1 / (k + 1))),
  noise: Array.from({ length: 65 }, (_, k) => inverseExpSigmoid(0.01 * Math.exp(-k / 12)) + 5),
  // 6 significant digits keep the bundled JSON small (the voice holds the IR in float32 anyway)
  ir: reverbSeconds > 0 ? presetIr(Math.round(reverbSeconds * sampleRate), -2, 2).map((x) => Number(x.toPrecision(6))) : [],
  seed: 0,
})

/**
 * The 808 kit at its presets.
 * @param sampleRate Hz
 * @example defaultKit(48000).voices // {}
 */
export const defaultKit = (sampleRate: number): KitSpec => ({ format: SYNTH_FORMAT, kind: 'kit808', name: '808 kit (presets)', sampleRate, voices: {} })
