/**
 * Sound matching for the 808 kit (`synths/drums/kit808.ts`): a voice's [0, 1]
 * parameter vector is reparametrised as σ(s·raw) (so the optimizer moves freely
 * and the synth never leaves its range), its preset becomes a starting point
 * logit(preset)/s, and random starts draw raw values in [−3, 3]. The scale s
 * is 1 but for the pitch track (`PITCH_PARAM`: frequencies, glide depths and
 * glide decay; `PITCH_SCALE`): Adam moves every raw value by about lr per
 * step whatever its gradient, and a pitch has a basin only a few Hz wide on
 * a spectral loss, so its steps are made 5× smaller (it starts at the
 * analysed pitch and glide, `drum-init.ts`).
 *
 * @example
 * const d = drumMatch('kick808', 4096, 16000)
 * const r = await matchSound({ ...d, backend, target, loss, optimizer, seed: 1, steps: 200 })()
 * if (E.isRight(r)) d.toUnit(r.right.params) // the matched [0, 1] params
 */
import { mul } from '../core/math.js'
import { constant, type Signal } from '../core/signal.js'
import { sigmoid } from '../dsp/scale.js'
import { kit808, type Voice808 } from '../synths/drums/kit808.js'
import { logit, sigmoidHost } from '../host/sigmoid.js'
import type { MatchParam } from './match.js'
import type { NamedParams } from './params.js'

/** The raw param's name. @example DRUM_PARAM // 'params' */
export const DRUM_PARAM = 'params'

/** The raw scale of the pitch-track parameters (`PITCH_PARAM`). @example PITCH_SCALE // 0.2 */
export const PITCH_SCALE = 0.2

/** s per parameter name: `pitchScale` for oscillator pitches, else 1. */
const scaleOf = (pitchScale: number) => (name: string) => (PITCH_PARAM.test(name) ? pitchScale : 1)

/** The parameters that set an 808 voice's pitch track: oscillator frequencies, their pitch-envelope depths and decay, the cowbell's ratio. @example PITCH_PARAM.test('osc1.mod') // true */
export const PITCH_PARAM = /^osc\d?\.(freq|mod)$|^freq_env\.decay$|^pitch\.ratio$/

/** What `matchSound` needs from a drum voice, plus the map back to [0, 1]. @example const d: DrumMatch = drumMatch('kick808', 4096, 16000); d.toUnit(result.params) */
export interface DrumMatch {
  readonly synth: (p: Readonly<Record<string, Signal<'static'>>>) => Signal<'audio'>
  readonly params: Readonly<Record<string, MatchParam>>
  readonly presets: readonly NamedParams[]
  /** names of the voice's parameters, in order */
  readonly names: readonly string[]
  /** σ(s·raw): the voice's [0, 1] parameters */
  readonly toUnit: (p: NamedParams) => number[]
  /** the raw params of [0, 1] parameters (logit(u)/s; u kept inside (1e-4, 1 − 1e-4)) */
  readonly fromUnit: (u: readonly number[]) => NamedParams
}

/**
 * The matching setup of one 808 voice.
 * @param voice registry name, e.g. 'kick808'  @param samples render length  @param sampleRate Hz
 * @param pitchScale s of the oscillator pitches (default `PITCH_SCALE`; 1 for the plain σ(raw) of random and preset starts)
 * @example drumMatch('snare808', 8192, 16000)
 */
export const drumMatch = (voice: Voice808, samples: number, sampleRate: number, pitchScale = PITCH_SCALE): DrumMatch => {
  const v = kit808[voice]
  const names = v.params(sampleRate).map(([n]) => n)
  const P = names.length
  const scale = names.map(scaleOf(pitchScale))
  const fromUnit = (u: readonly number[]): NamedParams => ({ [DRUM_PARAM]: Float64Array.from(u, (x, i) => logit(Math.min(1 - 1e-4, Math.max(1e-4, x))) / scale[i]!) })
  return {
    synth: (p) => v.render(sigmoid(mul(p[DRUM_PARAM] ?? constant(0, [1, P]), constant(scale, [1, P]))), samples, sampleRate),
    params: { [DRUM_PARAM]: { shape: [1, P], lo: -3, hi: 3 } },
    presets: [fromUnit(v.defaults(sampleRate))],
    names,
    toUnit: (p) => Array.from(p[DRUM_PARAM] ?? [], (x, i) => sigmoidHost(scale[i]! * x)),
    fromUnit,
  }
}
