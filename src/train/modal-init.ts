/**
 * Where the modal drum's match starts: the modes extracted from the target
 * (drumblender's way — the modes are read from the recording, only what is
 * left is learned), the strongest `MODAL.modes` by energy: amplitude at the
 * onset, decay rate D, and the shared glide g, the median of 1 − f_end/f_start
 * over the four strongest; each frequency is f_end/(1 − g), so that the mode
 * settles (F·(1 − g·(1 − e^{−12t})) → F·(1 − g)) where its track ends. The 16 noise bands
 * (linear, DC to Nyquist) come from the target's peak-free spectrum
 * (`NoiseAnalysis.smoothed`, energy summed over STFT frames): white U(−1, 1)
 * noise through a band of magnitude m has power m²/3 per unit bandwidth,
 * i.e. a mean |X|² of m²·2/N in `magnitudeStft`'s units, and a noise decaying
 * at D_n sums over frames to m²·(2/N)/(1 − e^{−2·D_n·hop}); so
 *   m_k = √(P_k·N/2·(1 − e^{−2·D_n·hop})),  P_k the spectrum at band k's centre,
 * D_n = ln(1000)/T60 of the target's part above 500 Hz.
 *
 * @example
 * const raw = modalStart(analysis, 22050) // NamedParams for modalMatch
 */
import type { HitAnalysis } from '../features/analysis/analyze.js'
import { median } from '../host/stats.js'
import { MODAL, modalPoint, type ModalValues } from './modal-match.js'
import type { NamedParams } from './params.js'

/**
 * The modal drum's physical values read from an analysis.
 * @param a the target's analysis  @param sampleRate render rate, Hz
 * @example modalValues(a, 22050).freqHz[0] // the strongest mode's frequency
 */
export const modalValues = (a: HitAnalysis, sampleRate: number): ModalValues => {
  const modes = a.modes.filter((m) => m.freqHz < 0.45 * sampleRate && m.freqHz >= MODAL.freqLo).slice(0, MODAL.modes)
  const glides = modes.slice(0, 4).map((m) => Math.max(0, 1 - m.endHz / m.freqHz))
  const glide = glides.length === 0 ? 0.01 : Math.min(0.25, median(glides))
  const dn = Number.isFinite(a.noise.t60S) && a.noise.t60S > 0 ? Math.log(1000) / a.noise.t60S : 10
  const { smoothed, binHz, nFft, hopS } = a.noise
  const keep = 1 - Math.exp(-2 * dn * hopS)
  const noise = Array.from({ length: MODAL.bands }, (_, k) => {
    const hz = (k * sampleRate) / 2 / (MODAL.bands - 1)
    const bin = Math.min(smoothed.length - 1, Math.round(hz / binHz))
    return Math.sqrt(((smoothed[bin] ?? 0) * nFft) / 2 * keep)
  })
  return {
    // the synth's mode settles at F·(1 − g): F is set so each mode settles where the track ends (the pitch a listener hears)
    freqHz: modes.map((m) => m.endHz / (1 - glide)),
    amp: modes.map((m) => m.amp),
    decayPerS: modes.map((m) => Math.max(2, m.decayPerS)),
    glide,
    noise,
    noiseDecayPerS: dn,
  }
}

/**
 * Raw starting params of the modal match from an analysis.
 * @example modalStart(a, 22050).freq.length // 8
 */
export const modalStart = (a: HitAnalysis, sampleRate: number): NamedParams => modalPoint(modalValues(a, sampleRate))

/**
 * The same physical point with every amplitude (modes and noise) scaled by 10^(Δ/20): the modal drum is linear in them.
 * @example modalShift(values, -3)
 */
export const modalShift = (v: ModalValues, deltaDb: number): ModalValues => {
  const k = 10 ** (deltaDb / 20)
  return { ...v, amp: v.amp.map((x) => x * k), noise: v.noise.map((x) => x * k) }
}
