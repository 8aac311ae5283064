/**
 * A trained autoencoder rendered in blocks, for inputs of any length: the
 * decoder runs on the backend over `framesPerBlock` frames at a time, its
 * GRU state carried from block to block (`Autoencoder.controlsFrom`), and
 * the synthesis is the real-time DDSP voice (`voice-ddsp.ts`: harmonic +
 * filtered noise with the model's noise seed and full-length FIR, reverb by
 * partitioned convolution), which equals the offline synth up to float32
 * rounding. Each rendered block goes to `sink` (e.g. a WAV writer), so memory
 * stays flat in the length: only f0 and loudness per frame are held. The
 * last c samples (the noise FIR's look-ahead, 64 at 65 bands) differ from
 * the one-pass render by design: there the FIR's input past the end is zero.
 *
 * @example
 * await renderAutoencoderBlocks(wasm, config, params, f0, loudness, async (y) => writer.write(y))
 */
import * as E from 'fp-ts/lib/Either.js'
import type { AnyBackend } from '../core/backend.js'
import { evaluate } from '../core/interpret.js'
import { compile } from '../core/program-api.js'
import type { Program } from '../core/program.js'
import { input } from '../core/signal.js'
import { firTable } from '../host/fir.js'
import { AUTOENCODER_NOISE_SEED, autoencoder, REVERB_PARAM, type AutoencoderConfig } from '../models/autoencoder.js'
import { FEEDS } from '../models/programs.js'
import { badOption, type TrainError } from '../train/errors.js'
import type { NamedParams } from '../train/params.js'
import { ddspVoice } from './voice-ddsp.js'

/** Block sizes of `renderAutoencoderBlocks`. @example const o: BlockRenderOptions = { framesPerBlock: 50, block: 1024 } */
export interface BlockRenderOptions {
  /** decoder frames per evaluation (default 50: an unrolled GRU block keeps every step's tensors alive until it ends, and longer blocks let the heap overshoot) */
  readonly framesPerBlock?: number
  /** samples per voice block, a power of two (default 1024) */
  readonly block?: number
}

const H0 = 'gru_h0'

/**
 * Renders `f0Hz.length · hop` samples through the model, block by block.
 * @param backend where the decoder runs  @param config the model's config  @param params trained params
 * @param f0Hz f0 per frame (Hz)  @param loudnessDb loudness per frame (dB)
 * @param sink receives each block of samples in order (a Left stops the render)
 * @param o decoder frames and voice samples per block
 * @returns the number of samples rendered, or the first error
 * @example await renderAutoencoderBlocks(backend, config, params, f0, ld, async (y) => E.right(parts.push(y.slice())))
 */
export const renderAutoencoderBlocks = async <L>(
  backend: AnyBackend,
  config: AutoencoderConfig,
  params: NamedParams,
  f0Hz: Float32Array,
  loudnessDb: Float32Array,
  sink: (samples: Float32Array) => Promise<E.Either<L, unknown>>,
  o: BlockRenderOptions = {},
): Promise<E.Either<TrainError | L, number>> => {
  const F = f0Hz.length
  if (F === 0 || F !== loudnessDb.length) return E.left(badOption('frames', `f0 (${F}) and loudness (${loudnessDb.length}) need the same, non-zero number of frames`))
  const m = autoencoder(config)
  const missing = Object.keys(m.params).find((k) => params[k] === undefined)
  if (missing !== undefined) return E.left(badOption('params', `the model's param '${missing}' is missing`))
  const { hop, harmonics: K, noiseBands: M, rnn } = config
  const C = 1 + K + M
  const per = Math.max(1, o.framesPerBlock ?? 50)
  const programs = new Map<number, Program>()
  const decoderProgram = (frames: number): E.Either<TrainError, Program> => {
    const have = programs.get(frames)
    if (have !== undefined) return E.right(have)
    const d = m.controlsFrom(input(FEEDS.f0, [1, frames, 1], 'control'), input(FEEDS.loudness, [1, frames, 1], 'control'), input(H0, [1, 1, rnn], 'control'))
    const c = compile({ y: d.y, h: d.h })
    if (E.isLeft(c)) return E.left({ _tag: 'TrainCompileFailed', errors: c.left })
    programs.set(frames, c.right)
    return c
  }
  let h: Float32Array | Float64Array = new Float32Array(rnn)
  let decoded = { from: 0, y: new Float32Array(0) as ArrayLike<number> }
  const decode = async (from: number): Promise<E.Either<TrainError, void>> => {
    const to = Math.min(F, from + per)
    const p = decoderProgram(to - from)
    if (E.isLeft(p)) return p
    const weights = Object.fromEntries(p.right.params.map((d) => [d.name, params[d.name]!]))
    const out = await evaluate(backend)(p.right, { [FEEDS.f0]: f0Hz.subarray(from, to), [FEEDS.loudness]: loudnessDb.subarray(from, to), [H0]: h, ...weights })
    if (E.isLeft(out)) return E.left({ _tag: 'TrainEvalFailed', step: 0, error: out.left })
    h = Float32Array.from(out.right['h']!.data)
    decoded = { from, y: out.right['y']!.data }
    return E.right(undefined)
  }
  const block = o.block ?? 1024
  const ir = params[REVERB_PARAM]
  const voice = ddspVoice({ sampleRate: config.sampleRate, harmonics: K, bands: M, hop, block, seed: AUTOENCODER_NOISE_SEED, windowSize: 0, ...(ir ? { ir: Float32Array.from(ir) } : {}) })
  const ahead = firTable(M, 0).center // the noise FIR reads c samples ahead
  const total = F * hop
  const out = new Float32Array(block)
  let pushed = 0
  for (let s = 0; s < total; s += block) {
    const need = Math.min(F, Math.floor((s + block - 1 + ahead) / hop) + 2)
    for (; pushed < need; pushed++) {
      if (pushed >= decoded.from + decoded.y.length / C) {
        const d = await decode(pushed)
        if (E.isLeft(d)) return d
      }
      const row = (pushed - decoded.from) * C
      const y = decoded.y as Float32Array
      voice.pushFrame({ amplitude: y[row]!, distribution: y.subarray(row + 1, row + 1 + K), f0: f0Hz[pushed]!, noise: y.subarray(row + 1 + K, row + C) })
    }
    voice.process(out)
    const w = await sink(out.subarray(0, Math.min(block, total - s)))
    if (E.isLeft(w)) return w
  }
  return E.right(total)
}
