/**
 * Host-side analysis of recorded hits: level envelope and decay, pitch and
 * glide, spectral tilt and noise colour, modal extraction, and the figures
 * that judge a match (pitch in cents, envelope error in dB, log-mel distance).
 *
 * @example
 * import { analyzeHit, matchFigures } from 'ddsp-ts/features'
 * const a = analyzeHit(x, 22050)
 */
export * from './analyze.js'
export * from './colour.js'
export * from './envelope.js'
export * from './figures.js'
export * from './line-fit.js'
export * from './log-mel.js'
export * from './lowpass.js'
export * from './modes.js'
export * from './pitch.js'
export * from './stft.js'
export * from './yin-host.js'
