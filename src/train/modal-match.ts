/**
 * Sound matching for the modal drum (`synths/modal.ts`, drumblender-style):
 * M modes, each a frequency that glides down and an exponentially decaying
 * amplitude, plus B filtered-noise bands with one decay. Every quantity is a
 * static param mapped into range inside the graph, so the optimizer moves
 * freely (log-uniform ranges through σ, levels through DDSP's exp_sigmoid):
 *   fₘ(t) = Fₘ·(1 − g·(1 − e^{−12t})),  Fₘ = 30·(8000/30)^σ(freqₘ) Hz,  g = 0.3·σ(glide)
 *   aₘ(t) = expSigmoid(ampₘ)·e^{−Dₘ·t},  Dₘ = 2·100^σ(decayₘ) s⁻¹
 *   bₖ(t) = expSigmoid(noiseₖ)·e^{−Dₙ·t}, Dₙ = 5·100^σ(noise_decay) s⁻¹
 * expSigmoid(x) = σ(x)^ln10 + 1e-7 (Engel et al., DDSP, ICLR 2020, §B.5, max 1).
 * The preset start is the registry's `modal-drum` (`MODAL_PRESET`: circular-membrane ratios on 140 Hz).
 *
 * @example
 * const d = modalMatch(11025, 22050)
 * const r = await matchSound({ ...d, backend, target, loss, optimizer, seed: 1, steps: 200 })()
 * if (E.isRight(r)) d.values(r.right.params) // { 'mode1.freq_hz': 182.3, … }
 */
import { exp, mul, neg, sub } from '../core/math.js'
import { constant, withRate, type Signal } from '../core/signal.js'
import { broadcastTo, reshape } from '../core/tensor.js'
import { expSigmoid, sigmoid } from '../dsp/scale.js'
import { MODAL_PRESET, modalDrum } from '../synths/modal.js'
import { logit, sigmoidHost } from '../host/sigmoid.js'
import type { MatchParam } from './match.js'
import type { NamedParams } from './params.js'

/** Modes and noise bands of the matched modal drum. @example MODAL.modes // 8 */
export const MODAL = { modes: 8, bands: 16, freqLo: 30, freqHi: 8000, glideMax: 0.3, glideRate: 12 } as const

/** The modal matching setup: what `matchSound` needs, plus named physical values. @example const d: ModalMatch = modalMatch(8192, 16000) */
export interface ModalMatch {
  readonly synth: (p: Readonly<Record<string, Signal<'static'>>>) => Signal<'audio'>
  readonly params: Readonly<Record<string, MatchParam>>
  readonly presets: readonly NamedParams[]
  /** the mapped (physical) value of every scalar, by name */
  readonly values: (p: NamedParams) => Record<string, number>
}

/** lo·(hi/lo)^σ(x): a log-uniform range, and its inverse. */
const logRange = (lo: number, hi: number) => ({
  graph: (x: Signal<'static'>) => mul(exp(mul(sigmoid(x), Math.log(hi / lo))), lo),
  host: (x: number) => lo * (hi / lo) ** sigmoidHost(x),
  inverse: (v: number) => logit(Math.log(v / lo) / Math.log(hi / lo)),
})
const FREQ = logRange(MODAL.freqLo, MODAL.freqHi)
const DECAY = logRange(2, 200)
const NOISE_DECAY = logRange(5, 500)
const level = { host: (x: number) => sigmoidHost(x) ** Math.LN10 + 1e-7, inverse: (v: number) => logit(v ** (1 / Math.LN10)) }

/** Frame times t_f = f·seconds/F as a control signal [1, F, 1]: about 250 frames per second, F dividing `samples` (filtered noise frames). */
const frameTimes = (samples: number, sampleRate: number): Signal<'control'> => {
  const want = Math.max(1, Math.round((250 * samples) / sampleRate))
  const F = Array.from({ length: want }, (_, i) => want - i).find((d) => samples % d === 0) ?? 1
  return withRate(constant(Array.from({ length: F }, (_, f) => (f * samples) / sampleRate / F), [1, F, 1]).node, 'control')
}

/** Physical values of the matched modal drum (`MODAL.modes` modes, `MODAL.bands` bands). @example const v: ModalValues = { freqHz: [140], amp: [0.25], decayPerS: [4], glide: 0.03, noise: [0.15], noiseDecayPerS: 40 } */
export interface ModalValues {
  readonly freqHz: readonly number[]
  /** mode amplitudes (< 1) */
  readonly amp: readonly number[]
  readonly decayPerS: readonly number[]
  /** g: each mode falls to (1 − g) of its start */
  readonly glide: number
  /** noise band magnitudes (< 1) */
  readonly noise: readonly number[]
  readonly noiseDecayPerS: number
}

/** Keeps v strictly inside (lo, hi) so the inverse map stays finite. */
const inside = (v: number, lo: number, hi: number) => Math.min(hi * 0.999, Math.max(lo * 1.001, v))

