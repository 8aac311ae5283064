/**
 * `compile`, the public entry from signals to a `Program`.
 *
 * @example
 * import { pipe } from 'fp-ts/lib/function.js'
 * import * as E from 'fp-ts/lib/Either.js'
 * pipe(compile({ out: y }), E.match((errs) => console.error(errs.map(formatError).join('\n')), run))
 */
import type * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import { compileNodes } from './compile.js'
import type { GraphError } from './errors.js'
import type { Program } from './program.js'
import { Signal, type Rate } from './signal.js'

/**
 * Compiles signals to a Program (toposort, CSE, DCE). A single signal becomes output `out`.
 * @returns every construction error (op + call site), or the Program.
 * @example compile({ audio: y, loss: l })
 */
export const compile = (
  outputs: Signal<Rate> | Readonly<Record<string, Signal<Rate>>>,
): E.Either<NonEmptyArray<GraphError>, Program> =>
  compileNodes(
    outputs instanceof Signal ? { out: outputs.node } : Object.fromEntries(Object.entries(outputs).map(([k, s]) => [k, s.node])),
  )
