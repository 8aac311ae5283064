/**
 * The primitive registry: exactly one spec per op name, each the op's type
 * rule (`types.ts`) and VJP rule (`vjps.ts`) together. Core itself reads the
 * two tables apart (`mk` the types, autodiff the VJPs).
 *
 * @example
 * import { primitives } from './index.js'
 * primitives.sin.linearIn // []
 */
import { opNames } from '../ops.js'
import type { PrimitiveRegistry } from '../primitive.js'
import { typeRules } from './types.js'
import { vjpRules } from './vjps.js'

export { typeRules } from './types.js'
export { vjpRules } from './vjps.js'

/** Every primitive's type rule, VJP rule and linearity. @example primitives.concat.linearIn // ['all'] */
export const primitives = Object.fromEntries(opNames.map((op) => [op, { ...typeRules[op], ...vjpRules[op] }])) as PrimitiveRegistry
