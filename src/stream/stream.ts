/**
 * Streaming a compiled Program: a pure fold over blocks of any size that
 * reproduces the offline render, on the kernels of the backend the spec
 * names (any backend whose values live in host memory as `{ data, shape }`,
 * e.g. `reference('float64')`: the stateful rules read and build those
 * arrays directly). `streamProgram` analyses the program once
 * (time-indexed inputs, clock) and evaluates everything constant in time;
 * the resulting `Stream` has `init()` → state and `process(state, block)` →
 * `{ outputs, state }`, with the state plain data (carried cumsums, recurrence
 * states, delay lines, convolution tails, upsampling frames, phases).
 * Control inputs arrive per block as the new frames; `framesNeeded(end)`
 * says how many frames must have arrived before samples up to `end` can be
 * rendered: one frame of look-ahead (the upsamplers interpolate towards the
 * next frame), plus the crop of a filtered-noise FIR (c samples), so the
 * latency of frame-rate controls is one hop (+ c samples for filtered noise).
 *
 * @example
 * import { reference } from 'ddsp-ts/backends/reference'
 * import { streamProgram } from './stream.js'
 * const s = streamProgram(program, { inputs: { x: 'audio' }, backend: reference() }, { gain: [0.5] })  // Right(stream)
 * // let st = s.init(); ({ outputs, state: st } = s.process(st, { x: block }))
 */
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import type { Backend, HostTensor } from '../core/backend.js'
import type { EvalError } from '../core/errors.js'
import { checkFeeds, type Feeds } from '../core/interpret.js'
import type { Program } from '../core/program.js'
import { sizeOf } from '../core/shape.js'
import { analyse, lookahead, type Plan, type TimeInputs } from './plan.js'
import { evalStatic, runBlock } from './run.js'
import type { Clock, NotStreamable, StateValue, StreamState } from './types.js'

/**
 * What streaming needs of a backend: kernels on host-memory values, upload, and the float type of its host arrays.
 * @example const b: StreamBackend = reference('float32')
 */
export type StreamBackend = Pick<Backend<HostTensor>, 'kernels' | 'upload' | 'float'>

/** How to stream a program. */
export interface StreamSpec {
  /** Time-indexed inputs (time on axis 1) and their rate; every other input is fed once, whole. */
  readonly inputs: TimeInputs
  /** The kernels every block runs on, e.g. `reference('float64')`. */
  readonly backend: StreamBackend
}

/** One block's inputs: for audio inputs n samples along axis 1, for control inputs the new frames. */
export type BlockFeeds = Readonly<Record<string, Float32Array | Float64Array>>

/** A program folded over blocks. */
export interface Stream {
  readonly clock: Clock
  /** The state before the first block. */
  readonly init: () => StreamState
  /**
   * Renders the next `samples` samples. @param state from `init` or the previous call
   * @param feeds time-indexed inputs for this block
   */
  readonly process: (
    state: StreamState,
    samples: number,
    feeds: BlockFeeds,
  ) => E.Either<EvalError, { readonly outputs: Readonly<Record<string, HostTensor>>; readonly state: StreamState }>
  /** Control frames that must have arrived to render samples [0, end). */
  readonly framesNeeded: (end: number) => number
}

/** Errors of stream construction. */
export type StreamError = NotStreamable | EvalError

/** The clock of a program: T from its first output with a time axis, F from its control inputs. @example clockOf(p, { f0: "control" }) */
export const clockOf = (p: Program, inputs: TimeInputs): E.Either<StreamError, Clock> => {
  const audio = p.outputs.map((o) => p.eqns.find((e) => e.id === o.id)!.shape[1]).find((d) => d !== undefined)
  const frames = p.inputs.filter((d) => inputs[d.name] === 'control').map((d) => d.shape[1]!)
  if (audio === undefined) return E.left({ _tag: 'NotStreamable', op: 'output', site: 'outputs', reason: 'no output has a time axis (axis 1)' })
  if (frames.some((f) => f !== frames[0])) return E.left({ _tag: 'NotStreamable', op: 'input', site: 'inputs', reason: 'control inputs have different frame counts' })
  return E.right({ samples: audio, frames: frames[0] ?? 0 })
}

/** State key of the stream's position. */
const POS = '@position'
const FRAMES = '@frames'

const blockShape = (shape: readonly number[], len: number) => shape.map((d, i) => (i === 1 ? len : d))

