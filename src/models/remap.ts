/**
 * Timbre remapping (Shier et al., NIME 2024; jorshi/ddsp-timbre-remap): the
 * onset features of a drum hit (RMS dB, spectral centroid in semitones,
 * spectral flatness in dB over its first ~16 ms), normalised against a
 * reference hit, go through a linear map or a small MLP to bounded
 * modulations of an 808 voice's [0, 1] parameters:
 *   p = clip(preset + damping ⊙ tanh(net(onset)), 0, 1)
 * (damping 0.01 on oscillator frequencies, 1 elsewhere, as the paper's
 * presets). Training minimises timbreremap's feature-difference loss
 *   mean |(f(voice(p)) − f(voice(preset))) − (f(hit) − f(reference hit))|
 * with f = loudness, centroid and flatness over a transient and a sustain
 * window, plus the temporal centroid (`remapLossFeatures`).
 * Ref: seed-repos.md §1.3, §1.6; `timbreremap/model.py`, `loss.py`.
 *
 * @example
 * const m = remap({ voice: 'snare808', sampleRate: 16000, hitSamples: 8000, onsetSamples: 256, hidden: 32 })
 * const y = m.render(input('onset', [4, 3])) // audio [4, 8000]
 */
import { add, clip, div, log, mul, sub, tanh } from '../core/math.js'
import { constant, withRate, type Rate, type Signal } from '../core/signal.js'
import { concat, reshape, slice, sum } from '../core/tensor.js'
import { loudness } from '../features/loudness.js'
import { rms } from '../features/rms.js'
import { spectralCentroid, spectralFlatness } from '../features/spectral-shape.js'
import { temporalCentroid } from '../features/temporal-centroid.js'
import { dense } from '../nn/dense.js'
import { mlp } from '../nn/mlp.js'
import type { Layer } from '../nn/module.js'
import { kit808, type Voice808 } from '../synths/drums/kit808.js'

/** Sizes of a remap model. @example const c: RemapConfig = { voice: 'snare808', sampleRate: 16000, hitSamples: 8000, onsetSamples: 256, hidden: 32 } */
export interface RemapConfig {
  readonly voice: Voice808
  readonly sampleRate: number
  /** samples rendered per hit */
  readonly hitSamples: number
  /** samples of the onset window (a power of two) */
  readonly onsetSamples: number
  /** MLP width; 0 = timbreremap's linear map (no bias) */
  readonly hidden: number
}

/** Number of onset features (RMS dB, centroid semitones, flatness dB). @example ONSET_FEATURES // 3 */
export const ONSET_FEATURES = 3
/** The output weights (both the MLP's projection and the linear map are `remap/out`). */
const LAST = 'remap/out/w'
/** scale·log₁₀(x + 1e-8): 20 for an amplitude in dB, 10 for a power ratio. */
const db = <R extends Rate>(x: Signal<R>, scale: number): Signal<R> => mul(log(add(x, 1e-8)), scale / Math.LN10)
/** A frequency as a MIDI pitch, 12·log₂((f + 1e-3)/440) + 69 (semitones; finite at 0 Hz). */
const semitones = <R extends Rate>(hz: Signal<R>): Signal<R> => add(mul(log(div(add(hz, 1e-3), 440)), 12 / Math.LN2), 69)
const asStatic = (x: Signal<'control'>) => withRate(x.node, 'static')

/**
 * Onset features of hits: RMS (dB), centroid (12·log₂(c/440) + 69) and flatness (dB) of one frame.
 * @param x audio `[B, n]` (the first n samples of each hit; n a power of two)  @param sampleRate Hz
 * @returns static `[B, 3]`
 * @example onsetFeatures(slice(hits, [0, 0], [4, 256]), 16000)
 */
export const onsetFeatures = (x: Signal<'audio'>, sampleRate: number): Signal<'static'> => {
  const n = x.shape?.[1] ?? 1
  const one = { sampleRate, nFft: n, hop: n, center: false }
  const r = db(asStatic(rms(x, { frameLength: n, hop: n, center: false })), 20)
  const c = semitones(asStatic(spectralCentroid(x, one)))
  const f = db(asStatic(spectralFlatness(x, one)), 10)
  return concat([r, c, f], 1)
}

