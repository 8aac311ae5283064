/**
 * A tiny RGBA raster for plots: pixels, rectangles, lines (Bresenham), text
 * in the 5×7 bitmap font, PNG encoding through `pngjs`, and an atomic write
 * (temporary file renamed into place). Coordinates are integer pixels, (0, 0)
 * top-left; drawing outside the canvas is clipped, never an error.
 *
 * @example
 * const c = canvas(200, 100, WHITE)
 * c.line(0, 0, 199, 99, BLACK); c.text(10, 10, 'LOSS', BLACK, 2)
 * await writePng('out/a.png', c.png())()
 */
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { PNG } from 'pngjs'
import { writeAtomic } from '../io/atomic.js'
import type { IoError } from '../io/wav.js'
import { FONT, glyph, textWidth } from './font.js'

/** An opaque colour, components in 0…255. @example const red: Rgb = [255, 0, 0] */
export type Rgb = readonly [number, number, number]

/** White. @example canvas(10, 10, WHITE) */
export const WHITE: Rgb = [255, 255, 255]
/** Black. @example c.line(0, 0, 9, 9, BLACK) */
export const BLACK: Rgb = [0, 0, 0]
/** Light grey for grid lines. @example c.line(x, 0, x, 99, GRID) */
export const GRID: Rgb = [225, 225, 225]

/** A drawable RGBA image. @example const c: Canvas = canvas(64, 32, WHITE) */
export interface Canvas {
  readonly width: number
  readonly height: number
  /** RGBA bytes, row-major */
  readonly data: Uint8Array
  readonly pixel: (x: number, y: number, c: Rgb) => void
  readonly rect: (x: number, y: number, w: number, h: number, c: Rgb) => void
  readonly line: (x0: number, y0: number, x1: number, y1: number, c: Rgb) => void
  /** text with its top-left corner at (x, y); `scale` font pixels per glyph pixel */
  readonly text: (x: number, y: number, s: string, c: Rgb, scale?: number) => void
  /** text rotated 90° counter-clockwise (reads bottom to top), its left-top corner at (x, y) */
  readonly textUp: (x: number, y: number, s: string, c: Rgb, scale?: number) => void
  /** the image as PNG bytes */
  readonly png: () => Buffer
}

/** Draws each lit font pixel of `s` through `put(col, row)` in glyph coordinates. */
const eachTextPixel = (s: string, put: (col: number, row: number) => void): void =>
  [...s].forEach((ch, i) =>
    glyph(ch).forEach((bits, row) => {
      for (let b = 0; b < FONT.width; b++) if ((bits >> (FONT.width - 1 - b)) & 1) put(i * (FONT.width + FONT.gap) + b, row)
    }),
  )

/** Bresenham's line algorithm, all octants (Bresenham, IBM Systems Journal 4(1), 1965): calls `put` on each pixel from (x0, y0) to (x1, y1). */
const bresenham = (x0: number, y0: number, x1: number, y1: number, put: (x: number, y: number) => void): void => {
  let [x, y] = [Math.round(x0), Math.round(y0)]
  const [xe, ye] = [Math.round(x1), Math.round(y1)]
  const dx = Math.abs(xe - x), dy = -Math.abs(ye - y)
  const sx = x < xe ? 1 : -1, sy = y < ye ? 1 : -1
  let err = dx + dy
  for (;;) {
    put(x, y)
    if (x === xe && y === ye) return
    const e2 = 2 * err
    if (e2 >= dy) (err += dy), (x += sx)
    if (e2 <= dx) (err += dx), (y += sy)
  }
}

/**
 * A new canvas filled with `bg`.
 * @param width pixels (positive integer)  @param height pixels  @param bg background colour
 * @example canvas(640, 360, WHITE).png().length > 0
 */
export const canvas = (width: number, height: number, bg: Rgb = WHITE): Canvas => {
  const data = new Uint8Array(width * height * 4)
  const pixel = (x: number, y: number, c: Rgb): void => {
    const xi = Math.round(x)
    const yi = Math.round(y)
    if (xi < 0 || yi < 0 || xi >= width || yi >= height) return
    const o = 4 * (yi * width + xi)
    data[o] = c[0]
    data[o + 1] = c[1]
    data[o + 2] = c[2]
    data[o + 3] = 255
  }
  const rect = (x: number, y: number, w: number, h: number, c: Rgb): void => {
    for (let j = Math.max(0, Math.round(y)); j < Math.min(height, Math.round(y + h)); j++)
      for (let i = Math.max(0, Math.round(x)); i < Math.min(width, Math.round(x + w)); i++) pixel(i, j, c)
  }
  const line = (x0: number, y0: number, x1: number, y1: number, c: Rgb): void => bresenham(x0, y0, x1, y1, (x, y) => pixel(x, y, c))
  const text = (x: number, y: number, s: string, c: Rgb, scale = 1): void =>
    eachTextPixel(s, (col, row) => rect(x + col * scale, y + row * scale, scale, scale, c))
  const textUp = (x: number, y: number, s: string, c: Rgb, scale = 1): void => {
    const len = textWidth(s, scale)
    eachTextPixel(s, (col, row) => rect(x + row * scale, y + len - (col + 1) * scale, scale, scale, c))
  }
  rect(0, 0, width, height, bg)
  const png = (): Buffer => {
    const img = new PNG({ width, height })
    img.data.set(data)
    return PNG.sync.write(img)
  }
  return { width, height, data, pixel, rect, line, text, textUp, png }
}

/**
 * Writes PNG bytes atomically (a temporary file in the same folder, renamed), creating folders.
 * @param path destination `.png`  @param bytes encoded PNG
 * @returns the path, or an IoError
 * @example await writePng('out/loss.png', lossCurvePng([3, 2, 1]))()
 */
export const writePng = (path: string, bytes: Buffer): TE.TaskEither<IoError, string> => writeAtomic(path, bytes)