/**
 * Checks and uploads one block's time-indexed feeds.
 * @returns block tensors by name and the number m of new control frames (all control inputs must agree)
 */
const blockInputs = (
  decls: Program['inputs'],
  inputs: TimeInputs,
  samples: number,
  feeds: BlockFeeds,
  upload: (data: Float64Array, shape: readonly number[]) => HostTensor,
): E.Either<EvalError, { readonly blocks: Record<string, HostTensor>; readonly m: number }> => {
  const blocks: Record<string, HostTensor> = {}
  let m = -1
  for (const [name, rate] of Object.entries(inputs)) {
    const d = decls.find((x) => x.name === name)
    const data = feeds[name]
    if (d === undefined || data === undefined) return E.left({ _tag: 'MissingFeed', name, kind: 'input' })
    const per = sizeOf(d.shape) / d.shape[1]!
    const len = rate === 'audio' ? samples : data.length / per
    if (!Number.isInteger(len) || data.length !== len * per) return E.left({ _tag: 'FeedShapeMismatch', name, expected: blockShape(d.shape, len), got: data.length })
    if (rate === 'control' && m >= 0 && m !== len)
      return E.left({ _tag: 'KernelFailed', op: 'stream', message: 'control inputs delivered different frame counts in one block' })
    if (rate === 'control') m = len
    blocks[name] = upload(Float64Array.from(data), blockShape(d.shape, len))
  }
  return E.right({ blocks, m: Math.max(m, 0) })
}

/**
 * Compiles a Program into a Stream.
 * @param program a compiled program whose outputs are `[B, T, ...]`
 * @param spec time-indexed inputs and the backend  @param staticFeeds values of every other input and param
 * @returns the stream, or the first op that cannot stream (`NotStreamable`, with its site), or a feed error
 * @example streamProgram(p, { inputs: { f0: 'control', amps: 'control' }, backend: reference() }, {})
 */
export const streamProgram = (program: Program, spec: StreamSpec, staticFeeds: Feeds): E.Either<StreamError, Stream> => {
  const backend = spec.backend
  const k = backend.kernels
  const decls = [...program.inputs, ...program.params]
  const fixed: Program = { ...program, inputs: program.inputs.filter((d) => spec.inputs[d.name] === undefined) }
  return pipe(
    E.Do,
    E.bind('clock', () => clockOf(program, spec.inputs)),
    E.bind('checked', () => E.mapLeft((e: EvalError): StreamError => e)(checkFeeds(fixed, staticFeeds, backend.float))),
    E.bind('plan', ({ clock }) => analyse(program, [], spec.inputs, clock, '') as E.Either<StreamError, Plan>),
    E.map(({ clock, checked, plan }) => {
      const named = new Map(checked.map(([name, data, shape]) => [name, backend.upload(data, shape)] as const))
      const statics = evalStatic(k, plan, named, [])
      const ahead = lookahead(plan)
      const framesNeeded = (end: number) =>
        clock.frames === 0 || end <= 0 ? 0 : Math.min(clock.frames, Math.floor(((end - 1 + ahead) * clock.frames) / clock.samples) + 2)
      const process: Stream['process'] = (state, samples, feeds) => {
        const p = (state[POS] as number | undefined) ?? 0
        const fp = (state[FRAMES] as number | undefined) ?? 0
        const next: Record<string, StateValue> = { ...state }
        const fed = blockInputs(decls, spec.inputs, samples, feeds, backend.upload)
        if (E.isLeft(fed)) return fed
        const { blocks, m } = fed.right
        if (p + samples > clock.samples) return E.left({ _tag: 'KernelFailed', op: 'stream', message: `block ends at ${p + samples}, past the program's ${clock.samples} samples` })
        const w = { p, n: samples, fp, m }
        try {
          const outs = runBlock(k, plan, statics, blocks, [], w, clock, { read: (key) => next[key], write: (key, v) => (next[key] = v) })
          next[POS] = p + samples
          next[FRAMES] = fp + w.m
          return E.right({ outputs: Object.fromEntries(outs), state: next })
        } catch (err) {
          return E.left({ _tag: 'KernelFailed', op: 'stream', message: err instanceof Error ? err.message : String(err) })
        }
      }
      return { clock, init: () => ({}), process, framesNeeded }
    }),
  )
}
