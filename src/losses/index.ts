/**
 * The loss library: composites over core primitives, so every loss runs on
 * every backend and is differentiable by `valueAndGrad`. Each takes audio
 * `[B, N]` pred and target and returns a static scalar `[]`.
 *
 * @example
 * import { multiScaleSpectralLoss, siSdrLoss, lossRegistry } from 'ddsp-ts/losses'
 * const pred = param('y', [1, 16000], 'audio')
 * const target = input('target', [1, 16000], 'audio')
 * compile({ loss: multiScaleSpectralLoss(pred, target) })
 */
export * from './distance.js'
export * from './log-magnitude.js'
export * from './spectral.js'
export * from './mrstft.js'
export * from './mel.js'
export * from './match.js'
export * from './envelope.js'
export * from './loudness.js'
export * from './waveform.js'
export * from './feature.js'
export * from './registry.js'
