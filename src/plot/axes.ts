/**
 * Axes for plots: "nice" tick values (1, 2, 5 × 10ᵏ steps; Heckbert, "Nice
 * numbers for graph labels", Graphics Gems, 1990), decade ticks for log
 * axes, compact tick labels, and a frame with ticks, labels and a title.
 *
 * @example
 * niceTicks(0, 0.93, 5) // [0, 0.2, 0.4, 0.6, 0.8]
 * logTicks(0.003, 2)    // [0.01, 0.1, 1]
 */
import { BLACK, GRID, type Canvas } from './canvas.js'
import { FONT, textWidth } from './font.js'

/** A plot area in canvas pixels. @example const f: Frame = { x: 60, y: 30, w: 500, h: 280 } */
export interface Frame {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** A tick: its data value, its label and its pixel position along the axis. @example const t: Tick = { value: 1, label: '1', at: 120 } */
export interface Tick {
  readonly value: number
  readonly label: string
  readonly at: number
}

/**
 * The nice step for a range split into about `count` parts: 1, 2 or 5 × 10ᵏ.
 * @param span hi − lo (> 0)  @param count wanted number of intervals
 * @example niceStep(0.93, 5) // 0.2
 */
export const niceStep = (span: number, count: number): number => {
  const raw = span / Math.max(1, count)
  const p = 10 ** Math.floor(Math.log10(raw))
  const m = raw / p
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p
}

/**
 * Multiples of the nice step inside [lo, hi].
 * @param lo axis minimum  @param hi axis maximum  @param count about how many intervals
 * @example niceTicks(0, 10, 5) // [0, 2, 4, 6, 8, 10]
 */
export const niceTicks = (lo: number, hi: number, count = 5): number[] => {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return Number.isFinite(lo) ? [lo] : []
  const step = niceStep(hi - lo, count)
  const out: number[] = []
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) out.push(Number((k * step).toPrecision(12)))
  return out
}

/**
 * Decade ticks 10ᵏ inside [lo, hi] (lo > 0); with fewer than two decades, also 2·10ᵏ and 5·10ᵏ.
 * @param lo axis minimum (> 0)  @param hi axis maximum
 * @example logTicks(0.3, 4) // [0.5, 1, 2]
 */
export const logTicks = (lo: number, hi: number): number[] => {
  if (!(lo > 0) || !(hi > lo)) return lo > 0 ? [lo] : []
  const within = (v: number) => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)
  const ks = Array.from({ length: Math.floor(Math.log10(hi)) - Math.ceil(Math.log10(lo)) + 3 }, (_, i) => Math.ceil(Math.log10(lo)) - 1 + i)
  const decades = ks.map((k) => Number((10 ** k).toPrecision(12))).filter(within)
  if (decades.length >= 2) return decades
  return ks.flatMap((k) => [1, 2, 5].map((m) => Number((m * 10 ** k).toPrecision(12)))).filter(within)
}

/**
 * A short tick label: plain for 0.01 ≤ |v| < 10⁵ (at most 4 significant digits), else `1E-3` style.
 * @param v tick value
 * @example fmtTick(0.25) // '0.25'; fmtTick(0.0001) // '1E-4'
 */
export const fmtTick = (v: number): string => {
  if (v === 0) return '0'
  const a = Math.abs(v)
  if (a >= 0.01 && a < 1e5) return String(Number(v.toPrecision(4)))
  const [m, e] = v.toExponential(2).split('e')
  return `${String(Number(m))}E${Number(e)}`
}

/** Axis decorations: titles and ticks already placed in pixels. @example const a: AxesSpec = { title: 'LOSS', xLabel: 'STEP', yLabel: 'MSS', xTicks: [], yTicks: [] } */
export interface AxesSpec {
  readonly title: string
  readonly xLabel: string
  readonly yLabel: string
  readonly xTicks: readonly Tick[]
  readonly yTicks: readonly Tick[]
  /** draw light grid lines at the ticks (default true) */
  readonly grid?: boolean
}

/**
 * Draws grid, frame, ticks with labels, axis labels and the title around `f`.
 * Call before the data for the grid to sit underneath, or pass `grid: false`.
 * @param c canvas  @param f plot area  @param a titles and ticks
 * @example drawAxes(c, { x: 60, y: 30, w: 500, h: 280 }, { title: 'LOSS', xLabel: 'STEP', yLabel: '', xTicks, yTicks })
 */
export const drawAxes = (c: Canvas, f: Frame, a: AxesSpec): void => {
  if (a.grid ?? true) {
    for (const t of a.xTicks) c.line(t.at, f.y, t.at, f.y + f.h, GRID)
    for (const t of a.yTicks) c.line(f.x, t.at, f.x + f.w, t.at, GRID)
  }
  c.line(f.x, f.y, f.x + f.w, f.y, BLACK)
  c.line(f.x, f.y + f.h, f.x + f.w, f.y + f.h, BLACK)
  c.line(f.x, f.y, f.x, f.y + f.h, BLACK)
  c.line(f.x + f.w, f.y, f.x + f.w, f.y + f.h, BLACK)
  for (const t of a.xTicks) {
    c.line(t.at, f.y + f.h, t.at, f.y + f.h + 4, BLACK)
    c.text(t.at - textWidth(t.label) / 2, f.y + f.h + 7, t.label, BLACK)
  }
  for (const t of a.yTicks) {
    c.line(f.x - 4, t.at, f.x, t.at, BLACK)
    c.text(f.x - 7 - textWidth(t.label), t.at - Math.floor(FONT.height / 2), t.label, BLACK)
  }
  c.text(f.x + f.w / 2 - textWidth(a.title, 2) / 2, Math.max(2, f.y - 2 * FONT.height - 8), a.title, BLACK, 2)
  c.text(f.x + f.w / 2 - textWidth(a.xLabel) / 2, f.y + f.h + FONT.height + 12, a.xLabel, BLACK)
  const yw = Math.max(0, ...a.yTicks.map((t) => textWidth(t.label)))
  c.textUp(Math.max(1, f.x - yw - 12 - FONT.height), f.y + f.h / 2 - textWidth(a.yLabel) / 2, a.yLabel, BLACK)
}
