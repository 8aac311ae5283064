/**
 * Named parameters: the values an optimizer updates, keyed by the `param`
 * names of a Program. Arrays are flat and row-major (float32 or float64);
 * shapes come from the Program's declarations.
 *
 * @example
 * const p: NamedParams = { gain: Float32Array.of(0.5) }
 * cloneParams(p)['gain'] !== p['gain'] // true: a fresh copy
 */

/** One parameter's values, flat and row-major. @example const a: ParamArray = new Float32Array(4) */
export type ParamArray = Float32Array | Float64Array

/** Parameter values by name. @example const p: NamedParams = { w: new Float32Array(6) } */
export type NamedParams = Readonly<Record<string, ParamArray>>

/**
 * A deep copy (same element types).
 * @param p parameters by name
 * @example cloneParams({ w: Float32Array.of(1, 2) })
 */
export const cloneParams = (p: NamedParams): Record<string, ParamArray> =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.slice()]))

/**
 * Total number of scalar values.
 * @param p parameters by name
 * @example countParams({ w: new Float32Array(6), b: new Float32Array(2) }) // 8
 */
export const countParams = (p: NamedParams): number => Object.values(p).reduce((n, v) => n + v.length, 0)
