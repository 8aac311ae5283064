/**
 * Magnitude and log magnitude of a complex spectrum under the three log-ε
 * conventions of the reference libraries, so loss values can be matched to
 * each (they differ wherever the spectrum is near 0; ddsp-anchors.md §0.8):
 *
 * | strategy        | magnitude M               | log M                        | source |
 * |-----------------|---------------------------|------------------------------|--------|
 * | `'ddsp'`        | √(re² + im² + 1e-18)      | log(M), but log(1e-5) where re² + im² = 0 | magenta/ddsp `core.safe_log` (`tf.where(x <= 0, 1e-5, x)`) |
 * | `'ddsp_pytorch'`| √(re² + im² + 1e-18)      | log(M + 1e-7)                | acids-ircam/ddsp_pytorch `ddsp/core.py` `safe_log` |
 * | `'auraloss'`    | √(max(re² + im², 1e-8))   | log(M) (≥ log 1e-4)          | csteinmetz1/auraloss `freq.py` `STFTLoss.stft` (eps 1e-8), `STFTMagnitudeLoss` (log_fac 1, log_eps 0) |
 *
 * The 1e-18 under the root (`magnitude` of `dsp/stft.ts`, `MAGNITUDE_EPS`) keeps the
 * gradient finite (0) at X = 0 where TF's `tf.abs` would give NaN; it moves M
 * by at most 1e-9. Every branch is finite with a finite gradient at X = 0.
 *
 * @example
 * const { mag, logMag } = spectralMagnitudes(stft(x, 1024, 256), 'ddsp')
 */
import * as B from '../core/build.js'
import { add, log, max, sqrt } from '../core/math.js'
import { type Rate, type Signal, withRate } from '../core/signal.js'
import { magnitude } from '../dsp/stft.js'

/** Which library's log-magnitude convention to reproduce. */
export type LogEps = 'ddsp' | 'ddsp_pytorch' | 'auraloss'

/** The log-ε strategies, for validation and help texts. */
export const logEpsStrategies: readonly LogEps[] = ['ddsp', 'ddsp_pytorch', 'auraloss']

/** DDSP `safe_log` replacement value for non-positive inputs. */
export const DDSP_SAFE_LOG_EPS = 1e-5
/** ddsp_pytorch `safe_log` additive ε. */
export const DDSP_PYTORCH_LOG_EPS = 1e-7
/** auraloss `STFTLoss` power floor (eps), so magnitudes are ≥ 1e-4. */
export const AURALOSS_POWER_EPS = 1e-8

/** A magnitude spectrogram and its logarithm under one convention. */
export interface Magnitudes<R extends Rate> {
  /** |X|, `[...]` (the complex axis removed). */
  readonly mag: Signal<R>
  /** log |X| under the chosen ε strategy, same shape. */
  readonly logMag: Signal<R>
}

/**
 * |X| and log|X| of a complex spectrum under a library's ε convention (table in the module header).
 * @param spec complex `[..., 2]` (re, im), e.g. from `stft`
 * @param strategy 'ddsp' (default), 'ddsp_pytorch' or 'auraloss'
 * @returns `{ mag, logMag }`, each `[...]`
 * @example spectralMagnitudes(stft(x, 2048, 512, { padEnd: true }), 'ddsp').logMag
 */
export const spectralMagnitudes = <R extends Rate>(spec: Signal<R>, strategy: LogEps = 'ddsp'): Magnitudes<R> => {
  const power = withRate(B.sum(B.mul(spec.node, spec.node), [-1]), spec.rate)
  if (strategy === 'auraloss') {
    const mag = sqrt(max(power, AURALOSS_POWER_EPS))
    return { mag, logMag: log(mag) }
  }
  const mag = magnitude(spec) // √(re² + im² + MAGNITUDE_EPS)
  if (strategy === 'ddsp_pytorch') return { mag, logMag: log(add(mag, DDSP_PYTORCH_LOG_EPS)) }
  // safe_log: x ≤ 0 → 1e-5. Our M is never exactly 0, so the test is on the power (M = 0 ⇔ re² + im² = 0).
  const safe = B.select(B.less(B.scalar(0), power.node), mag.node, B.scalar(DDSP_SAFE_LOG_EPS))
  return { mag, logMag: log(withRate(safe, spec.rate)) }
}
