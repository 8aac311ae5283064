/**
 * PNG figures for training and matching runs: a loss curve (linear or log y),
 * a log-magnitude spectrogram (time × frequency, magma/viridis, dB colour
 * bar) and a side-by-side "target vs match" pair on one shared dB scale.
 * Each returns PNG bytes; `writePng` (canvas.ts) stores them atomically.
 *
 * @example
 * await writePng('out/loss.png', lossCurvePng(result.losses, { title: 'MSS LOSS', logY: true }))()
 * await writePng('out/spectrogram.png', comparisonPng(target, match, 16000))()
 */
import { drawAxes, fmtTick, logTicks, niceTicks, type Frame, type Tick } from './axes.js'
import { BLACK, canvas, type Canvas, type Rgb } from './canvas.js'
import { colour, type ColourMap } from './colormap.js'
import { logSpectrogram, peakDb, type Spectrogram, type SpectrogramOptions } from './spectrogram.js'
import { extent } from '../host/stats.js'

const LINE: Rgb = [31, 119, 180]

/** Options of `lossCurvePng`. @example const o: LossCurveOptions = { title: 'LOSS', logY: true } */
export interface LossCurveOptions {
  readonly title: string
  /** logarithmic y axis (non-positive losses are skipped) */
  readonly logY?: boolean
  readonly xLabel?: string
  readonly yLabel?: string
  /** image size in pixels (default 640 × 360) */
  readonly width?: number
  readonly height?: number
}

/** Ticks of [lo, hi] placed on a pixel span by `toPx`. */
const placed = (values: readonly number[], toPx: (v: number) => number): Tick[] => values.map((v) => ({ value: v, label: fmtTick(v), at: Math.round(toPx(v)) }))

/** The y range of the plotted values, widened when flat. */
const yRange = (ys: readonly number[], logY: boolean): [number, number] => {
  const [lo, hi] = extent(ys)
  if (hi > lo) return [lo, hi]
  return logY ? [lo / 2, hi * 2] : [lo - 1, hi + 1]
}

/**
 * A loss curve: loss against step, non-finite points leave gaps.
 * @param losses one value per step  @param o title, log y, labels, size
 * @returns PNG bytes
 * @example lossCurvePng([4, 2, 1, 0.5], { title: 'MSS', logY: true })
 */
export const lossCurvePng = (losses: readonly number[], o: LossCurveOptions): Buffer => {
  const c = canvas(o.width ?? 640, o.height ?? 360)
  const f: Frame = { x: 70, y: 34, w: c.width - 90, h: c.height - 34 - 44 }
  const logY = o.logY ?? false
  const ok = (v: number) => Number.isFinite(v) && (!logY || v > 0)
  const ys = losses.filter(ok)
  if (ys.length === 0) {
    drawAxes(c, f, { title: o.title, xLabel: o.xLabel ?? 'STEP', yLabel: o.yLabel ?? 'LOSS', xTicks: [], yTicks: [] })
    c.text(f.x + 10, f.y + 10, 'NO FINITE VALUES', BLACK)
    return c.png()
  }
  const t = logY ? Math.log10 : (v: number) => v
  const [lo, hi] = yRange(ys, logY)
  const xMax = Math.max(1, losses.length - 1)
  const px = (i: number) => f.x + (f.w * i) / xMax
  const py = (v: number) => f.y + f.h - (f.h * (t(v) - t(lo))) / (t(hi) - t(lo))
  drawAxes(c, f, {
    title: o.title, xLabel: o.xLabel ?? 'STEP', yLabel: o.yLabel ?? (logY ? 'LOSS (LOG)' : 'LOSS'),
    xTicks: placed(niceTicks(0, xMax, 6), px), yTicks: placed(logY ? logTicks(lo, hi) : niceTicks(lo, hi, 5), py),
  })
  let prev: [number, number] | undefined
  losses.forEach((v, i) => {
    const p: [number, number] | undefined = ok(v) ? [px(i), py(v)] : undefined
    if (p !== undefined && prev !== undefined) c.line(prev[0], prev[1], p[0], p[1], LINE)
    else if (p !== undefined) c.pixel(p[0], p[1], LINE)
    prev = p
  })
  return c.png()
}

/** Colour scale of spectrogram panels: top dB, range below it, colour map. */
interface Scale {
  readonly top: number
  readonly range: number
  readonly map: ColourMap
}

