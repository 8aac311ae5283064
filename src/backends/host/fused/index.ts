/**
 * Host fused lowerings of library composites, by composite name: tight
 * Float32Array loops that backends with host-memory tensors (wasm, tfjs-cpu)
 * run instead of a composite's decomposition. Each is checked against its
 * decomposition by `properties/fused.prop.ts`.
 *
 * @example
 * import { hostLowerings } from './host/fused/index.js'
 * Object.keys(hostLowerings) // ['synth.harmonicBank', 'synth.harmonicBank.vjp', ...]
 */
import type { HostKernel } from './kernel.js'
import type { LoweringTable } from '../../../core/composite-names.js'
import { biquadForward, biquadVjp } from './biquad.js'
import { harmonicBankForward, harmonicBankVjp } from './harmonic-bank.js'
import { firForward, firVjp } from './fir.js'
import { frameConvolveForward, frameConvolveVjp } from './frame-convolve.js'
import { magnitudeForward, magnitudeVjp } from './magnitude.js'
import { meanDifferenceForward, meanDifferenceVjp } from './mean-difference.js'
import { stftForward, stftVjp } from './stft.js'

/** Composite name → host lowering (a `LoweringTable`: a misspelt name fails `tsc`). */
export const hostLowerings: LoweringTable<HostKernel> = {
  'synth.harmonicBank': harmonicBankForward,
  'synth.harmonicBank.vjp': harmonicBankVjp,
  'dsp.biquad': biquadForward,
  'dsp.biquad.vjp': biquadVjp,
  'dsp.stft': stftForward,
  'dsp.stft.vjp': stftVjp,
  'dsp.magnitude': magnitudeForward,
  'dsp.magnitude.vjp': magnitudeVjp,
  'dsp.frameConvolve': frameConvolveForward,
  'dsp.frameConvolve.vjp': frameConvolveVjp,
  'dsp.frequencyImpulseResponse': firForward,
  'dsp.frequencyImpulseResponse.vjp': firVjp,
  'losses.meanDifference': meanDifferenceForward,
  'losses.meanDifference.vjp': meanDifferenceVjp,
}
