/**
 * A 5×7 bitmap font for plot labels: digits, capital letters (lower case is
 * drawn as capitals) and the punctuation numbers and titles need. Each glyph
 * is 7 rows, top first; a row is 5 bits, the most significant bit leftmost.
 * Unknown characters draw as an empty box so nothing is silently dropped.
 *
 * @example
 * GLYPHS['1'] // [4, 12, 4, 4, 4, 4, 14]
 * textWidth('LOSS', 2) // 46 pixels
 */

/** Glyph width and height in font pixels, and the gap between glyphs. @example FONT.width // 5 */
export const FONT = { width: 5, height: 7, gap: 1 } as const

/** Row bitmaps by character (upper case). @example GLYPHS['-'] // [0, 0, 0, 31, 0, 0, 0] */
export const GLYPHS: Readonly<Record<string, readonly number[]>> = {
  ' ': [0, 0, 0, 0, 0, 0, 0],
  '0': [14, 17, 19, 21, 25, 17, 14],
  '1': [4, 12, 4, 4, 4, 4, 14],
  '2': [14, 17, 1, 2, 4, 8, 31],
  '3': [31, 2, 4, 2, 1, 17, 14],
  '4': [2, 6, 10, 18, 31, 2, 2],
  '5': [31, 16, 30, 1, 1, 17, 14],
  '6': [6, 8, 16, 30, 17, 17, 14],
  '7': [31, 1, 2, 4, 8, 8, 8],
  '8': [14, 17, 17, 14, 17, 17, 14],
  '9': [14, 17, 17, 15, 1, 2, 12],
  'A': [14, 17, 17, 31, 17, 17, 17],
  'B': [30, 17, 17, 30, 17, 17, 30],
  'C': [14, 17, 16, 16, 16, 17, 14],
  'D': [28, 18, 17, 17, 17, 18, 28],
  'E': [31, 16, 16, 30, 16, 16, 31],
  'F': [31, 16, 16, 30, 16, 16, 16],
  'G': [14, 17, 16, 23, 17, 17, 15],
  'H': [17, 17, 17, 31, 17, 17, 17],
  'I': [14, 4, 4, 4, 4, 4, 14],
  'J': [7, 2, 2, 2, 2, 18, 12],
  'K': [17, 18, 20, 24, 20, 18, 17],
  'L': [16, 16, 16, 16, 16, 16, 31],
  'M': [17, 27, 21, 21, 17, 17, 17],
  'N': [17, 17, 25, 21, 19, 17, 17],
  'O': [14, 17, 17, 17, 17, 17, 14],
  'P': [30, 17, 17, 30, 16, 16, 16],
  'Q': [14, 17, 17, 17, 21, 18, 13],
  'R': [30, 17, 17, 30, 20, 18, 17],
  'S': [15, 16, 16, 14, 1, 1, 30],
  'T': [31, 4, 4, 4, 4, 4, 4],
  'U': [17, 17, 17, 17, 17, 17, 14],
  'V': [17, 17, 17, 17, 17, 10, 4],
  'W': [17, 17, 17, 21, 21, 21, 10],
  'X': [17, 17, 10, 4, 10, 17, 17],
  'Y': [17, 17, 10, 4, 4, 4, 4],
  'Z': [31, 1, 2, 4, 8, 16, 31],
  '.': [0, 0, 0, 0, 0, 12, 12],
  ',': [0, 0, 0, 0, 12, 4, 8],
  '-': [0, 0, 0, 31, 0, 0, 0],
  '+': [0, 4, 4, 31, 4, 4, 0],
  ':': [0, 12, 12, 0, 12, 12, 0],
  '/': [0, 1, 2, 4, 8, 16, 0],
  '(': [2, 4, 8, 8, 8, 4, 2],
  ')': [8, 4, 2, 2, 2, 4, 8],
  '%': [24, 25, 2, 4, 8, 19, 3],
  '=': [0, 0, 31, 0, 31, 0, 0],
  '_': [0, 0, 0, 0, 0, 0, 31],
  '[': [14, 8, 8, 8, 8, 8, 14],
  ']': [14, 2, 2, 2, 2, 2, 14],
  '<': [2, 4, 8, 16, 8, 4, 2],
  '>': [8, 4, 2, 1, 2, 4, 8],
  '\'': [4, 4, 8, 0, 0, 0, 0],
  '*': [0, 4, 21, 14, 21, 4, 0],
}

const BOX = [31, 17, 17, 17, 17, 17, 31]

/**
 * The bitmap rows of one character (lower case maps to upper case; unknown → a box).
 * @param ch one character
 * @example glyph('a') === GLYPHS['A']
 */
export const glyph = (ch: string): readonly number[] => GLYPHS[ch.toUpperCase()] ?? BOX

/**
 * Width in pixels of a string drawn at integer `scale` (no trailing gap).
 * @param text the label  @param scale pixel size of one font pixel (≥ 1)
 * @example textWidth('10', 1) // 11
 */
export const textWidth = (text: string, scale = 1): number =>
  text.length === 0 ? 0 : scale * (text.length * (FONT.width + FONT.gap) - FONT.gap)
