/**
 * Window functions as constant signals, built from the host tables of
 * `host/window.ts` (re-exported by the `dsp` barrel). All are **periodic**
 * (TF's `periodic=True`, DDSP's default, NumPy `sym=False`): w[i] uses 2πi/n,
 * so w[0] = 0 for Hann and n-sample frames at hop n/4 overlap-add to a constant.
 * (tfjs's `hannWindow` is symmetric for odd n; these never are.)
 *
 * @example
 * import { hann, hannTable } from 'ddsp-ts/dsp'
 * const w = hann(1024)                  // Signal<'static'> [1024]
 * const frames = mul(framed, w)         // broadcasts over [B, F, 1024]
 * hannTable(4)                          // [0, 0.5, 1, 0.5]
 */
import { constant, type Signal } from '../core/signal.js'
import { hannTable, windowTable, type WindowName } from '../host/window.js'

/**
 * Periodic Hann window w[i] = ½ − ½·cos(2πi/n) as a constant signal `[n]`.
 * @param n length in samples
 * @example mul(frames, hann(512))
 */
export const hann = (n: number): Signal<'static'> => constant(hannTable(n), [n])

/**
 * Periodic Hamming window w[i] = 0.54 − 0.46·cos(2πi/n) as a constant `[n]`.
 * @param n length in samples
 * @example mul(frames, hamming(512))
 */
export const hamming = (n: number): Signal<'static'> => constant(windowTable('hamming', n), [n])

/**
 * Periodic Blackman window w[i] = 0.42 − 0.5·cos(2πi/n) + 0.08·cos(4πi/n) as a constant `[n]`.
 * @param n length in samples
 * @example mul(frames, blackman(512))
 */
export const blackman = (n: number): Signal<'static'> => constant(windowTable('blackman', n), [n])

/**
 * A named periodic window as a constant `[n]`.
 * @param name window name  @param n length in samples
 * @example windowSignal('hann', 1024)
 */
export const windowSignal = (name: WindowName, n: number): Signal<'static'> => constant(windowTable(name, n), [n])
