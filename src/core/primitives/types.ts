/**
 * The type table: every primitive's type rule, gathered from one file per op
 * group. It is all of the primitives that `node.ts` (`mk`) imports, so
 * building a node never loads the VJP rules (which build nodes themselves).
 *
 * @example
 * import { typeRules } from './types.js'
 * typeRules.sin.arity // 1
 */
import type { TypeRules } from '../type-rule.js'
import { elementwiseTypes } from './elementwise.js'
import { indexingTypes } from './indexing.js'
import { layoutTypes } from './layout.js'
import { matmulTypes } from './matmul.js'
import { reduceTypes } from './reduce.js'
import { scanTypes } from './scan.js'
import { sourceTypes } from './sources.js'
import { spectralTypes } from './spectral.js'

/** Every primitive's type rule. @example typeRules.concat.arity // 'variadic' */
export const typeRules: TypeRules = {
  ...sourceTypes, ...elementwiseTypes, ...reduceTypes, ...layoutTypes, ...indexingTypes, ...matmulTypes, ...scanTypes, ...spectralTypes,
}
