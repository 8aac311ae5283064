/**
 * `renderCompiled`: the offline-equivalent convenience over a compiled
 * stream, as `renderStream` is over the interpreted one — cuts whole feeds
 * into blocks of the given sizes (control frames written just in time, per
 * `framesDue`), runs `process` and joins the output blocks along time.
 *
 * @example
 * import { renderCompiled } from './compile-render.js'
 * renderCompiled(program, { inputs: { x: 'audio' }, backend: reference(), blockSize: 128 }, { x }, [128, 128, 64]) // Right({ y })
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Feeds } from '../core/interpret.js'
import type { Program } from '../core/program.js'
import { sizeOf } from '../core/shape.js'
import { compileStream, type CompileSpec, type CompiledStream } from './compile.js'
import type { StreamError } from './stream.js'

/**
 * Writes rows [from, from + len) along axis 1 of a whole `[B, L, …]` feed into a block view of capacity `cap`.
 * @example writeRows(view, feed, [1, 480], 128, 0, 128)
 */
export const writeRows = (view: Float64Array, data: ArrayLike<number>, shape: readonly number[], cap: number, from: number, len: number): void => {
  const [b, l] = [shape[0]!, shape[1]!]
  const per = sizeOf(shape.slice(2))
  for (let r = 0; r < b; r++) for (let t = 0; t < len; t++) for (let c = 0; c < per; c++) view[(r * cap + t) * per + c] = data[(r * l + from + t) * per + c]!
}

/**
 * Renders a program through the block compiler and joins each time-indexed output along axis 1.
 * @param feeds whole feeds (time-indexed ones included)  @param blocks block sizes (each ≤ spec.blockSize), summing to T
 * @example renderCompiled(p, { inputs: { f0: 'control' }, backend: reference(), blockSize: 64 }, { f0 }, [1, 63, 64])
 */
export const renderCompiled = (program: Program, spec: CompileSpec, feeds: Feeds, blocks: readonly number[]): E.Either<StreamError, Record<string, Float64Array>> => {
  const fixed = Object.fromEntries(Object.entries(feeds).filter(([k]) => spec.inputs[k] === undefined))
  return E.map((s: CompiledStream) => {
    const T = s.clock.samples
    const shapes = Object.fromEntries(program.outputs.map((o) => [o.name, program.eqns.find((e) => e.id === o.id)!.shape]))
    const joined = Object.fromEntries(Object.keys(s.outputs).map((k) => [k, new Float64Array(sizeOf(shapes[k]!))]))
    let [pos, fp] = [0, 0]
    for (const n of blocks) {
      const m = s.framesDue(n)
      for (const [name, rate] of Object.entries(spec.inputs)) {
        const d = program.inputs.find((x) => x.name === name)!
        const f = feeds[name]
        const data: ArrayLike<number> = typeof f === 'number' ? [f] : (f ?? [])
        if (rate === 'audio') writeRows(s.inputs[name]!, data, d.shape, s.blockSize, pos, n)
        else writeRows(s.inputs[name]!, data, d.shape, s.frameCapacity, fp, m)
      }
      s.process(n)
      for (const [k, view] of Object.entries(s.outputs)) {
        const shape = shapes[k]!
        const per = sizeOf(shape.slice(2))
        for (let r = 0; r < shape[0]!; r++) for (let i = 0; i < n * per; i++) joined[k]![(r * T + pos) * per + i] = view[r * s.blockSize * per + i]!
      }
      pos += n
      fp += m
    }
    return joined
  })(compileStream(program, spec, fixed))
}