/**
 * Raw params of the modal match at physical values (the inverse of its maps; values clamped into range).
 * @param v frequencies, amplitudes, decays, glide, noise bands and noise decay (missing modes or bands: silent)
 * @param freqScale the s of `modalMatch` (default 1)
 * @example modalPoint({ freqHz: [200, 320], amp: [0.3, 0.1], decayPerS: [10, 20], glide: 0.01, noise: [], noiseDecayPerS: 30 }).freq.length // 8
 */
export const modalPoint = (v: ModalValues, freqScale = 1): NamedParams => {
  const M = Array.from({ length: MODAL.modes }, (_, m) => m)
  return {
    freq: Float64Array.from(M, (m) => FREQ.inverse(inside(v.freqHz[m] ?? 1000 + 500 * m, MODAL.freqLo, MODAL.freqHi)) / freqScale),
    amp: Float64Array.from(M, (m) => level.inverse(inside(v.amp[m] ?? 1e-4, 1e-6, 1))),
    decay: Float64Array.from(M, (m) => DECAY.inverse(inside(v.decayPerS[m] ?? 50, 2, 200))),
    glide: Float64Array.of(logit(inside(v.glide, 1e-4, MODAL.glideMax) / MODAL.glideMax)),
    noise: Float64Array.from({ length: MODAL.bands }, (_, k) => level.inverse(inside(v.noise[k] ?? 1e-4, 1e-6, 1))),
    noise_decay: Float64Array.of(NOISE_DECAY.inverse(inside(v.noiseDecayPerS, 5, 500))),
  }
}

/** The registry's modal-drum as raw params (inverse maps of its frequencies, levels and decays). */
const preset = (freqScale: number): NamedParams => {
  const M = Array.from({ length: MODAL.modes }, (_, m) => m)
  return modalPoint({
    freqHz: M.map((m) => MODAL_PRESET.f0 * MODAL_PRESET.ratios[m]!),
    amp: M.map((m) => 0.25 / (1 + m)),
    decayPerS: M.map((m) => 4 + 3 * m),
    glide: 0.03,
    noise: Array.from({ length: MODAL.bands }, (_, k) => 0.15 * (1 + k / 8)),
    noiseDecayPerS: 40,
  }, freqScale)
}

/**
 * The modal drum's matching setup.
 * @param samples render length  @param sampleRate Hz
 * @param freqScale s in Fₘ = 30·(8000/30)^σ(s·freqₘ) (default 1). Adam moves a raw value by about lr per
 *   step, which is 2.8 % of a mode's frequency at lr 0.02 for s = 1; starts from extracted modes use 0.1
 * @example modalMatch(11025, 22050).params.freq.shape // [1, 8]
 */
export const modalMatch = (samples: number, sampleRate: number, freqScale = 1): ModalMatch => {
  const { modes: M, bands: B } = MODAL
  const t = frameTimes(samples, sampleRate)
  const decaying = (level0: Signal<'static'>, rate: Signal<'static'>, n: number) =>
    mul(reshape(level0, [1, 1, n]), exp(mul(neg(reshape(rate, [1, 1, n])), t)))
  const synth = (p: Readonly<Record<string, Signal<'static'>>>): Signal<'audio'> => {
    const glide = mul(sigmoid(p['glide']!), MODAL.glideMax)
    const drop = sub(1, mul(glide, sub(1, exp(mul(t, -MODAL.glideRate))))) // [1, F, 1]
    const freqs = mul(reshape(FREQ.graph(mul(p['freq']!, freqScale)), [1, 1, M]), drop)
    const amps = decaying(expSigmoid(p['amp']!, 10, 1), DECAY.graph(p['decay']!), M)
    const bands = decaying(expSigmoid(p['noise']!, 10, 1), broadcastTo(NOISE_DECAY.graph(p['noise_decay']!), [1, B]), B)
    return modalDrum({ freqs, amps, phase0: constant(0, [1, M]), noiseBands: bands }, { samples, sampleRate })
  }
  const values = (p: NamedParams): Record<string, number> => {
    const v = (k: string, i: number) => p[k]?.[i] ?? 0
    const out: Record<string, number> = {}
    for (let m = 0; m < M; m++) {
      out[`mode${m + 1}.freq_hz`] = FREQ.host(freqScale * v('freq', m))
      out[`mode${m + 1}.amp`] = level.host(v('amp', m))
      out[`mode${m + 1}.decay_per_s`] = DECAY.host(v('decay', m))
    }
    out['glide'] = MODAL.glideMax * sigmoidHost(v('glide', 0))
    for (let k = 0; k < B; k++) out[`noise${k + 1}.amp`] = level.host(v('noise', k))
    out['noise.decay_per_s'] = NOISE_DECAY.host(v('noise_decay', 0))
    return out
  }
  return {
    synth,
    params: {
      freq: { shape: [1, M], lo: -3, hi: 3 }, amp: { shape: [1, M], lo: -3, hi: 1 }, decay: { shape: [1, M], lo: -2, hi: 2 },
      glide: { shape: [1, 1], lo: -3, hi: 0 }, noise: { shape: [1, B], lo: -3, hi: 1 }, noise_decay: { shape: [1, 1], lo: -2, hi: 2 },
    },
    presets: [preset(freqScale)],
    values,
  }
}
