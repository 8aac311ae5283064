/**
 * Trainable models built from the library: the DDSP autoencoder (f0 and
 * loudness → RnnFcDecoder → harmonic + filtered noise + learnable reverb),
 * its dataset preparation, training and rendering, and timbre remapping of
 * drum hits onto an 808 voice (timbreremap).
 *
 * @example
 * import { autoencoder, DEFAULT_AUTOENCODER, prepareDataset, trainAutoencoder } from 'ddsp-ts/models'
 * const d = await prepareDataset([{ sampleRate: 16000, samples }], { hop: 160, exampleSamples: 16000, backend: reference('float32') })()
 */
export * from './decoder.js'
export * from './autoencoder.js'
export * from './programs.js'
export * from './dataset.js'
export * from './train-autoencoder.js'
export * from './render.js'
export * from './model-file.js'
export * from './remap.js'
export * from './train-remap.js'
export * from './render-remap.js'
