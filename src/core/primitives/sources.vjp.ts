/**
 * VJP rules of the source primitives: no tensor inputs, so no cotangents.
 *
 * @example
 * import { sourceVjps } from './sources.vjp.js'
 * sourceVjps.param.linearIn // []
 */
import type { VjpRulesOf, VjpSpec } from '../primitive.js'
import type { SourceOp } from './sources.js'

const noCotangents: VjpSpec<SourceOp> = { vjp: () => [], linearIn: [] }

/** VJP rules of the sources group. @example sourceVjps.noise.vjp */
export const sourceVjps: VjpRulesOf<SourceOp> = { constant: noCotangents, input: noCotangents, param: noCotangents, noise: noCotangents, arg: noCotangents }
