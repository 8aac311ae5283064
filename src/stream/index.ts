/**
 * Streaming: any compiled Program whose ops are causal, folded over blocks of
 * any size on the kernels of a host-memory backend that the caller passes in
 * (`StreamSpec.backend`), equal to the offline render (property
 * `properties/stream.prop.ts`). Ops that need the future are refused with
 * `NotStreamable` naming op and site. This layer depends on `core` only: one
 * stream rule per primitive in `rules/<group>.ts` (the op groups of
 * `core/primitives`), composite rules in `composites.ts`, the time analysis
 * in `plan.ts`, block evaluation in `run.ts`.
 *
 * @example
 * import { reference } from 'ddsp-ts/backends/reference'
 * import { renderStream, streamProgram } from 'ddsp-ts/stream'
 * renderStream(program, { inputs: { f0: 'control' }, backend: reference() }, feeds, [128, 128, 64])
 * const s = streamProgram(program, { inputs: { x: 'audio' }, backend: reference('float32') }, {})
 */
export { streamProgram, type BlockFeeds, type Stream, type StreamBackend, type StreamError, type StreamSpec } from './stream.js'
export { renderStream } from './render.js'
export type { NotStreamable, StateValue, StreamRate, StreamState, TimeInfo, TimeInputs } from './types.js'
