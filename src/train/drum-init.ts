/**
 * Where an 808 voice's match starts, read from the analysis of the target
 * (`features/analysis`) — timbreremap optimises from presets "in the right
 * region"; here the region is measured: each parameter is set in physical
 * units from what the recording shows, then mapped to [0, 1]:
 * - pitch: the oscillator frequency is the glide's end f∞ (or the settled
 *   pitch); osc.mod = m and freq_env.decay = d of the fitted glide
 *   f∞·(1 + m·e^{−6.91t/d}) when it fits (under 60 cents RMS, d ≤ 1 s), else the preset's;
 * - decays: the amplitude envelope's T60 (a decay of d ms is −60 dB at d);
 *   a snare/tom's two oscillators take the T60s of its two strongest modes
 *   under 2 kHz, its noise the T60 above 500 Hz;
 * - noise filter: the high-pass at the low edge of the noise band, the clap's
 *   and hats' band-pass at the noise peak with Q = peak/bandwidth;
 * - levels: the snare's oscillator gains follow the modes' amplitudes and its
 *   noise gain the share of energy above 500 Hz; the overall level is set
 *   afterwards by rendering (`shiftGain`).
 * Anything the analysis cannot see keeps the voice's preset value.
 * `drumStarts` gives the variants: with the measured glide, with the
 * preset's (a fast 808 pitch drop lasts a few periods, shorter than YIN
 * frames), and, last, the preset itself moved to the measured pitch (the
 * preset's timbre in the right register; the plain preset when no pitch is found).
 *
 * @example
 * const starts = drumStarts('kick808', analysis, 22050) // number[][] in [0, 1]
 */
import type { HitAnalysis } from '../features/analysis/analyze.js'
import type { Mode } from '../features/analysis/modes.js'
import { kit808, type Voice808 } from '../synths/drums/kit808.js'
import { toUnit, type Range } from '../synths/drums/modules.js'

/** A physical value as a unit coordinate, kept inside (0.001, 0.999) so its logit is finite. */
const unit = (v: number, r: Range) => Math.min(0.999, Math.max(0.001, toUnit(v, r)))

/** The voice's parameters by name: get the preset's physical value, set a physical value. */
const editor = (voice: Voice808, sampleRate: number, base: readonly number[]) => {
  const ranges = kit808[voice].params(sampleRate)
  const u = [...base]
  const at = (name: string) => ranges.findIndex(([n]) => n === name)
  return {
    has: (name: string) => at(name) >= 0,
    get: (name: string) => { const i = at(name); const r = ranges[i]![1]; return r.min + (r.max - r.min) * u[i]! },
    set: (name: string, v: number | undefined) => {
      const i = at(name)
      if (i >= 0 && v !== undefined && Number.isFinite(v)) u[i] = unit(v, ranges[i]![1])
    },
    values: () => u,
  }
}

const ms = (s: number) => (Number.isFinite(s) ? 1000 * s : 2000)
const db = (a: number) => 20 * Math.log10(Math.max(a, 1e-6))

/** The fitted glide if it is trustworthy. */
const goodGlide = (a: HitAnalysis) => {
  const g = a.pitch.glide
  return g !== undefined && g.rmsCents < 60 && g.ratio > 0.02 && g.ratio < 8 && g.decayMs <= 1000 ? g : undefined
}

/** The pitch the oscillator settles on: the glide's end, the settled YIN pitch, or the strongest mode. */
const basePitch = (a: HitAnalysis): number | undefined => goodGlide(a)?.endHz ?? a.pitch.pitchHz ?? a.modes[0]?.endHz

/** A snare/tom's two oscillators: the pitch, then the strongest mode under 2 kHz not within 6 % of it. */
const twoModes = (a: HitAnalysis): [number | undefined, Mode | undefined, Mode | undefined] => {
  const f1 = basePitch(a)
  const low = a.modes.filter((m) => m.freqHz < 2000)
  const near = (m: Mode, f: number) => Math.min(Math.abs(m.endHz / f - 1), Math.abs(m.freqHz / f - 1)) < 0.12
  const m1 = f1 === undefined ? low[0] : low.find((m) => near(m, f1))
  const m2 = low.find((m) => m !== m1 && (f1 === undefined || !near(m, f1)))
  return [f1 ?? m1?.endHz, m1, m2]
}

/**
 * The analysis-based starting points of an 808 voice (unit vectors): measured glide first, then the preset's glide, then the preset at the measured pitch.
 * @param voice kit name  @param a the target's analysis  @param sampleRate render rate, Hz
 * @example drumStarts('snare808', a, 22050).length // 2
 */
