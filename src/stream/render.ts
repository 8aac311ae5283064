/**
 * `renderStream`: the offline-equivalent convenience over a Stream — cuts
 * whole feeds into blocks of the given sizes (control frames delivered just
 * in time, per `framesNeeded`), folds `process` over them and joins the
 * output blocks along time.
 *
 * @example
 * import { renderStream } from './render.js'
 * renderStream(program, { inputs: { x: 'audio' }, backend: reference() }, { x: audio }, [128, 128, 64]) // Right({ y: Float64Array })
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Feeds } from '../core/interpret.js'
import type { Program } from '../core/program.js'
import { sizeOf } from '../core/shape.js'
import { streamProgram, type BlockFeeds, type StreamError, type StreamSpec } from './stream.js'

/** Rows [from, to) along axis 1 of a row-major `[B, L, ...]` array. */
const along1 = (data: ArrayLike<number>, shape: readonly number[], from: number, to: number): Float64Array => {
  const [b, l] = [shape[0]!, shape[1]!]
  const per = sizeOf(shape.slice(2))
  const out = new Float64Array(b * (to - from) * per)
  for (let r = 0; r < b; r++)
    for (let t = from; t < to; t++) for (let c = 0; c < per; c++) out[(r * (to - from) + t - from) * per + c] = data[(r * l + t) * per + c]!
  return out
}

/**
 * Renders a program block by block and joins the outputs along axis 1.
 * @param feeds whole feeds (time-indexed ones included)  @param blocks block sizes in samples, summing to T
 * @returns each time-indexed output, flat row-major `[B, T, ...]`
 * @example renderStream(p, { inputs: { f0: 'control' }, backend: reference() }, { f0 }, [1, 63, 200])
 */
export const renderStream = (program: Program, spec: StreamSpec, feeds: Feeds, blocks: readonly number[]): E.Either<StreamError, Record<string, Float64Array>> => {
  const fixed = Object.fromEntries(Object.entries(feeds).filter(([k]) => spec.inputs[k] === undefined))
  return E.flatMap(streamProgram(program, spec, fixed), (s) => {
    let state = s.init()
    let pos = 0
    const parts: Record<string, Array<{ data: ArrayLike<number>; shape: readonly number[] }>> = {}
    for (const n of blocks) {
      const block: Record<string, Float64Array> = {}
      for (const [name, rate] of Object.entries(spec.inputs)) {
        const d = program.inputs.find((x) => x.name === name)!
        const f = feeds[name]
        const data: ArrayLike<number> = typeof f === 'number' ? [f] : (f ?? [])
        const [from, to] = rate === 'audio' ? [pos, pos + n] : [s.framesNeeded(pos), s.framesNeeded(pos + n)]
        block[name] = along1(data, d.shape, from, to)
      }
      const r = s.process(state, n, block as BlockFeeds)
      if (E.isLeft(r)) return r
      state = r.right.state
      for (const [name, v] of Object.entries(r.right.outputs)) (parts[name] ??= []).push(v)
      pos += n
    }
    return E.right(Object.fromEntries(Object.entries(parts).map(([name, ps]) => [name, join(ps)])))
  })
}

/** Joins blocks `[B, n_i, ...]` along axis 1. */
const join = (ps: ReadonlyArray<{ data: ArrayLike<number>; shape: readonly number[] }>): Float64Array => {
  const [b] = [ps[0]!.shape[0]!]
  const per = sizeOf(ps[0]!.shape.slice(2))
  const total = ps.reduce((t, p) => t + p.shape[1]!, 0)
  const out = new Float64Array(b * total * per)
  let at = 0
  for (const p of ps) {
    const n = p.shape[1]!
    for (let r = 0; r < b; r++) for (let i = 0; i < n * per; i++) out[(r * total + at) * per + i] = p.data[r * n * per + i]!
    at += n
  }
  return out
}
