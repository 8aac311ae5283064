/**
 * The synths `ddsp match` can fit: every 808 voice of the kit (σ-mapped
 * [0, 1] params, `train/drum-match.ts`) and the modal drum
 * (`train/modal-match.ts`), each as a `matchSound` setup plus a way to name
 * the fitted values for `params.json`.
 *
 * @example
 * const s = matchSetup('snare808', 11025, 22050) // Either<CliError, MatchSetup>
 * if (E.isRight(s)) s.right.describe(result.params) // { 'osc1.freq': { unit: 0.09, value: 183.2 }, … }
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Signal } from '../core/signal.js'
import { isVoice808, kit808, type Voice808 } from '../synths/drums/kit808.js'
import { drumMatch, PITCH_PARAM, PITCH_SCALE } from '../train/drum-match.js'
import type { MatchParam } from '../train/match.js'
import type { HitAnalysis } from '../features/analysis/analyze.js'
import { drumStarts, shiftGain } from '../train/drum-init.js'
import { modalMatch, modalPoint } from '../train/modal-match.js'
import { modalShift, modalValues } from '../train/modal-init.js'
import type { NamedParams } from '../train/params.js'
import { usage, type CliError } from './errors.js'

/** A fitted value: the optimizer's [0, 1] coordinate (808 voices) and the synth's physical value. @example const v: NamedValue = { unit: 0.5, value: 440 } */
export interface NamedValue {
  readonly unit?: number
  readonly value: number
}

/** What `ddsp match` needs for one synth. @example const s: MatchSetup = E.getOrElseW(() => undefined)(matchSetup('kick808', 8192, 16000))! */
export interface MatchSetup {
  readonly synth: (p: Readonly<Record<string, Signal<'static'>>>) => Signal<'audio'>
  readonly params: Readonly<Record<string, MatchParam>>
  readonly presets: readonly NamedParams[]
  /** named fitted values */
  readonly describe: (p: NamedParams) => Record<string, NamedValue>
  /** starting points read from the target's analysis, with the overall level moved by `levelDb` (the caller calibrates it by rendering; the first is the one jittered), each with what it is */
  readonly fromAnalysis: (a: HitAnalysis, levelDb: number) => Array<{ readonly kind: 'analysis' | 'preset'; readonly params: NamedParams }>
  /** how far (raw units, ±) jittered starts stray from the analysis point, per param element */
  readonly spread: Readonly<Record<string, Float64Array>>
}

/** The modal drum's frequency scale from analysed modes (`modalMatch`'s freqScale): steps of at most ~0.3 % of a mode's frequency at lr 0.02. @example MODAL_FREQ_SCALE // 0.1 */
export const MODAL_FREQ_SCALE = 0.1

/** Names `ddsp match --synth` accepts. @example matchSynthNames.includes('modal-drum') // true */
export const matchSynthNames: readonly string[] = [...Object.keys(kit808), 'modal-drum']

/** An 808 voice: unit values through σ, physical values through each param's range. */
const drumSetup = (voice: Voice808, samples: number, sampleRate: number, pitchScale: number): MatchSetup => {
  const d = drumMatch(voice, samples, sampleRate, pitchScale)
  const ranges = kit808[voice].params(sampleRate)
  const names = d.names
  return {
    ...d,
    // the last of drumStarts is the preset at the measured pitch
    fromAnalysis: (a, levelDb) => drumStarts(voice, a, sampleRate).map((u, i, all) => ({ kind: i === all.length - 1 ? 'preset' : 'analysis', params: d.fromUnit(shiftGain(voice, u, levelDb, sampleRate)) })),
    // the pitch track stays put (±0.05 raw is ±0.01 in logit units: about ±0.3 % of a range); the rest strays ±0.5
    spread: { params: Float64Array.from(names, (n) => (PITCH_PARAM.test(n) ? 0.05 : 0.5)) },
    describe: (p) => {
      const u = d.toUnit(p)
      return Object.fromEntries(d.names.map((n, i) => {
        const r = ranges[i]![1]
        return [n, { unit: u[i]!, value: r.min + (r.max - r.min) * u[i]! }]
      }))
    },
  }
}

/**
 * The matching setup of a synth by CLI name.
 * @param name an 808 voice (snare808, kick808, tom808, hat808-closed, …) or 'modal-drum'
 * @param samples render length  @param sampleRate Hz
 * @param init 'analysis' (default: the 808 pitches move `PITCH_SCALE` as fast) or 'preset' (the former plain σ(raw))
 * @returns the setup, or a usage error listing the names
 * @example matchSetup('modal-drum', 8000, 16000)
 */
export const matchSetup = (name: string, samples: number, sampleRate: number, init = 'analysis'): E.Either<CliError, MatchSetup> => {
  if (isVoice808(name)) return E.right(drumSetup(name, samples, sampleRate, init === 'analysis' ? PITCH_SCALE : 1))
  if (name === 'modal-drum') {
    const freqScale = init === 'analysis' ? MODAL_FREQ_SCALE : 1
    const m = modalMatch(samples, sampleRate, freqScale)
    const full = (k: string) => Float64Array.from({ length: m.params[k]!.shape[1] ?? 1 }, () => (k === 'freq' ? 0.05 : 0.4))
    return E.right({
      ...m,
      describe: (p) => Object.fromEntries(Object.entries(m.values(p)).map(([k, value]) => [k, { value }])),
      fromAnalysis: (a, levelDb) => {
        const v = modalShift(modalValues(a, sampleRate), levelDb)
        return [{ kind: 'analysis', params: modalPoint(v, freqScale) }, { kind: 'analysis', params: modalPoint({ ...v, glide: 0.001 }, freqScale) }, { kind: 'preset', params: m.presets[0]! }]
      },
      spread: Object.fromEntries(Object.keys(m.params).map((k) => [k, full(k)])),
    })
  }
  return E.left(usage(`ddsp match cannot fit synth '${name}'; choose one of ${matchSynthNames.join(', ')}`))
}
