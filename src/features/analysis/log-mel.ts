/**
 * The log-mel distance of two sounds on host arrays (a figure, not a loss):
 *   d = mean_{f,m} |ln(Mₐ[f,m] + ε) − ln(M_b[f,m] + ε)|,   ε = 10⁻⁴·max M_b
 * with M the Slaney mel spectrogram (`features/mel.ts`'s `melFilterbank`, 128
 * bands by default, librosa's defaults) of the amplitude-scaled STFT
 * (`stft.ts`, nFft ≈ 46 ms, hop nFft/4), over the frames of the shorter input.
 * The floor ε sits 80 dB under the reference's loudest mel bin, so what is
 * inaudible next to the hit does not count, and the figure does not depend on
 * the reference's level. 0 for equal inputs; 1 means a factor e (8.7 dB) on average.
 *
 * @example
 * logMelDistance(match, target, 22050) // 0.83
 */
import { nextPow2 } from '../../host/fft.js'
import { melFilterbank } from '../mel.js'
import { magnitudeStft } from './stft.js'

/** Options of `logMelDistance`. @example const o: LogMelOptions = { nMels: 64 } */
export interface LogMelOptions {
  /** default 128 */
  readonly nMels?: number
  /** default nextPow2(0.046·sr) */
  readonly nFft?: number
}

/** The log-mel spectrogram of x: [frames][nMels], natural log of M + floor (floor given, or 1e-4·max M). */
const melFrames = (x: ArrayLike<number>, sr: number, nFft: number, fb: number[][]): Float64Array[] => {
  const s = magnitudeStft(x, sr, { nFft, hop: nFft / 4 })
  return s.mag.map((m) => Float64Array.from(fb, (row) => row.reduce((acc, w, k) => acc + w * m[k]!, 0)))
}

/**
 * Mean absolute log-mel difference of `a` against the reference `b` (same rate).
 * @param a a sound  @param b the reference (sets the floor)  @param sampleRate Hz  @param o bands and FFT size
 * @example logMelDistance(Float32Array.of(0, 1), Float32Array.of(0, 1), 16000) // 0
 */
export const logMelDistance = (a: ArrayLike<number>, b: ArrayLike<number>, sampleRate: number, o: LogMelOptions = {}): number => {
  const nFft = o.nFft ?? nextPow2(0.046 * sampleRate)
  const fb = melFilterbank(sampleRate, nFft, o.nMels ?? 128)
  const n = Math.min(a.length, b.length)
  const A = melFrames(Array.prototype.slice.call(a, 0, n) as number[], sampleRate, nFft, fb)
  const B = melFrames(Array.prototype.slice.call(b, 0, n) as number[], sampleRate, nFft, fb)
  let top = 0
  for (const r of B) for (const v of r) top = Math.max(top, v)
  const eps = Math.max(1e-12, 1e-4 * top)
  let s = 0, count = 0
  for (let f = 0; f < B.length; f++) {
    for (let m = 0; m < B[f]!.length; m++) {
      s += Math.abs(Math.log(A[f]![m]! + eps) - Math.log(B[f]![m]! + eps))
      count++
    }
  }
  return count === 0 ? 0 : s / count
}
