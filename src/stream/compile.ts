/**
 * The block compiler: `compileStream` turns a streamable Program into an
 * allocation-free block processor. It plans once, from the shapes: the time
 * analysis of `plan.ts` (what needs the future is refused here, with
 * `NotStreamable` naming the op and its call site), the values constant in
 * time evaluated once on the spec's backend, an arena of one Float64Array per
 * time-indexed value (`compile-layout.ts`), and a flat list of kernel calls:
 * generated loops that fuse chains of pointwise ops, recurrences, delays,
 * phases and upsamplers (`compile-codegen.ts`), and block kernels between
 * them — the real-time lowerings the caller passes in, keyed by composite
 * name (`spec.lowerings`), else the generic ones (`compile-kernels.ts`).
 * Composites with neither run their decomposition. `process(n)` renders the
 * next n ≤ blockSize samples from the inputs' views into the outputs' views.
 *
 * @example
 * import { reference } from 'ddsp-ts/backends/reference'
 * import { compileStream } from './compile.js'
 * const s = compileStream(program, { blockSize: 128, inputs: { x: 'audio' }, backend: reference() }, {}) // Right(stream)
 * // s.inputs.x.set(block); s.process(128); s.outputs.y // [B, 128] row-major
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type { EvalError } from '../core/errors.js'
import { checkFeeds, type Feeds } from '../core/interpret.js'
import type { Program } from '../core/program.js'
import { emitProgram } from './compile-program.js'
import type { LoweringTable } from './compile-lowering.js'
import { analyse, lookahead } from './plan.js'
import { evalStatic } from './run.js'
import { clockOf, type StreamError, type StreamSpec } from './stream.js'
import type { Clock } from './types.js'

/** How to compile a stream: the streaming spec, the block capacity and the real-time lowerings. */
export interface CompileSpec extends StreamSpec {
  /** The most samples one `process` call renders. */
  readonly blockSize: number
  /** Sample rate (Hz), for lowerings that need it beyond the composites' own attributes. */
  readonly sampleRate?: number
  /** Every block but the last has exactly `blockSize` samples (lets lowerings with fixed partitions apply; default false). */
  readonly fixedBlocks?: boolean
  /** Block kernels by composite name (`realtime/lowerings.ts` has the wasm ones); others decompose. */
  readonly lowerings?: LoweringTable
}

/** A compiled stream: write the block's inputs into `inputs`, call `process`, read `outputs`. */
export interface CompiledStream {
  readonly clock: Clock
  readonly blockSize: number
  /** Input views, layout `[B, capacity, …]` (audio: blockSize samples; control: `frameCapacity` frames). */
  readonly inputs: Readonly<Record<string, Float64Array>>
  /** Output views, layout `[B, blockSize, …]`: samples t < n of the last block. */
  readonly outputs: Readonly<Record<string, Float64Array>>
  readonly frameCapacity: number
  /** Control frames the next block of n samples needs written into the control inputs (frames [fp, fp + due)). */
  readonly framesDue: (n: number) => number
  /** Renders the next n samples (throws past the program's end or beyond the capacities). */
  readonly process: (n: number) => void
  /** Back to the stream's start (state cleared). */
  readonly reset: () => void
  /** Samples rendered so far. */
  readonly position: () => number
  /** The generated source (for inspection). */
  readonly source: string
}

/**
 * Compiles a Program into a block processor.
 * @param spec time-indexed inputs, the backend that evaluates the static part, blockSize, lowerings
 * @param staticFeeds values of every other input and param
 * @returns the compiled stream, or `NotStreamable` (op and site), or a feed error
 * @example compileStream(p, { inputs: { f0: 'control' }, backend: reference(), blockSize: 128 }, {})
 */
export const compileStream = (program: Program, spec: CompileSpec, staticFeeds: Feeds): E.Either<StreamError, CompiledStream> => {
  const backend = spec.backend
  const fixed: Program = { ...program, inputs: program.inputs.filter((d) => spec.inputs[d.name] === undefined) }
  return pipe(
    E.Do,
    E.bind('clock', () => clockOf(program, spec.inputs)),
    E.bind('checked', () => E.mapLeft((e: EvalError): StreamError => e)(checkFeeds(fixed, staticFeeds, backend.float))),
    E.bind('plan', ({ clock }) => analyse(program, [], spec.inputs, clock, '') as E.Either<StreamError, ReturnType<typeof analyse> extends E.Either<unknown, infer P> ? P : never>),
    E.flatMap(({ clock, checked, plan }) => {
      const named = new Map(checked.map(([name, data, shape]) => [name, backend.upload(data, shape)] as const))
      const statics = evalStatic(backend.kernels, plan, named, [])
      const ahead = lookahead(plan)
      const framesNeeded = (end: number) =>
        clock.frames === 0 || end <= 0 ? 0 : Math.min(clock.frames, Math.floor(((end - 1 + ahead) * clock.frames) / clock.samples) + 2)
      const frameCapacity = clock.frames === 0 ? 1 : Math.min(clock.frames, Math.ceil((spec.blockSize * clock.frames) / clock.samples) + 3)
      const W = new Float64Array(4)
      return E.map((p: ReturnType<typeof emitProgram> extends E.Either<unknown, infer R> ? R : never): CompiledStream => {
        const reset = () => {
          W.fill(0)
          for (const s of p.states) s.init === undefined ? s.data.fill(0) : s.data.set(s.init)
          for (const k of p.kernels) k.reset()
        }
        return {
          clock,
          blockSize: spec.blockSize,
          inputs: p.inputs,
          outputs: p.outputs,
          frameCapacity,
          framesDue: (n) => framesNeeded(W[0]! + n) - W[2]!,
          process: (n) => {
            const at = W[0]!
            if (n > spec.blockSize || at + n > clock.samples) throw new Error(`block of ${n} at ${at}: past the capacity ${spec.blockSize} or the program's ${clock.samples} samples`)
            const m = framesNeeded(at + n) - W[2]!
            if (m > frameCapacity) throw new Error(`block of ${n} needs ${m} control frames, more than the capacity ${frameCapacity}`)
            W[1] = n
            W[3] = m
            p.run(W)
            W[0] = at + n
            W[2] = W[2]! + m
          },
          reset,
          position: () => W[0]!,
          source: p.source,
        }
      })(emitProgram({ plan, statics, clock, spec, capacity: { audio: spec.blockSize, control: frameCapacity }, w: W }))
    }),
  )
}
