/**
 * Window functions as host number tables. All are **periodic** (TF's
 * `periodic=True`, DDSP's default, NumPy `sym=False`): w[i] uses 2πi/n, so
 * w[0] = 0 for Hann and n-sample frames at hop n/4 overlap-add to a constant.
 * (tfjs's `hannWindow` is symmetric for odd n; these never are.) The graph's
 * window signals (`dsp/window.ts`) and the fused STFT lowering read them.
 *
 * @example
 * import { hannTable, windowTable } from './window.js'
 * hannTable(4)              // [0, 0.5, 1, 0.5]
 * windowTable('hamming', 8) // [0.08, …, 1, …]
 */

/** Names of the windows. @example const w: WindowName = 'hann' */
export type WindowName = 'hann' | 'hamming' | 'blackman' | 'rectangular'

/** Every window name (for validating attributes and options). @example windowNames.includes('hann') // true */
export const windowNames: readonly WindowName[] = ['hann', 'hamming', 'blackman', 'rectangular']

/** A generalised cosine window Σₖ (−1)ᵏ aₖ cos(2πki/n), periodic. */
const cosineSum = (n: number, a: readonly number[]): number[] =>
  Array.from({ length: n }, (_, i) => a.reduce((s, ak, k) => s + (k % 2 === 0 ? 1 : -1) * ak * Math.cos((2 * Math.PI * k * i) / n), 0))

/**
 * Periodic Hann values w[i] = ½ − ½·cos(2πi/n), i = 0…n−1, as host numbers.
 * Ref: Harris, "On the use of windows…", Proc. IEEE 66(1), 1978.
 * @param n length in samples
 * @example hannTable(4) // [0, 0.5, 1, 0.5]
 */
export const hannTable = (n: number): number[] => cosineSum(n, [0.5, 0.5])

/**
 * The values of a named periodic window of length n (host numbers, for building tables).
 * hamming: 0.54 − 0.46·cos(2πi/n); blackman: 0.42 − 0.5·cos(2πi/n) + 0.08·cos(4πi/n).
 * @param name window name  @param n length in samples
 * @example windowTable('hamming', 8)
 */
export const windowTable = (name: WindowName, n: number): number[] =>
  name === 'hann'
    ? hannTable(n)
    : name === 'hamming'
      ? cosineSum(n, [0.54, 0.46])
      : name === 'blackman'
        ? cosineSum(n, [0.42, 0.5, 0.08])
        : new Array<number>(n).fill(1)
