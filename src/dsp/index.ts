/**
 * The shared DSP layer: pure functions of signals built from core combinators,
 * named composites where a backend may later fuse them. Sample rate is always a
 * parameter. Audio is `[batch, samples]`; control is `[batch, frames, channels]`.
 *
 * @example
 * import { expSigmoid, upsample, phase, frequencyFilter } from 'ddsp-ts/dsp'
 * const amps = upsample(expSigmoid(input('amp', [1, 250, 1], 'control')), 64000, 'window')
 * const f0 = upsample(input('f0', [1, 250, 1], 'control'), 64000, 'linear')
 * const tone = mul(amps, sin(phase(f0, 16000)))
 * const hiss = frequencyFilter(noise(3, [1, 64000]), expSigmoid(input('mags', [1, 250, 65], 'control')))
 */
export * from './scale.js'
export * from './units.js'
export * from './window.js'
export * from './resample.js'
export * from './phase.js'
export * from './frame.js'
export * from './stft.js'
export * from './convolve.js'
export * from './fir.js'
export * from './filters.js'
export * from './biquad.js'
export * from './per-sample.js'
// The host tables these composites are built from (src/host), part of this entry point's API.
export { hannTable, windowTable, windowNames, type WindowName } from '../host/window.js'
export { upsampleTable, upsampleMethods, type UpsampleMethod, type UpsampleTable } from '../host/upsample.js'
export { frameCount, type FramePad } from '../host/frame.js'
export { firTable } from '../host/fir.js'
export { nextPow2 } from '../host/fft.js'
