/**
 * The primitive registry: exactly one spec per op name (a mapped type, so a
 * missing primitive fails `tsc`).
 *
 * @example
 * import { primitives } from './index.js'
 * primitives.sin.linearIn // []
 */
import type { PrimitiveRegistry } from '../primitive.js'
import { abs, cos, exp, floor, log, neg, sign, sin, sqrt, stopGradient, tanh } from './unary.js'
import { add, atan2, div, maximum, minimum, mul, pow, sub } from './binary.js'
import { arg, constant, input, noise, param } from './sources.js'
import { less, select } from './select.js'
import { reduceMax, sum } from './reduce.js'
import { broadcast, concat, pad, reshape, reverse, slice, transpose } from './layout.js'
import { gather, scatterAdd } from './indexing.js'
import { matmul } from './matmul.js'
import { cumsum, irfft, rfft } from './spectral.js'
import { recurrence } from './recurrence.js'

/** Every primitive's type rule, VJP rule and linearity. */
export const primitives: PrimitiveRegistry = {
  constant, input, param, noise, arg,
  neg, exp, log, sin, cos, sqrt, tanh, abs, sign, floor, stopGradient,
  add, sub, mul, div, pow, maximum, minimum, atan2,
  less, select,
  sum, reduceMax,
  reshape, broadcast, transpose, slice, pad, concat, reverse,
  gather, scatterAdd,
  matmul, cumsum, rfft, irfft, recurrence,
}
