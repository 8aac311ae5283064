/**
 * Stream rule of the elementwise group (unary, binary, `less`, `select`):
 * time-local, the operands' time axes broadcast to one output axis, and the
 * op's kernel runs on the block.
 *
 * @example
 * import { elementwiseRules } from './elementwise.js'
 * elementwiseRules.add // { info: broadcastInfo, run: local() }
 */
import type { OpName } from '../../core/ops.js'
import { broadcastInfo, local, type PrimRule } from './common.js'

const elementwise: PrimRule = { info: broadcastInfo, run: local() }

/** Rules of the elementwise primitives. @example elementwiseRules.sin === elementwiseRules.mul // true: one rule */
export const elementwiseRules: Readonly<Partial<Record<OpName, PrimRule>>> = Object.fromEntries(
  ['neg', 'exp', 'log', 'sin', 'cos', 'sqrt', 'tanh', 'abs', 'sign', 'floor', 'stopGradient', 'add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'atan2', 'less', 'select'].map((op) => [op, elementwise]),
)