/** One spectrogram panel: image (nearest frame/bin per pixel, Nyquist at the top) with time/frequency axes. */
const drawSpectrogram = (c: Canvas, f: Frame, s: Spectrogram, title: string, sc: Scale): void => {
  for (let j = 0; j < f.h; j++) {
    const k = Math.min(s.bins - 1, Math.floor(((f.h - 1 - j + 0.5) / f.h) * s.bins))
    for (let i = 0; i < f.w; i++) {
      const t = Math.min(s.frames - 1, Math.floor(((i + 0.5) / f.w) * s.frames))
      c.pixel(f.x + i, f.y + j, colour(sc.map, 1 + (s.db[t * s.bins + k]! - sc.top) / sc.range))
    }
  }
  const seconds = ((s.frames - 1) * s.hop + s.nFft) / s.sampleRate
  const khz = s.sampleRate / 2000
  drawAxes(c, f, {
    title, xLabel: 'TIME (S)', yLabel: 'FREQUENCY (KHZ)', grid: false,
    xTicks: placed(niceTicks(0, seconds, 5), (v) => f.x + (f.w * v) / seconds),
    yTicks: placed(niceTicks(0, khz, 4), (v) => f.y + f.h - (f.h * v) / khz),
  })
}

/** A vertical colour bar for [top − range, top] dB beside a panel. */
const drawColourBar = (c: Canvas, f: Frame, sc: Scale): void => {
  for (let j = 0; j < f.h; j++) c.rect(f.x, f.y + j, f.w, 1, colour(sc.map, 1 - j / (f.h - 1)))
  c.line(f.x, f.y, f.x, f.y + f.h, BLACK)
  c.line(f.x + f.w, f.y, f.x + f.w, f.y + f.h, BLACK)
  for (const v of niceTicks(sc.top - sc.range, sc.top, 4)) {
    const y = Math.round(f.y + (f.h * (sc.top - v)) / sc.range)
    c.line(f.x + f.w, y, f.x + f.w + 3, y, BLACK)
    c.text(f.x + f.w + 6, y - 3, fmtTick(Math.round(v)), BLACK)
  }
  c.text(f.x - 2, f.y + f.h + 7, 'DB', BLACK)
}

/** Options of the spectrogram figures. @example const o: SpectrogramPngOptions = { title: 'SNARE', map: 'magma', rangeDb: 80 } */
export interface SpectrogramPngOptions extends SpectrogramOptions {
  readonly title?: string
  /** colour map (default 'magma') */
  readonly map?: ColourMap
  /** dynamic range shown below the peak, dB (default 80) */
  readonly rangeDb?: number
  /** image size in pixels */
  readonly width?: number
  readonly height?: number
}

const scaleOf = (specs: readonly Spectrogram[], o: SpectrogramPngOptions): Scale => {
  const top = peakDb(specs)
  return { top: Number.isFinite(top) ? top : 0, range: o.rangeDb ?? 80, map: o.map ?? 'magma' }
}

/**
 * A log-magnitude spectrogram of a mono signal with a dB colour bar.
 * @param x samples  @param sampleRate Hz  @param o title, FFT size/hop, colour map, range, size (default 640 × 360)
 * @returns PNG bytes
 * @example spectrogramPng(hit, 16000, { title: 'TARGET', nFft: 512 })
 */
export const spectrogramPng = (x: ArrayLike<number>, sampleRate: number, o: SpectrogramPngOptions = {}): Buffer => {
  const c = canvas(o.width ?? 640, o.height ?? 360)
  const s = logSpectrogram(x, sampleRate, o)
  const sc = scaleOf([s], o)
  const f: Frame = { x: 70, y: 34, w: c.width - 70 - 64, h: c.height - 34 - 44 }
  drawSpectrogram(c, f, s, o.title ?? 'SPECTROGRAM', sc)
  drawColourBar(c, { x: f.x + f.w + 12, y: f.y, w: 12, h: f.h }, sc)
  return c.png()
}

/**
 * Target and match spectrograms side by side on one shared dB scale (so equal colours mean equal levels).
 * @param target samples  @param match samples  @param sampleRate Hz (both)
 * @param o FFT size/hop, map, range, size (default 1120 × 380); `titles` of the two panels
 * @returns PNG bytes
 * @example comparisonPng(target, rendered, 22050, { titles: ['TARGET', 'MATCH: SNARE808'] })
 */
export const comparisonPng = (
  target: ArrayLike<number>,
  match: ArrayLike<number>,
  sampleRate: number,
  o: SpectrogramPngOptions & { readonly titles?: readonly [string, string] } = {},
): Buffer => {
  const c = canvas(o.width ?? 1120, o.height ?? 380)
  const specs = [logSpectrogram(target, sampleRate, o), logSpectrogram(match, sampleRate, o)]
  const sc = scaleOf(specs, o)
  const w = Math.floor((c.width - 2 * 70 - 64 - 10) / 2)
  const titles = o.titles ?? ['TARGET', 'MATCH']
  specs.forEach((s, i) => drawSpectrogram(c, { x: 70 + i * (w + 80), y: 34, w, h: c.height - 34 - 44 }, s, titles[i]!, sc))
  drawColourBar(c, { x: 70 + 2 * w + 80 + 12, y: 34, w: 12, h: c.height - 34 - 44 }, sc)
  return c.png()
}
