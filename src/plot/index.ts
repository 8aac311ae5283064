/**
 * PNG plots (pngjs): loss curves, log-magnitude spectrograms and target-vs-match
 * figures with axes, tick labels and titles in a 5×7 bitmap font; atomic writes.
 *
 * @example
 * import { lossCurvePng, writePng } from 'ddsp-ts/plot'
 * await writePng('out/loss.png', lossCurvePng(losses, { title: 'LOSS', logY: true }))()
 */
export { lossCurvePng, spectrogramPng, comparisonPng, type LossCurveOptions, type SpectrogramPngOptions } from './png.js'
export { writePng, canvas, type Canvas, type Rgb } from './canvas.js'
export { logSpectrogram, type Spectrogram, type SpectrogramOptions } from './spectrogram.js'
export { colour, type ColourMap } from './colormap.js'