export const drumStarts = (voice: Voice808, a: HitAnalysis, sampleRate: number): number[][] => {
  const preset = kit808[voice].defaults(sampleRate)
  const build = (measuredGlide: boolean): number[] => {
    const e = editor(voice, sampleRate, preset)
    const g = measuredGlide ? goodGlide(a) : undefined
    const t60 = ms(a.envelope.t60S)
    if (voice === 'kick808') {
      e.set('osc.freq', basePitch(a))
      if (g !== undefined) { e.set('osc.mod', g.ratio); e.set('freq_env.decay', g.decayMs) }
      e.set('amp_env.decay', t60)
    } else if (voice === 'snare808' || voice === 'tom808') {
      const [f1, m1, m2] = twoModes(a)
      e.set('osc1.freq', f1)
      e.set('osc2.freq', m2?.endHz ?? (f1 === undefined ? undefined : 1.5 * f1))
      if (g !== undefined) {
        e.set('osc1.mod', g.ratio); e.set('osc2.mod', g.ratio); e.set('freq_env.decay', g.decayMs)
      }
      e.set('osc1_env.decay', m1 === undefined ? t60 : ms(m1.t60S))
      e.set('osc2_env.decay', m2 === undefined ? t60 : ms(m2.t60S))
      e.set('noise_env.decay', ms(a.noise.t60S))
      e.set('noise_filter.freq', a.colour.noiseBandHz[0])
      e.set('noise_filter.q', 0.707)
      const g1 = db(m1?.amp ?? 0.3)
      e.set('osc1_gain.gain', g1 - 6)
      e.set('osc2_gain.gain', db(m2?.amp ?? (m1?.amp ?? 0.3) / 3) - 6)
      // noise vs oscillators by energy: E ∝ g²·T60 for each decaying part (∫e^{−13.8t/T}dt = T/13.8);
      // HP-filtered U(−1, 1) noise has power ⅓·(1 − fc/(sr/2)) against ½ for a sine
      const share = Math.min(0.98, Math.max(0.02, a.noise.highShare))
      const eOsc = 0.5 * 10 ** ((g1 - 6) / 10) * (m1?.t60S ?? a.envelope.t60S)
      const pass = Math.max(0.05, 1 - a.colour.noiseBandHz[0] / (sampleRate / 2))
      const eNoise = (share / (1 - share)) * eOsc
      e.set('noise_gain.gain', 10 * Math.log10(eNoise / ((pass / 3) * Math.max(0.01, Number.isFinite(a.noise.t60S) ? a.noise.t60S : 2))))
    } else if (voice === 'clap808' || voice === 'hat808-closed' || voice === 'hat808-open') {
      const [lo, hi] = a.colour.noiseBandHz
      e.set('tone.freq', a.colour.noisePeakHz)
      e.set('tone.q', a.colour.noisePeakHz / Math.max(1, hi - lo))
      e.set(e.has('tail.decay') ? 'tail.decay' : 'amp_env.decay', t60)
    } else {
      e.set('amp_env.decay', t60)
    }
    return e.values()
  }
  const withGlide = build(true)
  const presetGlide = build(false)
  const measured = withGlide.every((v, i) => v === presetGlide[i]) ? [withGlide] : [withGlide, presetGlide]
  return [...measured, presetAtPitch(voice, a, sampleRate)]
}

/**
 * The voice's preset with its oscillators moved to the measured pitch (their ratio kept), or the plain preset when no pitch is found.
 * @example presetAtPitch('kick808', a, 22050)
 */
export const presetAtPitch = (voice: Voice808, a: HitAnalysis, sampleRate: number): number[] => {
  const preset = kit808[voice].defaults(sampleRate)
  const f = a.pitch.pitched ? basePitch(a) : undefined
  if (f === undefined) return preset
  const e = editor(voice, sampleRate, preset)
  if (e.has('osc.freq')) e.set('osc.freq', f)
  if (e.has('osc1.freq')) {
    const ratio = e.get('osc2.freq') / e.get('osc1.freq')
    e.set('osc1.freq', f)
    e.set('osc2.freq', f * ratio)
  }
  return e.values()
}

/**
 * Shifts a voice's overall level by `deltaDb`: its output gain where it has one, else every mix gain (the tanh input gain and the kick's click excepted).
 * @param voice kit name  @param u unit vector  @param deltaDb dB  @param sampleRate Hz
 * @returns a new unit vector (gains kept inside their ranges)
 * @example shiftGain('kick808', u, -6, 22050)
 */
export const shiftGain = (voice: Voice808, u: readonly number[], deltaDb: number, sampleRate: number): number[] => {
  const e = editor(voice, sampleRate, u)
  const names = kit808[voice].params(sampleRate).map(([n]) => n)
  const gains = e.has('out.gain') ? ['out.gain'] : names.filter((n) => /(^|\.)gain$/.test(n) && n !== 'tanh.in_gain' && n !== 'click.gain')
  for (const n of gains) e.set(n, e.get(n) + deltaDb)
  return e.values()
}
