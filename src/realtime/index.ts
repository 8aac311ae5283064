/**
 * Real-time rendering. Two layers:
 * - **Streaming** (`streamProgram`, `renderStream`): any compiled Program whose
 *   ops are causal, folded over blocks of any size on the reference kernels,
 *   equal to the offline render (property `properties/stream.prop.ts`); ops
 *   that need the future are refused with `NotStreamable` naming op and site.
 *   The evaluator is its own layer, `src/stream` (`ddsp-ts/stream`, any host
 *   backend's kernels); here it is re-exported with the reference backend as
 *   the default.
 * - **Fast voices** (`ddspVoice`, `kit808Voices`, `harmonicVoice`,
 *   `noiseVoice`, `partitionedConvolver`/`stagedConvolver`): plain
 *   Float32Array voices with preallocated buffers, no allocation per block,
 *   tested against the offline synths; `npm run bench:realtime` measures them.
 *
 * Latency per synth (audio / control look-ahead):
 * | synth                     | audio | control frames needed ahead           |
 * |---------------------------|-------|----------------------------------------|
 * | harmonic                  | 0     | 1 hop (upsampling reads frame i + 1)   |
 * | filtered noise (M bands)  | 0     | 1 hop, c = (M−1) samples into it (FIR crop; the noise is drawn ahead) |
 * | reverb (any IR length)    | 0     | — (multi-stage partitioning adds none) |
 * | modulated delays (chorus) | 0     | — (streamed: input history carried; fast path: none yet) |
 * | 808 kit voices, adsr      | 0     | — (hit starts on the sample after trigger) |
 * | streamed Program          | 0     | `stream.framesNeeded(end)` frames before rendering [0, end) |
 *
 * @example
 * import { ddspVoice, renderStream } from 'ddsp-ts/realtime'
 * const v = ddspVoice({ sampleRate: 48000, harmonics: 100, bands: 65, hop: 192, ir })
 * renderStream(program, { inputs: { f0: 'control' } }, feeds, [128, 128, 64])
 */
export { renderStream, streamProgram, type StreamSpec } from './stream.js'
export type { BlockFeeds, NotStreamable, Stream, StreamBackend, StreamError, StreamState, TimeInfo } from '../stream/index.js'
export { ddspVoice, type DdspFrame, type DdspVoice, type DdspVoiceOptions } from './voice-ddsp.js'
export { kit808Voices, type DrumVoiceRT } from './voice-808.js'
export { harmonicVoice, type HarmonicVoice, type HarmonicVoiceOptions } from './harmonic-voice.js'
export { noiseVoice, type NoiseVoice, type NoiseVoiceOptions } from './noise-voice.js'
export { partitionedConvolver, stagedConvolver, type Convolver } from './partitioned.js'
