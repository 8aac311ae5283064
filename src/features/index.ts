/**
 * Audio features: DDSP's A-weighted loudness, mel spectrogram and MFCCs
 * (differentiable composites on every backend), plus host-side analysis.
 *
 * @example
 * import { loudness, melSpectrogram } from 'ddsp-ts/features'
 * const x = input('x', [1, 64000], 'audio')
 * const ld = loudness(x, { sampleRate: 16000 })                 // [1, 1001] dB
 * const mel = melSpectrogram(x, { sampleRate: 16000, nMels: 64 }) // [1, 126, 64]
 */
export * from './db.js'
export * from './loudness.js'
export * from './mel.js'
export * from './spectrum.js'
export * from './spectral-shape.js'
export * from './rms.js'
export * from './temporal-centroid.js'
export * from './k-loudness.js'
export * from './errors.js'
export * from './yin-difference.js'
export * from './yin.js'
export * from './spectral-flux.js'
export * from './superflux.js'
export * from './onsets.js'
export * from './extract.js'
export { memorySource, readAll, type SampleSource } from '../io/sample-source.js'
export * from './analysis/index.js'
