/**
 * Spectrograms on a canvas: `liveSpectrogram` scrolls one column per
 * animation frame from an AnalyserNode (dB magnitudes, log-frequency rows
 * from 40 Hz to Nyquist), and `drawSpectrogram` paints a whole rendered
 * buffer (Hann-windowed STFT with the host FFT, `src/host/fft.ts`)
 * the same way — the browser test's screenshot shows it.
 *
 * @example
 * const stop = liveSpectrogram(canvas, analyser)
 * drawSpectrogram(canvas, samples, 48000)
 */
import { realFft } from '../../src/host/fft.js'
import { hannTable } from '../../src/host/window.js'

/** dB (−100…−20) → a dark-blue…yellow colour. */
const colour = (db: number): [number, number, number] => {
  const v = Math.max(0, Math.min(1, (db + 100) / 80))
  return [Math.round(255 * Math.min(1, 2 * v)), Math.round(255 * v * v), Math.round(90 + 120 * (1 - v) * v)]
}

/** Row y of a canvas of height h → FFT bin, on a log axis 40 Hz…Nyquist. */
const binOf = (y: number, h: number, bins: number, sampleRate: number): number => {
  const hz = 40 * Math.pow(sampleRate / 2 / 40, (h - 1 - y) / (h - 1))
  return Math.min(bins - 1, Math.round((hz / (sampleRate / 2)) * (bins - 1)))
}

const paintColumn = (img: ImageData, x: number, db: (bin: number) => number, bins: number, sampleRate: number): void => {
  for (let y = 0; y < img.height; y++) {
    const [r, g, b] = colour(db(binOf(y, img.height, bins, sampleRate)))
    const o = 4 * (y * img.width + x)
    img.data[o] = r
    img.data[o + 1] = g
    img.data[o + 2] = b
    img.data[o + 3] = 255
  }
}

/**
 * Scrolls a live spectrogram until the returned function is called.
 * @param canvas target  @param analyser the node to read (its fftSize sets the resolution)
 * @example const stop = liveSpectrogram(canvas, ctx.createAnalyser())
 */
export const liveSpectrogram = (canvas: HTMLCanvasElement, analyser: AnalyserNode): (() => void) => {
  const g = canvas.getContext('2d')!
  const data = new Float32Array(analyser.frequencyBinCount)
  const column = g.createImageData(1, canvas.height)
  let raf = 0
  const tick = (): void => {
    analyser.getFloatFrequencyData(data)
    g.drawImage(canvas, -1, 0)
    paintColumn(column, 0, (k) => data[k]!, data.length, analyser.context.sampleRate)
    g.putImageData(column, canvas.width - 1, 0)
    raf = requestAnimationFrame(tick)
  }
  raf = requestAnimationFrame(tick)
  return () => cancelAnimationFrame(raf)
}

/**
 * Paints the spectrogram of a whole buffer across the canvas (one STFT frame per column).
 * @param samples mono audio  @param sampleRate Hz  @param n FFT size (default 1024)
 * @example drawSpectrogram(canvas, rendered, 48000)
 */
export const drawSpectrogram = (canvas: HTMLCanvasElement, samples: Float32Array, sampleRate: number, n = 1024): void => {
  const g = canvas.getContext('2d')!
  const img = g.createImageData(canvas.width, canvas.height)
  const plan = realFft(n)
  const bins = n / 2 + 1
  const [frame, re, im] = [new Float64Array(n), new Float64Array(bins), new Float64Array(bins)]
  const mag = new Float64Array(bins)
  const hann = hannTable(n) // periodic, as dsp/window; once, not per column
  for (let x = 0; x < canvas.width; x++) {
    const start = Math.floor((x / canvas.width) * Math.max(0, samples.length - n))
    for (let t = 0; t < n; t++) frame[t] = (samples[start + t] ?? 0) * hann[t]!
    plan.forwardSplit(frame, 0, re, im)
    for (let k = 0; k < bins; k++) mag[k] = 20 * Math.log10(Math.hypot(re[k]!, im[k]!) / (n / 4) + 1e-9)
    paintColumn(img, x, (k) => mag[k]!, bins, sampleRate)
  }
  g.putImageData(img, 0, 0)
}
