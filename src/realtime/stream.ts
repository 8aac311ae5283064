/**
 * Streaming on the reference kernels: `ddsp-ts/realtime`'s `streamProgram`
 * and `renderStream`, as they were before streaming moved to its own layer
 * (`src/stream`, `ddsp-ts/stream`), which runs on the kernels of whichever
 * host backend its spec names. Here the backend may be left out: it is then
 * `reference(spec.float ?? 'float64')`.
 *
 * @example
 * import { renderStream } from 'ddsp-ts/realtime'
 * renderStream(program, { inputs: { f0: 'control' } }, feeds, [128, 128, 64]) // float64 reference kernels
 */
import type * as E from 'fp-ts/lib/Either.js'
import { reference } from '../backends/reference/index.js'
import type { Feeds } from '../core/interpret.js'
import type { Program } from '../core/program.js'
import * as S from '../stream/index.js'

/** How to stream a program: `ddsp-ts/stream`'s spec with the backend optional. */
export interface StreamSpec extends Omit<S.StreamSpec, 'backend'> {
  /** The kernels every block runs on (default: the reference kernels of `float`). */
  readonly backend?: S.StreamBackend
  /** Float type of the default reference kernels (default float64). */
  readonly float?: 'float32' | 'float64'
}

const withBackend = (spec: StreamSpec): S.StreamSpec => ({ inputs: spec.inputs, backend: spec.backend ?? reference(spec.float ?? 'float64') })

/**
 * Compiles a Program into a Stream (see `ddsp-ts/stream`), on the reference kernels unless the spec names a backend.
 * @example streamProgram(p, { inputs: { f0: 'control', amps: 'control' } }, {})
 */
export const streamProgram = (program: Program, spec: StreamSpec, staticFeeds: Feeds): E.Either<S.StreamError, S.Stream> =>
  S.streamProgram(program, withBackend(spec), staticFeeds)

/**
 * Renders a program block by block (see `ddsp-ts/stream`), on the reference kernels unless the spec names a backend.
 * @example renderStream(p, { inputs: { f0: 'control' } }, { f0 }, [1, 63, 200])
 */
export const renderStream = (program: Program, spec: StreamSpec, feeds: Feeds, blocks: readonly number[]): E.Either<S.StreamError, Record<string, Float64Array>> =>
  S.renderStream(program, withBackend(spec), feeds, blocks)
