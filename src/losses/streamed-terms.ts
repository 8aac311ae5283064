/**
 * The registered losses as sums over frames, so a pair of long signals can be
 * compared block by block (`streamed.ts`). A framed term names its frame grid
 * (hop, the samples a frame reads either side of its centre, the frame count)
 * and a graph that gives, for a slice of each signal, per-frame sums `[1, F]`
 * built from the same composites as the loss (`stft` + `spectralMagnitudes`,
 * `auralossMagnitudes`, `melSpectrogram`, `loudness`); `finish` turns the
 * totals over all frames into the term (a mean is the total over the
 * element count, spectral convergence the ratio of two root sums). SI-SDR is
 * three host passes (means, then projections, then residual). Losses with no
 * decomposition here are computed in one pass by the caller.
 *
 * @example
 * const t = streamedLossPlan('mss', 16000 * 600, 16000)   // Some(FramedTerm[])
 */
import { abs, add, log, mul, sub } from '../core/math.js'
import type { Rate, Signal } from '../core/signal.js'
import { sum } from '../core/tensor.js'
import type { FrameGrid } from '../dsp/frame-blocks.js'
import { stft } from '../dsp/stft.js'
import { loudness, loudnessHop } from '../features/loudness.js'
import { melSpectrogram } from '../features/mel.js'
import { spectralMagnitudes } from './log-magnitude.js'
import { AURALOSS_MRSTFT, auralossMagnitudes } from './mrstft.js'
import type { LossName } from './registry.js'
import { DDSP_FFT_SIZES } from './spectral.js'

/** A term that is a function of per-frame sums. @example const t: FramedTerm = { grid, sums, finish } */
export interface FramedTerm {
  readonly kind: 'framed'
  /** the frame grid for n samples */
  readonly grid: FrameGrid
  /** shortest slice the composites accept */
  readonly minSlice: number
  /** per-frame sums `[1, F]` of slices `[1, len]` of pred and target */
  readonly sums: (pred: Signal<'audio'>, target: Signal<'audio'>, len: number) => Record<string, Signal<Rate>>
  /** the term from each sum's total over all frames */
  readonly finish: (totals: Readonly<Record<string, number>>) => number
}

/** SI-SDR on the host: moments accumulated over blocks in three passes. @example const t: SiSdrTerm = { kind: 'sisdr', eps: 1e-8 } */
export interface SiSdrTerm {
  readonly kind: 'sisdr'
  readonly eps: number
}

/** One term of a streamed loss. */
export type StreamedTerm = FramedTerm | SiSdrTerm

const perFrame = (x: Signal<Rate>) => sum(x, [2])
const centred = (samples: number, hop: number, nFft: number): FrameGrid => ({ samples, hop, left: Math.floor(nFft / 2), right: nFft - Math.floor(nFft / 2), frames: Math.floor(samples / hop) + 1 })

/** DDSP's multi-scale spectral loss (registry defaults: L1 of magnitude and of log magnitude, hop n/4, pad_end). */
const mss = (n: number, sizes: readonly number[] = DDSP_FFT_SIZES, magWeight = 1, logWeight = 1): FramedTerm[] =>
  sizes.map((s) => {
    const hop = Math.floor(s / 4)
    const grid = { samples: n, hop, left: 0, right: s, frames: Math.ceil(n / hop) }
    const count = grid.frames * (s / 2 + 1)
    return {
      kind: 'framed', grid, minSlice: s,
      sums: (p, t) => {
        const [a, b] = [spectralMagnitudes(stft(t, s, hop, { padEnd: true })), spectralMagnitudes(stft(p, s, hop, { padEnd: true }))]
        return { mag: perFrame(abs(sub(a.mag, b.mag))), log: perFrame(abs(sub(a.logMag, b.logMag))) }
      },
      finish: (x) => (magWeight * x['mag']!) / count + (logWeight * x['log']!) / count,
    }
  })

/** auraloss' multi-resolution STFT loss: spectral convergence + log-magnitude L1, averaged over resolutions. */
const mrstft = (n: number): FramedTerm[] =>
  AURALOSS_MRSTFT.fftSizes.map((nFft, k) => {
    const [hop, win] = [AURALOSS_MRSTFT.hopSizes[k]!, AURALOSS_MRSTFT.winLengths[k]!]
    const half = Math.floor(nFft / 2)
    const left = Math.floor((nFft - win) / 2)
    const grid = { samples: n, hop, left: half - left, right: left + win - half, frames: 1 + Math.floor((n + 2 * half - nFft) / hop) }
    const count = grid.frames * (half + 1)
    return {
      kind: 'framed', grid, minSlice: nFft,
      sums: (p, t, len) => {
        const [x, y] = [auralossMagnitudes(p, len, nFft, hop, win), auralossMagnitudes(t, len, nFft, hop, win)]
        const d = sub(y.mag, x.mag)
        return { diff: perFrame(mul(d, d)), target: perFrame(mul(y.mag, y.mag)), log: perFrame(abs(sub(y.logMag, x.logMag))) }
      },
      finish: (s) => (Math.sqrt(s['diff']!) / Math.sqrt(s['target']!) + s['log']! / count) / AURALOSS_MRSTFT.fftSizes.length,
    }
  })

/** L1 between log-mel spectrograms (128 bands, FFT 2048, hop 512, ε 1e-5). */
const mel = (n: number, sampleRate: number): FramedTerm => {
  const grid = centred(n, 512, 2048)
  return {
    kind: 'framed', grid, minSlice: 2048,
    sums: (p, t) => {
      const logMel = (x: Signal<'audio'>) => log(add(melSpectrogram(x, { sampleRate }), 1e-5))
      return { mel: perFrame(abs(sub(logMel(t), logMel(p)))) }
    },
    finish: (s) => s['mel']! / (grid.frames * 128),
  }
}

/** L1 between A-weighted loudness curves (nFft 512, hop ⌊sr/250⌋, centred). */
const loudnessTerm = (n: number, sampleRate: number): FramedTerm => {
  const grid = centred(n, loudnessHop({ sampleRate }), 512)
  return {
    kind: 'framed', grid, minSlice: 512,
    sums: (p, t) => ({ ld: abs(sub(loudness(t, { sampleRate }), loudness(p, { sampleRate }))) }),
    finish: (s) => s['ld']! / grid.frames,
  }
}

/** Mean absolute or squared sample difference: frames of one sample. */
const waveform = (n: number, squared: boolean): FramedTerm => ({
  kind: 'framed', grid: { samples: n, hop: 1, left: 0, right: 1, frames: n }, minSlice: 1,
  sums: (p, t) => {
    const d = sub(t, p)
    return { e: squared ? mul(d, d) : abs(d) }
  },
  finish: (s) => s['e']! / n,
})

/**
 * The streamed decomposition of a registered loss, if it has one.
 * @param name registered loss  @param n samples of each signal  @param sampleRate Hz
 * @returns its terms (summed to the loss), or undefined (the caller computes it in one pass)
 * @example streamedLossPlan('loudness', 16000, 16000)?.length // 1
 */
export const streamedLossPlan = (name: LossName, n: number, sampleRate: number): readonly StreamedTerm[] | undefined => {
  switch (name) {
    case 'mss':
      return mss(n)
    case 'mrstft':
      return mrstft(n)
    case 'mel':
      return [mel(n, sampleRate)]
    case 'loudness':
      return [loudnessTerm(n, sampleRate)]
    case 'l1':
    case 'l2':
      return [waveform(n, name === 'l2')]
    case 'sisdr':
      return [{ kind: 'sisdr', eps: 1e-8 }]
    default:
      return undefined
  }
}
