/**
 * Errors as values: tagged unions for graph construction, evaluation,
 * decoding and backend loading, with one `formatError`.
 *
 * Combinators never throw. A shape or rate error is stored in the node and
 * flows downstream; `compile` gathers every root error with its op and the
 * user's call site.
 *
 * @example
 * import { formatError } from './errors.js'
 * formatError({ _tag: 'MissingFeed', name: 'f0' }) // "missing feed 'f0' ..."
 */

/** A shape, rate or attribute error found while building a graph. */
export interface GraphError {
  readonly _tag: 'GraphError'
  /** The op whose rule failed, e.g. `'add'`. */
  readonly op: string
  /** What was wrong, naming shapes and attributes. */
  readonly message: string
  /** The first stack frame outside ddsp-ts's core: where the user built the node. */
  readonly site: string
}

/** An error found when feeding and running a compiled Program. */
export type EvalError =
  | { readonly _tag: 'MissingFeed'; readonly name: string; readonly kind: 'input' | 'param' }
  | { readonly _tag: 'UnknownFeed'; readonly name: string; readonly known: readonly string[] }
  | {
      readonly _tag: 'FeedShapeMismatch'
      readonly name: string
      readonly expected: readonly number[]
      readonly got: readonly number[] | number
    }
  | { readonly _tag: 'NonFiniteFeed'; readonly name: string; readonly index: number; readonly value: number }
  | { readonly _tag: 'KernelFailed'; readonly op: string; readonly message: string }
  | { readonly _tag: 'UnknownOutput'; readonly name: string; readonly known: readonly string[] }

/** An error found while decoding a serialised Program. */
export interface DecodeError {
  readonly _tag: 'DecodeError'
  /** JSON path of the culprit, e.g. `$.eqns[3].attrs.axes`. */
  readonly path: string
  readonly message: string
}

/** A backend that cannot be loaded here, with what would make it work. */
export interface BackendUnavailable {
  readonly _tag: 'BackendUnavailable'
  readonly backend: string
  readonly reason: string
  readonly remedy: string
}

/** Any ddsp-ts error. */
export type DdspError = GraphError | EvalError | DecodeError | BackendUnavailable

/**
 * One line describing an error for people.
 * @example formatError({ _tag: 'DecodeError', path: '$.version', message: 'expected 1' })
 */
export const formatError = (e: DdspError): string => {
  switch (e._tag) {
    case 'GraphError':
      return `${e.op}: ${e.message} (at ${e.site})`
    case 'MissingFeed':
      return `missing feed '${e.name}' (an ${e.kind} of the program)`
    case 'UnknownFeed':
      return `unknown feed '${e.name}'; the program has ${e.known.map((k) => `'${k}'`).join(', ') || 'none'}`
    case 'FeedShapeMismatch':
      return `feed '${e.name}' has ${typeof e.got === 'number' ? `${e.got} values` : `shape [${e.got.join(',')}]`}, expected shape [${e.expected.join(',')}]`
    case 'NonFiniteFeed':
      return `feed '${e.name}' holds ${e.value} at flat index ${e.index}; feeds must be finite`
    case 'KernelFailed':
      return `kernel '${e.op}' failed: ${e.message}`
    case 'UnknownOutput':
      return `unknown output '${e.name}'; the program has ${e.known.map((k) => `'${k}'`).join(', ')}`
    case 'DecodeError':
      return `cannot decode program at ${e.path}: ${e.message}`
    case 'BackendUnavailable':
      return `backend '${e.backend}' is unavailable: ${e.reason}. ${e.remedy}`
  }
}
