/**
 * Weighted least-squares line y ≈ a + b·x (the normal equations in closed form:
 * b = Σw(x−x̄)(y−ȳ) / Σw(x−x̄)², a = ȳ − b·x̄, x̄ and ȳ weighted means).
 *
 * @example
 * lineFit([0, 1, 2], [1, 3, 5]) // { intercept: 1, slope: 2, rmse: 0, n: 3 }
 */

/** A fitted line. @example const l: Line = { intercept: 1, slope: 2, rmse: 0, n: 3 } */
export interface Line {
  readonly intercept: number
  readonly slope: number
  /** weighted root-mean-square residual */
  readonly rmse: number
  /** points used */
  readonly n: number
}

/**
 * Fits y ≈ intercept + slope·x by weighted least squares.
 * @param x abscissae  @param y ordinates (same length)  @param w weights (default 1 each)
 * @returns the line; slope 0 and intercept ȳ when x has no spread; NaN intercept for no points
 * @example lineFit([0, 1, 2, 3], [0, -20, -40, -60]).slope // −20
 */
export const lineFit = (x: ArrayLike<number>, y: ArrayLike<number>, w?: ArrayLike<number>): Line => {
  let sw = 0, sx = 0, sy = 0
  for (let i = 0; i < x.length; i++) {
    const wi = w?.[i] ?? 1
    sw += wi; sx += wi * x[i]!; sy += wi * y[i]!
  }
  if (!(sw > 0)) return { intercept: NaN, slope: 0, rmse: NaN, n: 0 }
  const mx = sx / sw
  const my = sy / sw
  let sxx = 0, sxy = 0
  for (let i = 0; i < x.length; i++) {
    const wi = w?.[i] ?? 1
    sxx += wi * (x[i]! - mx) ** 2
    sxy += wi * (x[i]! - mx) * (y[i]! - my)
  }
  const slope = sxx > 0 ? sxy / sxx : 0
  const intercept = my - slope * mx
  let se = 0
  for (let i = 0; i < x.length; i++) se += (w?.[i] ?? 1) * (y[i]! - intercept - slope * x[i]!) ** 2
  return { intercept, slope, rmse: Math.sqrt(se / sw), n: x.length }
}
