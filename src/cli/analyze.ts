/**
 * `ddsp analyze <hit.wav> [--json] [--seconds S]`: what the matcher reads from a
 * recorded hit before any gradient step (`features/analysis`): onset, attack
 * and decay (dB/s, T60), the pitch and its glide over the first 200 ms,
 * spectral tilt and noise colour, and the decaying modes (frequency,
 * amplitude, decay). The WAV is mixed to mono; the first `--seconds` are
 * analysed (default 3). Host arithmetic only: no backend.
 *
 * @example
 * ddsp analyze kick.wav --json | jq .pitch.pitchHz
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { pipe } from 'fp-ts/lib/function.js'
import { analyzeHit, type HitAnalysis } from '../features/analysis/analyze.js'
import { mixToMono } from '../io/mono.js'
import { readAudio } from '../io/audio-file.js'
import { checkBytes, DEFAULT_LIMITS, type Limits } from '../io/limits.js'
import { usage, type CliError } from './errors.js'
import { estimateBytes } from './bounds.js'

/** Options of `ddsp analyze`. @example const o: AnalyzeFlags = { seconds: 3 } */
export interface AnalyzeFlags {
  /** longest part analysed, s */
  readonly seconds: number
  readonly limits?: Limits
}

/**
 * Reads, mixes to mono and analyses a hit.
 * @param path WAV file  @param o seconds kept and limits
 * @returns the analysis, or a one-line CliError (exit 2)
 * @example await analyzeCommand('kick.wav', { seconds: 3 })()
 */
export const analyzeCommand = (path: string, o: AnalyzeFlags): TE.TaskEither<CliError, HitAnalysis> =>
  pipe(
    readAudio(path, o.limits ?? DEFAULT_LIMITS, (frames) => checkBytes(`analysis of ${frames} samples`, estimateBytes('features', frames), o.limits ?? DEFAULT_LIMITS)),
    TE.mapLeft((e): CliError => e),
    TE.flatMapEither((audio) => {
      const n = Math.min(audio.channels[0]?.length ?? 0, Math.round(o.seconds * audio.sampleRate))
      if (n === 0) return E.left(usage(`${path}: the file holds no samples`))
      return E.mapLeft((e: { message: string }) => usage(`${path}: ${e.message}`))(analyzeHit(mixToMono(audio, n), audio.sampleRate))
    }),
  )

const r = (digits: number) => (v: number) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : v)

/**
 * The analysis rounded for printing (Hz to 0.01, dB and times to 4 decimals; the noise spectrum left out); Infinity stays (printed as null by JSON).
 * @example JSON.stringify(roundedAnalysis(a))
 */
export const roundedAnalysis = (a: HitAnalysis): Omit<HitAnalysis, 'noise'> & { readonly noise: { readonly t60S: number; readonly highShare: number } } => ({
  ...a,
  envelope: Object.fromEntries(Object.entries(a.envelope).map(([k, v]) => [k, r(4)(v)])) as unknown as HitAnalysis['envelope'],
  pitch: {
    ...a.pitch,
    pitchHz: a.pitch.pitchHz === undefined ? undefined : r(2)(a.pitch.pitchHz),
    startHz: a.pitch.startHz === undefined ? undefined : r(2)(a.pitch.startHz),
    glide: a.pitch.glide === undefined ? undefined : { endHz: r(2)(a.pitch.glide.endHz), ratio: r(4)(a.pitch.glide.ratio), decayMs: r(1)(a.pitch.glide.decayMs), rmsCents: r(1)(a.pitch.glide.rmsCents) },
    track: a.pitch.track.map((p) => ({ t: r(4)(p.t), f0Hz: r(2)(p.f0Hz), aperiodicity: r(3)(p.aperiodicity) })),
  },
  colour: { ...a.colour, tiltDbPerOctave: r(2)(a.colour.tiltDbPerOctave), noiseTiltDbPerOctave: r(2)(a.colour.noiseTiltDbPerOctave), noiseCentroidHz: r(1)(a.colour.noiseCentroidHz), noiseBandHz: [r(1)(a.colour.noiseBandHz[0]), r(1)(a.colour.noiseBandHz[1])], noisePeakHz: r(1)(a.colour.noisePeakHz) },
  noise: { t60S: r(4)(a.noise.t60S), highShare: r(4)(a.noise.highShare) },
  modes: a.modes.map((m) => ({ freqHz: r(2)(m.freqHz), endHz: r(2)(m.endHz), amp: r(5)(m.amp), decayPerS: r(3)(m.decayPerS), t60S: r(4)(m.t60S), energy: Number(m.energy.toPrecision(4)), frames: m.frames })),
})

/**
 * A few lines for people.
 * @param path file name shown  @param a the analysis
 * @example console.log(analysisSummary('kick.wav', a))
 */
export const analysisSummary = (path: string, a: HitAnalysis): string => {
  const e = a.envelope
  const p = a.pitch
  const g = p.glide
  return [
    `${path}: ${a.seconds.toFixed(2)} s at ${a.sampleRate} Hz`,
    `envelope: onset ${(1000 * e.onsetS).toFixed(1)} ms, attack ${(1000 * e.attackS).toFixed(1)} ms, peak ${e.peakDb.toFixed(1)} dB, decay ${e.decayDbPerS.toFixed(1)} dB/s (T60 ${e.t60S.toFixed(3)} s)`,
    `pitch: ${p.pitchHz === undefined ? 'none' : `${p.pitchHz.toFixed(1)} Hz${p.pitched ? '' : ' (weakly voiced)'}`}${g === undefined ? '' : `, glide from ${(g.endHz * (1 + g.ratio)).toFixed(1)} Hz to ${g.endHz.toFixed(1)} Hz (envelope decay ${g.decayMs.toFixed(0)} ms, fit ${g.rmsCents.toFixed(0)} cents RMS)`}`,
    `spectrum: tilt ${a.colour.tiltDbPerOctave.toFixed(1)} dB/oct; noise ${a.colour.noiseTiltDbPerOctave.toFixed(1)} dB/oct, centroid ${a.colour.noiseCentroidHz.toFixed(0)} Hz, band ${a.colour.noiseBandHz.map((f) => f.toFixed(0)).join('–')} Hz`,
    `noise: T60 ${a.noise.t60S.toFixed(3)} s above 500 Hz, ${(100 * a.noise.highShare).toFixed(1)} % of the energy`,
    `modes: ${a.modes.slice(0, 8).map((m) => `${m.freqHz.toFixed(1)} Hz (T60 ${m.t60S.toFixed(2)} s)`).join(', ')}${a.modes.length > 8 ? ', …' : ''}`,
  ].join('\n')
}