/** Mean of frames [a, b) of a control `[B, F]` → static `[B, 1]`. */
const window = (v: Signal<'control'>, a: number, b: number): Signal<'static'> => {
  const B = v.shape?.[0] ?? 1
  return mul(reshape(sum(asStatic(slice(v, [0, a], [B, b - a])), [1]), [B, 1]), 1 / (b - a))
}

/**
 * timbreremap's loss features: A-weighted loudness (dB), centroid (semitones) and flatness (dB), each averaged over
 * the transient (frames 0–1) and the sustain (frames 2…), plus the temporal centroid (ms): static `[B, 7]`.
 * @param x audio `[B, N]`  @param sampleRate Hz
 * @example remapLossFeatures(hits, 16000) // [B, 7]
 */
export const remapLossFeatures = (x: Signal<'audio'>, sampleRate: number): Signal<'static'> => {
  const nFft = 2 ** Math.round(Math.log2(0.046 * sampleRate))
  const o = { sampleRate, nFft, hop: nFft / 4, center: false }
  const ld = loudness(x, o)
  const ce = semitones(spectralCentroid(x, o))
  const fl = db(spectralFlatness(x, o), 10)
  const F = ld.shape?.[1] ?? 3
  const both = (v: Signal<'control'>) => [window(v, 0, 2), window(v, 2, F)]
  const B = x.shape?.[0] ?? 1
  return concat([...both(ld), ...both(ce), ...both(fl), reshape(mul(asStatic(temporalCentroid(x, sampleRate)), 1000), [B, 1])], 1)
}

/** A remap model. @example const m: Remap = remap(config); m.init(1); m.render(onset) */
export interface Remap {
  readonly config: RemapConfig
  readonly net: Layer
  readonly names: readonly string[]
  readonly preset: readonly number[]
  /** seeded init; the last layer is scaled by 1e-3 so training starts at the preset (timbreremap: N(0, 1e-3)) */
  readonly init: (seed: number) => Record<string, Float32Array>
  /** the voice's [0, 1] params `[B, P]` for normalised onset features `[B, 3]` */
  readonly params: (onset: Signal<'static'>) => Signal<'static'>
  /** the voice rendered for normalised onset features: audio `[B, hitSamples]` */
  readonly render: (onset: Signal<'static'>) => Signal<'audio'>
  /** the voice at its preset: audio `[1, hitSamples]` */
  readonly presetAudio: () => Signal<'audio'>
}

/**
 * Builds a remap model (params `remap/…`).
 * @param c voice, sample rate, hit and onset lengths (samples), MLP width (0: linear)
 * @example remap({ voice: 'kick808', sampleRate: 16000, hitSamples: 8000, onsetSamples: 256, hidden: 0 })
 */
export const remap = (c: RemapConfig): Remap => {
  const v = kit808[c.voice]
  const names = v.params(c.sampleRate).map(([n]) => n)
  const P = names.length
  const preset = v.defaults(c.sampleRate)
  const net = c.hidden > 0 ? mlp('remap', { inputs: ONSET_FEATURES, hidden: c.hidden, layers: 1, outputs: P }) : dense('remap/out', { inputs: ONSET_FEATURES, outputs: P, bias: false })
  const damping = constant(names.map((n) => (/^osc\d\.freq$/.test(n) ? 0.01 : 1)), [1, P])
  const params = (onset: Signal<'static'>) => clip(add(constant(preset, [1, P]), mul(damping, tanh(net.apply(onset)))), 0, 1) // torch.clip: gradient 1 on [0, 1], bounds included
  const init = (seed: number) => {
    const p = net.init(seed)
    p[LAST] = p[LAST]!.map((w) => w * 1e-3)
    return p
  }
  return {
    config: c, net, names, preset, init, params,
    render: (onset) => v.render(params(onset), c.hitSamples, c.sampleRate),
    presetAudio: () => v.render(constant(preset, [1, P]), c.hitSamples, c.sampleRate),
  }
}

/**
 * Normalised onset features: (x − centre)/scale per feature.
 * @param x static `[B, 3]`  @param centre `[3]`  @param scale `[3]` (non-zero)
 * @example normalise(onsetFeatures(x, sr), [−20, 80, −10], [30, 20, 20])
 */
export const normalise = (x: Signal<'static'>, centre: readonly number[], scale: readonly number[]): Signal<'static'> =>
  div(sub(x, constant(centre, [1, centre.length])), constant(scale, [1, scale.length]))
